# `*bases`/`**keywords`, the class cell passed on to a function nested in a
# method, and a generator method that keeps its function object (super()).
import cython


class Base:
    def hello(self):
        return type(self).__name__


extra = (object,)


class Starred(Base, *extra, flag=True, **{}):
    def nested(self):
        def inner(me):
            return super().hello()
        return inner(self)

    def gen(self):
        yield super().hello()
