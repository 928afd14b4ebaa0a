// RAII guards for the GIL. The emitter opens a C++ scope for each `with nogil:`
// / `with gil:` block and declares one guard in it, so the GIL state is restored
// on every exit from the block, including unwinding by a pyxx exception.
#pragma once

#include "python.hpp"

namespace pyxx {

// `with nogil:` -- releases the GIL, which this thread must hold.
class ReleasedGil {
 public:
  ReleasedGil() noexcept : state_(PyEval_SaveThread()) {}
  ~ReleasedGil() { PyEval_RestoreThread(state_); }
  ReleasedGil(const ReleasedGil&) = delete;
  ReleasedGil& operator=(const ReleasedGil&) = delete;

 private:
  PyThreadState* state_;
};

// `with gil:` / `@cython.with_gil` -- takes the GIL from any thread, whether or
// not it already holds it.
class AcquiredGil {
 public:
  AcquiredGil() noexcept : state_(PyGILState_Ensure()) {}
  ~AcquiredGil() { PyGILState_Release(state_); }
  AcquiredGil(const AcquiredGil&) = delete;
  AcquiredGil& operator=(const AcquiredGil&) = delete;

 private:
  PyGILState_STATE state_;
};

// `with nogil(cond):` -- releases the GIL only when cond is true.
class ReleasedGilIf {
 public:
  explicit ReleasedGilIf(bool cond) noexcept : state_(cond ? PyEval_SaveThread() : nullptr) {}
  ~ReleasedGilIf() {
    if (state_ != nullptr) PyEval_RestoreThread(state_);
  }
  ReleasedGilIf(const ReleasedGilIf&) = delete;
  ReleasedGilIf& operator=(const ReleasedGilIf&) = delete;

 private:
  PyThreadState* state_;  // null when the GIL was not released
};

// `with gil(cond):` -- takes the GIL only when cond is true.
class AcquiredGilIf {
 public:
  explicit AcquiredGilIf(bool cond) noexcept : acquired_(cond) {
    if (acquired_) state_ = PyGILState_Ensure();
  }
  ~AcquiredGilIf() {
    if (acquired_) PyGILState_Release(state_);
  }
  AcquiredGilIf(const AcquiredGilIf&) = delete;
  AcquiredGilIf& operator=(const AcquiredGilIf&) = delete;

 private:
  bool acquired_;
  PyGILState_STATE state_ = PyGILState_UNLOCKED;
};

#ifndef Py_LIMITED_API  // no PyGILState_Check: the checker refuses `nogil=True` there (PX306)
// Numba's `nogil=True` and any place where the GIL state is not known: releases
// the GIL if and only if this thread holds it (PyEval_SaveThread without the GIL
// is a fatal error, the crash of the article's `cython_recurse`).
class ReleasedGilIfHeld {
 public:
  ReleasedGilIfHeld() noexcept : state_(PyGILState_Check() ? PyEval_SaveThread() : nullptr) {}
  ~ReleasedGilIfHeld() {
    if (state_ != nullptr) PyEval_RestoreThread(state_);
  }
  ReleasedGilIfHeld(const ReleasedGilIfHeld&) = delete;
  ReleasedGilIfHeld& operator=(const ReleasedGilIfHeld&) = delete;

  // Whether this guard released the GIL (and will take it back).
  bool released() const noexcept { return state_ != nullptr; }

 private:
  PyThreadState* state_;
};
#endif

}  // namespace pyxx
