from diff_support import show


def run(mod):
    show("counted(1)", mod.counted, 1)
    show("counted(1) again", mod.counted, 1)
    show("counted.calls", lambda: mod.counted.calls)
    show("tagged(4)", mod.tagged, 4)
    show("tagged.tag", lambda: mod.tagged.tag)
    show("cached('a')", mod.cached, "a")
    show("cached('b')", mod.cached, "b")
    show("cached('a') again", mod.cached, "a")
    show("forgetful.note", lambda: mod.forgetful.note)
    show("summary()", mod.summary)
    show("forget()", mod.forget)

    def forget_again():
        # the message names the function's type: 'function' in Python,
        # pyxx's own function type compiled (as Cython names its own)
        try:
            mod.forget()
        except AttributeError:
            return "AttributeError"

    show("forget() again", forget_again)
    show("untouched(3)", mod.untouched, 3)

    def set_from_outside():
        mod.counted.outside = True
        return mod.counted.outside

    show("an attribute set by the caller", set_from_outside)
    show("__name__", lambda: (mod.counted.__name__, mod.tagged.__name__))
