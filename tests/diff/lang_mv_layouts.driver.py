# diff-needs: numpy
import numpy as np

from diff_support import show


def not_contiguous(*args):
    raise ValueError("ndarray is not C-contiguous")


def run(mod):
    show("csum", mod.csum, np.arange(4.0))
    show("csum(strided)", mod.csum, np.arange(8.0)[::2], c_model=not_contiguous)
    m = np.arange(12, dtype=np.intc).reshape(3, 4)
    show("corners", mod.corners, m[:, ::2], m.T)
