// Frame<N>: the object variables of one emitted function in one array.
//
// Why: a `pyxx::Ref` per variable gives every call that can throw one cleanup
// region per live variable, and GCC spends most of an object-heavy module's
// compile time on those regions and their landing pads (docs/benchmarks.md:
// 26 % less compile time, 19 % less machine code without them). A frame has
// one destructor, so every throwing call of the function shares one cleanup.
//
// The emitter gives the function's named object locals the first slots (the
// local is a `pyxx::Ref&` to its slot, so it reads and assigns as a Ref does)
// and the temporaries of its statements the slots above, as a stack:
//  - `hold` stores a temporary into a slot the emitter keeps empty until then;
//  - `drop` releases it at the end of its statement, and before a `break` or
//    `continue` leaves the statements that hold it;
//  - `clear_from` releases what a `try` block still held when an exception
//    left it, as a handler, a `finally` block or `__exit__` starts (Python
//    releases them first too);
//  - the destructor releases the rest when the function returns or unwinds.
// Built with PYXX_CHECK_FRAME (the debug-Python tests), storing into a slot
// that still holds an object aborts: the emitter missed a release.
#pragma once

#include "object.hpp"

#include <new>

namespace pyxx {

// Releases slots [0, n) in reverse order (out of line: one call per frame).
[[gnu::noinline]] inline void release_slots(Ref* slots, int n) noexcept {
  for (int i = n - 1; i >= 0; --i) {
    slots[i].reset();
  }
}

template <int N>
class Frame {
  static_assert(N > 0, "a function without object slots has no frame");

 public:
  Frame() noexcept {
    for (int i = 0; i < N; ++i) {
      new (&slots_[i]) Ref();
    }
  }
  ~Frame() {
    if constexpr (N <= 4) {
      for (int i = N - 1; i >= 0; --i) {
        slots_[i].~Ref();
      }
    } else {
      release_slots(slots_, N);
    }
  }
  Frame(const Frame&) = delete;
  Frame& operator=(const Frame&) = delete;

  Ref& operator[](int k) noexcept { return slots_[k]; }

  Ref& hold(int k, Ref&& value) noexcept {
#ifdef PYXX_CHECK_FRAME
    if (slots_[k]) {
      Py_FatalError("pyxx: a frame slot still held an object (an emitter bug)");
    }
#endif
    slots_[k].fill_empty(value.release());
    return slots_[k];
  }
  void drop(int k) noexcept { slots_[k].reset(); }
  void clear_from(int k) noexcept { release_slots(slots_ + k, N - k); }

 private:
  // A union: the slots are constructed and released by hand, not by the
  // implicit member calls (their lifetimes are the frame's).
  union {
    Ref slots_[N];
  };
};

}  // namespace pyxx
