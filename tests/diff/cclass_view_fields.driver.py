import array
import threading

from diff_support import compiled, documented, show


# A field typed as a view checks what is bound to it, as a parameter does;
# plain Python stores any object. The compiled module is compared with what
# Cython does, written down here.


def view(typecode, values):
    # Plain Python indexes the memoryview as the compiled module indexes its view.
    return memoryview(array.array(typecode, values))


def run(mod):
    samples = array.array("d", [1.0, 2.0, 3.0, 4.0])
    marks = view("i", [0] * 6).cast("B").cast("i", (2, 3))
    s = mod.Signal(memoryview(samples), marks)
    show("total", s.total)
    show("run(2.0, 3)", s.run, 2.0, 3)
    show("samples after run", lambda: list(samples))
    show("mark", s.mark, 1, 2, 7)
    show("marks", marks.tolist)
    show("drop_first", s.drop_first)
    show("last", s.last)
    show("index out of range", s.mark, 2, 0, 1)
    documented("rebind to ints", s.rebind, (view("i", [1, 2]),),
               "ValueError: Buffer dtype mismatch, expected 'double' but got 'int'")
    documented("rebind to a 2-D buffer", s.rebind, (marks,),
               "ValueError: Buffer has wrong number of dimensions (expected 1, got 2)")
    show("rebind", s.rebind, view("d", [0.5, 0.25]))
    show("old buffer released (resize)", lambda: (samples.append(5.0), len(samples))[1])
    documented("bad marks", mod.Signal, (view("d", [1.0]), view("i", [1, 2])),
               "ValueError: Buffer has wrong number of dimensions (expected 2, got 1)")
    d = mod.LabelledSignal(view("d", [1.0, 1.5]), marks, "two")
    show("derived describe", d.describe)
    show("derived run", d.run, 3.0, 2)
    show("derived describe again", d.describe)
    buffers = [view("d", [float(k)] * 1000) for k in range(4)]
    signals = [mod.Signal(b, marks) for b in buffers]
    threads = [threading.Thread(target=x.run, args=(1.5, 20)) for x in signals]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    show("threads", lambda: [(x.total(), x.run(1.0, 0)) for x in signals])
