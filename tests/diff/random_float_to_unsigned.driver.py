from diff_support import show


def run(mod):
    for x in (-7.5, -1.0, -0.5, 0.0, 7.5, -1e19, 1.8e19, -4e19, 1e30, -1e30, -2.0 ** 63, 2.0 ** 64):
        for f in (mod.to_ulonglong, mod.to_size_t, mod.float_to_ulong, mod.to_uint, mod.to_uchar,
                  mod.through_ulonglong):
            show(f"{f.__name__}({x!r})", f, x)
