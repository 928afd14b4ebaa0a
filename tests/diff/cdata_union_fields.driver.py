from diff_support import show


def run(mod):
    show("fill(389, 1.64493)", mod.fill, 389, 1.64493)
    show("total(2, 0.5)", mod.total, 2, 0.5)
    show("sizes()", mod.sizes)
