from diff_support import documented, show


def run(mod):
    show("labels", lambda: [mod.labels(o) for o in (mod.Shelf(), mod.Rack())])
    show("through instances", lambda: (mod.Shelf().label(), mod.Rack().label()))

    class Mine(mod.Rack):
        @classmethod
        def label(cls):
            return "mine"

    show("Python override", lambda: mod.labels(Mine()))
    # Cython leaves the decorator out: the method needs an instance, where
    # Python's class method takes the class.
    documented("through the class", lambda: mod.Rack.label(), (),
               "TypeError: Rack.label() missing 1 required positional argument: 'tp'")
