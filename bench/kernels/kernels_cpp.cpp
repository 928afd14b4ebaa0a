// The kernels of bench/kernels.py written by hand against the C API: raw
// pointers into C-contiguous buffers, METH_O for one-argument functions,
// METH_FASTCALL otherwise. The reference for "no per-element work beyond
// hand-written C++". Built with the flags `pyxx build` uses.
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <cstdint>

namespace {

// A C-contiguous buffer of `itemsize`-byte items, released on scope exit.
struct Buffer {
  Py_buffer view{};
  bool ok = false;
  Buffer(PyObject* obj, bool writable) {
    ok = PyObject_GetBuffer(obj, &view, PyBUF_C_CONTIGUOUS | PyBUF_FORMAT | (writable ? PyBUF_WRITABLE : 0)) == 0;
  }
  ~Buffer() {
    if (ok) PyBuffer_Release(&view);
  }
  template <class T>
  T* data() const { return static_cast<T*>(view.buf); }
  Py_ssize_t size(Py_ssize_t itemsize) const { return view.len / itemsize; }
};

PyObject* sum_(PyObject*, PyObject* arg) {
  Buffer a(arg, false);
  if (!a.ok) return nullptr;
  const double* p = a.data<double>();
  const Py_ssize_t n = a.size(8);
  double total = 0.0;
  for (Py_ssize_t i = 0; i < n; ++i) total += p[i];
  return PyFloat_FromDouble(total);
}

PyObject* dot(PyObject*, PyObject* const* args, Py_ssize_t nargs) {
  if (nargs != 2) return PyErr_Format(PyExc_TypeError, "dot() takes 2 arguments");
  Buffer a(args[0], false), b(args[1], false);
  if (!a.ok || !b.ok) return nullptr;
  const double* x = a.data<double>();
  const double* y = b.data<double>();
  const Py_ssize_t n = a.size(8);
  double total = 0.0;
  for (Py_ssize_t i = 0; i < n; ++i) total += x[i] * y[i];
  return PyFloat_FromDouble(total);
}

PyObject* saxpy(PyObject*, PyObject* const* args, Py_ssize_t nargs) {
  if (nargs != 3) return PyErr_Format(PyExc_TypeError, "saxpy() takes 3 arguments");
  const double alpha = PyFloat_AsDouble(args[0]);
  if (alpha == -1.0 && PyErr_Occurred()) return nullptr;
  Buffer bx(args[1], false), by(args[2], true);
  if (!bx.ok || !by.ok) return nullptr;
  const double* x = bx.data<double>();
  double* y = by.data<double>();
  const Py_ssize_t n = bx.size(8);
  for (Py_ssize_t i = 0; i < n; ++i) y[i] = y[i] + alpha * x[i];
  Py_RETURN_NONE;
}

PyObject* mandelbrot(PyObject*, PyObject* const* args, Py_ssize_t nargs) {
  if (nargs != 3) return PyErr_Format(PyExc_TypeError, "mandelbrot() takes 3 arguments");
  const int width = static_cast<int>(PyLong_AsLong(args[0]));
  const int height = static_cast<int>(PyLong_AsLong(args[1]));
  const int max_iter = static_cast<int>(PyLong_AsLong(args[2]));
  if (PyErr_Occurred()) return nullptr;
  int inside = 0;
  for (int py = 0; py < height; ++py) {
    for (int px = 0; px < width; ++px) {
      const double cr = -2.0 + 3.0 * px / width;
      const double ci = -1.5 + 3.0 * py / height;
      double zr = 0.0, zi = 0.0;
      int k = 0;
      while (k < max_iter && zr * zr + zi * zi <= 4.0) {
        const double t = zr * zr - zi * zi + cr;
        zi = 2.0 * zr * zi + ci;
        zr = t;
        ++k;
      }
      if (k == max_iter) ++inside;
    }
  }
  return PyLong_FromLong(inside);
}

PyObject* sieve(PyObject*, PyObject* arg) {
  Buffer b(arg, true);
  if (!b.ok) return nullptr;
  unsigned char* flags = b.data<unsigned char>();
  const Py_ssize_t n = b.size(1);
  int count = 0;
  for (Py_ssize_t i = 2; i < n; ++i) {
    if (flags[i]) {
      ++count;
      for (Py_ssize_t j = i * i; j < n; j += i) flags[j] = 0;
    }
  }
  return PyLong_FromLong(count);
}

PyObject* matmul(PyObject*, PyObject* const* args, Py_ssize_t nargs) {
  if (nargs != 3) return PyErr_Format(PyExc_TypeError, "matmul() takes 3 arguments");
  Buffer ba(args[0], false), bb(args[1], false), bc(args[2], true);
  if (!ba.ok || !bb.ok || !bc.ok) return nullptr;
  const Py_ssize_t n = ba.view.shape[0], p = ba.view.shape[1], m = bb.view.shape[1];
  const double* a = ba.data<double>();
  const double* b = bb.data<double>();
  double* c = bc.data<double>();
  for (Py_ssize_t i = 0; i < n; ++i) {
    for (Py_ssize_t j = 0; j < m; ++j) c[i * m + j] = 0.0;
    for (Py_ssize_t k = 0; k < p; ++k) {
      const double s = a[i * p + k];
      for (Py_ssize_t j = 0; j < m; ++j) c[i * m + j] += s * b[k * m + j];
    }
  }
  Py_RETURN_NONE;
}

PyObject* stencil(PyObject*, PyObject* const* args, Py_ssize_t nargs) {
  if (nargs != 2) return PyErr_Format(PyExc_TypeError, "stencil() takes 2 arguments");
  Buffer ba(args[0], false), bo(args[1], true);
  if (!ba.ok || !bo.ok) return nullptr;
  const double* a = ba.data<double>();
  double* out = bo.data<double>();
  const Py_ssize_t n = ba.size(8);
  for (Py_ssize_t i = 1; i < n - 1; ++i) out[i] = (a[i - 1] + a[i] + a[i + 1]) * (1.0 / 3.0);
  Py_RETURN_NONE;
}

PyObject* int_hash(PyObject*, PyObject* arg) {
  const long long n = PyLong_AsLongLong(arg);
  if (n == -1 && PyErr_Occurred()) return nullptr;
  std::uint64_t h = 1469598103934665603ULL;
  for (long long i = 0; i < n; ++i) {
    h = (h ^ static_cast<std::uint64_t>(i)) * 1099511628211ULL;
    h ^= h >> 29;
  }
  return PyLong_FromUnsignedLongLong(h);
}

PyObject* call_def(PyObject*, PyObject* arg) {
  const long x = PyLong_AsLong(arg);
  if (x == -1 && PyErr_Occurred()) return nullptr;
  return PyLong_FromLong(x + 1);
}

// Out of line: written inside Py_BEGIN_ALLOW_THREADS, GCC keeps `total` in a
// general register across the calls around the loop and moves it to and from
// an SSE register at every element (3.5x slower).
[[gnu::noinline]] double SumOf(const double* p, Py_ssize_t n) {
  double total = 0.0;
  for (Py_ssize_t i = 0; i < n; ++i) total += p[i];
  return total;
}

PyObject* sum_nogil(PyObject*, PyObject* arg) {
  Buffer a(arg, false);
  if (!a.ok) return nullptr;
  const double* p = a.data<double>();
  const Py_ssize_t n = a.size(8);
  double total = 0.0;
  Py_BEGIN_ALLOW_THREADS
  total = SumOf(p, n);
  Py_END_ALLOW_THREADS
  return PyFloat_FromDouble(total);
}

template <class F>
PyCFunction Fast(F f) { return reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)()>(f)); }

PyMethodDef methods[] = {
    {"sum_", sum_, METH_O, nullptr},
    {"dot", Fast(dot), METH_FASTCALL, nullptr},
    {"saxpy", Fast(saxpy), METH_FASTCALL, nullptr},
    {"mandelbrot", Fast(mandelbrot), METH_FASTCALL, nullptr},
    {"sieve", sieve, METH_O, nullptr},
    {"matmul", Fast(matmul), METH_FASTCALL, nullptr},
    {"stencil", Fast(stencil), METH_FASTCALL, nullptr},
    {"stencil_checked", Fast(stencil), METH_FASTCALL, nullptr},  // no checks: the unchecked loop
    {"int_hash", int_hash, METH_O, nullptr},
    {"call_def", call_def, METH_O, nullptr},
    {"call_ccall", call_def, METH_O, nullptr},
    {"sum_nogil", sum_nogil, METH_O, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

PyModuleDef module = {PyModuleDef_HEAD_INIT, "kernels_cpp", nullptr, -1, methods};

}  // namespace

PyMODINIT_FUNC PyInit_kernels_cpp() { return PyModule_Create(&module); }
