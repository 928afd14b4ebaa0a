# Jumps out of `finally` follow the rules of the statements themselves: a
# `break` needs a loop around it, and returning an object needs the GIL.
import cython


def no_loop(f):
    try:
        f()
    finally:
        break  # expected-error PX109


def loop_else(items):
    for item in items:
        pass
    else:
        try:
            pass
        finally:
            continue  # expected-error PX109


def released(x):
    with cython.nogil:
        try:
            pass
        finally:
            return x  # expected-error PX201
