# Indices their loop proves in range are not checked; the others still are.
import cython


def row_sums(m: cython.double[:, ::1], out: cython.double[:]) -> None:
    rows = m.shape[0]
    for i in range(rows):
        s: cython.double = 0.0
        for j in range(m.shape[1]):
            s += m[i, j]      # proved: no check
        out[i] = s            # another view: checked
