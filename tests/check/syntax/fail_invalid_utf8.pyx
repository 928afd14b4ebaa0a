# A byte that is not UTF-8 inside a string literal.
x = 1
y = "ÿ"  # expected-error PX001
