# `with` over Python context managers: the manager, __enter__, the target in the
# `try`, __exit__ from the guard or with the exception.
def copy_first_line(src, dst):
    with open(src) as f, open(dst, "w") as out:
        line = f.readline()
        out.write(line)
    return line


def pair(manager):
    with manager as (a, b):
        if a:
            return b
    return None
