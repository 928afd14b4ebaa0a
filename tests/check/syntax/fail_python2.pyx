print "hello"  # expected-error PX004
