# expected-no-diagnostics
# Comments may stand at any column inside a block; one-line bodies follow the colon.


def commented(x):
    if x:
# a comment at column 0 inside the block
        return 1
    for i in range(3): print(i)
    try: return 2
    finally: pass
