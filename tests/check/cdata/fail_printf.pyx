# printf, fprintf, snprintf: a literal format whose every conversion matches its
# argument's C type (after C's promotions); anything else is refused at it.
import cython
from cython.cimports.libc.stdio import printf, fprintf, snprintf, stdout, puts


def wrong(n: cython.int, big: cython.long, x: cython.double, s: cython.p_char, o, fmt: cython.p_char):
    printf(b"%d\n", big)  # expected-error PX113: `%d` in the format of `printf` takes a `cython.int`
    printf(b"%ld %f\n", n, x)  # expected-error PX113: `%ld` in the format of `printf` takes a `cython.long`, but this argument is `cython.int`
    printf(b"%u\n", n)  # expected-error PX113: `%u` in the format of `printf` takes a `cython.uint`
    printf(b"%f\n", 2)  # expected-error PX113: `%f` in the format of `printf` takes a `cython.double` or `cython.float`
    printf(b"%s\n", n)  # expected-error PX113: `%s` in the format of `printf` takes a C string
    printf(b"%d\n", o)  # expected-error PX113: but this argument is a Python object
    printf(b"%d %d\n", n)  # expected-error PX113: the format of `printf` takes 2 arguments, but 1 is given
    printf(b"%d\n", 3000000000)  # expected-error PX113: `%d` in the format of `printf` takes a `cython.int`
    printf(fmt)  # expected-error PX302: a format of `printf` that is not a string literal
    printf(b"%n\n", cython.address(n))  # expected-error PX302: the conversion `%n`
    printf(b"%ls\n", s)  # expected-error PX302: the conversion `%ls`
    printf(b"%5")  # expected-error PX302: the format ends inside the conversion `%5`
    printf(b"%d\0%d", n, n)  # expected-error PX302: a NUL byte in a format of `printf`
    fprintf(s, b"%d\n", n)  # expected-error PX103: to a `cython.pointer(FILE)`
    snprintf(cython.address(n), 4, b"%d", n)  # expected-error PX103: to a `cython.p_char` buffer
    with cython.nogil:
        printf(b"%d\n", n)
    puts(b"done")
