from diff_support import documented


# Plain Python runs with the test shim's `vector` and `string`: a field starts
# as whatever the class body leaves (nothing), so the plain run shows what
# Cython gives, written down here, wherever a field is read before it is set.
def run(mod):
    documented("lifetime()", mod.lifetime, (),
               "((2, 4.0, ([0.0, 0.0, 0.0, 4.0], [0.0, 0.0, 0.0, 4.0], b'm++')), [4])")
    documented("failed_cinit()", mod.failed_cinit, (), "('negative width', [0])")
    documented("subclassed()", mod.subclassed, (), "(([0.0], [0.0], b'm+'), [1])")
    documented("replaced()", mod.replaced, (), "([1.0, 2.0, 3.0], [1.5, 1.5], 1.5)")
    # A `for` over a field iterates over a copy taken when the loop starts
    # (docs/language/cpp-containers.md): the pushed elements are not visited.
    documented("iterated()", mod.iterated, (), "(2, 4)")
