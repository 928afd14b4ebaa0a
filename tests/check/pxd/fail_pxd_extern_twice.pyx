# The module beside fail_pxd_extern_twice.pxd (whose errors stop its check).
# expected-no-diagnostics
def sin(x):
    return x
