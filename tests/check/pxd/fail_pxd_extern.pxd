# Extern blocks pyxx cannot read exactly: each refused at its line.
cdef extern from "geometry.h":  # expected-error PX123: `cdef extern from "geometry.h"`
    double area(double r)
cdef extern from *:  # expected-error PX123: `cdef extern from *`
    int LIMIT
cdef extern from "math.h":
    double sin(float x)  # expected-error PX123: `double sin(float)`, which does not match the C library's `double sin(double)`
    float cos(double x)  # expected-error PX123: does not match the C library's `double cos(double)`
    double pow(double x)  # expected-error PX123: `double pow(double)`, which does not match
    double frobnicate(double x)  # expected-error PX123: the C function `frobnicate`
    int isnan(double x)  # expected-error PX123: the C function `isnan`
    double tan(double x) except -1  # expected-error PX123: `except -1` after the declaration of `tan`
    double M_TAU  # expected-error PX123: `double M_TAU` (only C function declarations
    double _e "exp" (double x)
    double exp(double x)
    double _e "exp2" (double x)  # expected-error PX123: a second declaration of `_e`
cdef extern from "string.h" nogil:
    size_t strlen(char *s)  # expected-error PX123: does not match the C library's `size_t strlen(const char *)`
    cpdef size_t length "strlen" (const char *s)  # expected-error PX123: the `cpdef` declaration of `length`
cdef extern from "stdlib.h":
    void *malloc(size_t n)
    cpdef int abs(int x)  # expected-error PX123: the C function `abs`
    cpdef double atof(const char *s)  # expected-error PX123: the `cpdef` declaration of `atof`
cdef extern from "math.h":
    cpdef double hypot(double hypot, double y)  # expected-error PX123: the parameter `hypot` of the `cpdef` function `hypot`
