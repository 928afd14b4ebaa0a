from diff_support import documented, show


# Plain Python (Cython's Shadow module) keeps Python ints and floats where the
# compiled module has C's int and float: Cython's results are written down.
def run(mod):
    documented("declared()", mod.declared, (), "('int', 7, 'float', 0.10000000149011612, True)")
    documented("casts(2.7)", mod.casts, (2.7,), "(2.700000047683716, 2, True)")
    documented("casts(0.5)", mod.casts, (0.5,), "(0.5, 0, True)")
    documented("typedef_float(0.1)", mod.typedef_float, (0.1,), "0.10000000149011612")
    documented("sizes()", mod.sizes, (), "(4, 4)")
    show("wraps(12)", mod.wraps, 12)
    documented("wraps(2**40)", mod.wraps, (2**40,), "0")
    documented("halves(0.1)", mod.halves, (0.1,), "(0.10000000149011612, 'float')")
