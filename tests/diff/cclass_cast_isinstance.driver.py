from diff_support import show


def run(mod):
    d = mod.Dog(3)
    a = mod.Animal(2)
    show("describe", lambda: [mod.describe(v) for v in (d, a, 5, None)])
    show("best", lambda: (mod.best(d), mod.best(a)))
    show("cast", lambda: (mod.legs_of(d), mod.legs_of(a), mod.legs_of(None)))
    show("cast wrong type", lambda: mod.legs_of("cat"))
    show("cast typecheck", lambda: mod.tricks_of(d))
    show("cast typecheck wrong", lambda: mod.tricks_of(a))
    show("cast typecheck None", lambda: mod.tricks_of(None))
    show("guard", lambda: mod.dog_score(d))
    show("guard, an animal", lambda: mod.dog_score(a))
    show("guard, None", lambda: mod.dog_score(None))
    show("guards in a loop", lambda: mod.total_legs([d, a, None, "x", mod.Dog(1)]))
    show("conjunction", lambda: [mod.dog_tricks(v, 2) for v in (d, mod.Dog(1), a, None, 7)])
