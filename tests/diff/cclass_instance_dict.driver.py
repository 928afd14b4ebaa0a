from diff_support import documented, show


def error_name(function):
    try:
        function()
    except Exception as e:
        return type(e).__name__
    return "no error"


def run(mod):
    dog = mod.Animal(4)
    dog.has_tail = True
    dog.tag("x")
    show("attributes", lambda: (dog.has_tail, dog.tag_value, dog.extras(), mod.legs(dog)))
    show("dict", lambda: (type(dog.__dict__).__name__, vars(dog) is dog.__dict__, dog.__dict__["has_tail"]))
    # The C field lives in the instance's struct, not in its dictionary (Cython's layout).
    documented("c field outside", lambda: sorted(dog.__dict__), (), "['has_tail', 'tag_value']")
    del dog.has_tail
    show("deleted", lambda: (error_name(lambda: dog.has_tail), dog.extras()))
    dog.__dict__ = {"name": "rex"}
    show("replaced", lambda: (dog.name, dog.extras()))
    # A new dictionary leaves the C field as it was; plain Python's field was in the old one.
    documented("replaced field", lambda: mod.legs(dog), (), "4")
    d = mod.Dog(3)
    d.loud = True
    d.color = "brown"
    show("derived", lambda: (d.bark(), d.color, d.extras(), mod.legs(d)))
    p = mod.Puppy(2)
    p.extra = 1
    show("python subclass", lambda: (p.extra, p.extras(), mod.legs(p)))
    show("fresh", lambda: mod.Animal(1).extras())
