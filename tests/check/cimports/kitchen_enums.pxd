# An enum: not read yet.
cdef enum heat:
    low
    high
