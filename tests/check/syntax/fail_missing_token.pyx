def f(:  # expected-error PX003
    pass
