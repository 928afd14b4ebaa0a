# The enums the module fail_pxd_enums.pyx misuses.
cdef enum course:
    starter, main

cdef course first(course c)
