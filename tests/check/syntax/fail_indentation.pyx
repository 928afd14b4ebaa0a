# A body that is not indented deeper than the statement opening it is Python's
# IndentationError; a `try` needs an `except` or `finally` clause.


def unindented_if(x):
    if x:  # expected-error PX002
    return 1
    return 2


def unindented_for(xs):
    for x in xs:  # expected-error PX002
    pass
    return 0


def try_without_body():
    try:  # expected-error PX002 # expected-error PX002
    try:
        x = 1
    except ValueError:
        pass
    return 1
