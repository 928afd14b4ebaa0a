class Outer:
    class Inner:
        value = 5

        def get(self):
            return self.value

    class __Hidden:
        pass

    def make(self):
        return Outer.Inner()

    def hidden(self):
        return self.__Hidden.__name__, self.__Hidden.__qualname__


def factory(n, label="x"):
    offset = n * 2

    class Local:
        size = n
        label_copy = label

        def __init__(self, extra):
            self.total = offset + extra

        def describe(self):
            return (self.total, self.size, self.label_copy, offset, __class__.__name__)

        def me(self):
            return __class__

    return Local


class Plain:
    def who(self):
        return __class__.__qualname__


class ScopeRules:
    y = 10
    # a method does not see class-body names: it reads the global
    def read_y(self):
        return y


y = "global y"


def run_all():
    out = []
    o = Outer()
    out.append((o.make().get(), Outer.Inner.__qualname__, Outer.Inner.get.__qualname__, o.hidden(), hasattr(Outer, "_Outer__Hidden")))
    L = factory(3, "lab")
    a = L(1)
    out.append((a.describe(), L.__qualname__, L.describe.__qualname__, L.__init__.__qualname__, a.me() is L))
    L2 = factory(4)
    out.append((L2 is not L, L2(0).describe()))
    out.append(Plain().who())
    out.append(ScopeRules().read_y())
    return out
