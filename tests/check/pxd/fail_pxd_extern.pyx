# The module beside fail_pxd_extern.pxd: not checked, since its .pxd could
# not be read completely (the errors are expected in the .pxd).
# expected-no-diagnostics
def area(r):
    return 3.0 * r * r
