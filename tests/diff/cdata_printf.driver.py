import os

from diff_support import documented


# Plain Python cannot cimport libc.stdio: C's results are written down.
# (printf itself writes to C's stdout, apart from Python's: see emit/cdata/printf.)
def run(mod):
    documented("formatted(42, 3.14159, 2**40, b'hey')", mod.formatted, (42, 3.14159, 2**40, b"hey"),
               "(70, b'[   42|42  |+3.14|3.141590e+00|1099511627776|ff|377|A|hey|he|    42|%]')")
    documented("formatted(-7, -0.5, -1, b'')", mod.formatted, (-7, -0.5, -1, b""),
               "(55, b'[   -7|-7  |-0.50|-5.000000e-01|-1|ff|377|A|||    -7|%]')")
    documented("truncated(12345)", mod.truncated, (12345,), "(17, b'12345-1')")
    documented("counted(devnull, 12, 2.5)", mod.counted, (os.devnull.encode(), 12, 2.5), "11")
