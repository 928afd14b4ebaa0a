# expected-no-diagnostics
# `global x` then `x = ...` in a function creates the module global `x`, which
# other functions and module code may read.


def init():
    global counter, names
    counter = 0
    names = []


def bump(name):
    global counter
    counter += 1
    names.append(name)
    return counter


def read():
    return (counter, names)


def reset():
    global counter
    for counter in range(3):
        pass
