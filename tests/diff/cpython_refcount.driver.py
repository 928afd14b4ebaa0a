from diff_support import documented, show


# Only changes of a count are compared: the counts differ (see the .pyx).
def run(mod):
    o = object()
    show("grows(o)", mod.grows, o)
    documented("from_c(o)", mod.from_c, (o,), "(1, 'Py_ssize_t')")
