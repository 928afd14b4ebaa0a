# A second declarations-only .pxd whose enum reuses a constant name of
# kitchen_enums.pxd (`low`): cimporting both names is a redefinition.
cdef enum oven:
    low
    grill
