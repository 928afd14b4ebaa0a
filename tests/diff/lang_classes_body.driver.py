from diff_support import show


def run(mod):
    for i, item in enumerate(mod.run_all()):
        show(str(i), lambda: item)
    show("a class-body name is not the function's", lambda: mod.class_name_not_function_local(5))
