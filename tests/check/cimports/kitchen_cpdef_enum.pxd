# A `cpdef enum` would also be a Python enum class of a module this .pxd does not have.
cpdef enum mode:
    bake, grill
