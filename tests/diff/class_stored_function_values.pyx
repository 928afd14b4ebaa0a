# A module function stored in a class through a conditional value, `or`, or
# `setattr(Cls, name, f)` binds as a method, as Python's functions do:
# `obj.m()` passes `obj`.
def describe(self):
    return "describe(%s)" % type(self).__name__


def shout(self, word):
    return word.upper() + "!" * self.level


def whisper(self, word):
    return word.lower() + "." * self.level


def fallback(self):
    return "fallback"


LOUD = len(__name__) > 1


class Speaker:
    level = 2
    say = shout if LOUD else whisper
    other = None or fallback


class Plain:
    pass


setattr(Plain, "describe", describe)
Plain.talk = whisper if not LOUD else shout
setattr(Plain, "level", 1)


def run_methods():
    s = Speaker()
    p = Plain()
    return [s.say("hi"), s.other(), p.describe(), p.talk("ok")]
