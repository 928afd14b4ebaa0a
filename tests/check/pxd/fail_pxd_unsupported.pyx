# The module beside fail_pxd_unsupported.pxd: not checked, since its .pxd
# could not be read completely (the errors are expected in the .pxd).
# expected-no-diagnostics
class Holder:
    pass
