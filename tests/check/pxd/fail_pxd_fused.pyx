# The module beside fail_pxd_fused.pxd: not checked, since its .pxd could not
# be read completely (the error is expected in the .pxd).
# expected-no-diagnostics
def twice(x):
    return x * 2
