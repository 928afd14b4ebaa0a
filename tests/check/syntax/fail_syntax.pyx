def f(x):
    return x +  # expected-error PX002
