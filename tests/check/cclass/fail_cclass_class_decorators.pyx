import cython


@cython.collection_type("list")  # expected-error PX107: takes one argument, "sequence" or "mapping"
@cython.cclass
class Unknown:
    pass


@cython.collection_type("sequence")
@cython.collection_type("mapping")  # expected-error PX107: `@cython.collection_type` is given twice
@cython.cclass
class Twice:
    pass


@cython.type_version_tag(False)  # expected-error PX303: decorator `cython.type_version_tag(False)`
@cython.cclass
class NoTag:
    pass


@cython.collection_type("sequence")
@cython.cclass
class Items:
    n: cython.int

    def __len__(self):
        return self.n


def no_gil(items: Items) -> cython.int:
    with cython.nogil:
        return len(items)  # expected-error PX202
