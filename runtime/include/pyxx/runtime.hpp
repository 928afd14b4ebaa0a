// pyxx runtime: the only header a generated extension module includes.
//
// Parts (each header has one job; all header-only, C++17, Python.h and a few
// lean std headers, so a generated module compiles about as fast as a
// hand-written one):
//   python.hpp      Python.h, included first, with PY_SSIZE_T_CLEAN
//   errors.hpp      Site, CError, PythonError, raise_c/raise_python, handle_exception
//   errors_python.hpp  Python's exception semantics: raise, except (sys.exc_info,
//                   __context__), finally, `except E as name` unbinding
//   gil.hpp         RAII guards: ReleasedGil, AcquiredGil, their *If variants, ReleasedGilIfHeld
//   object.hpp      Ref, an owning PyObject reference; check() for C-API results
//   frame_slots.hpp Frame<N>, a function's object locals and temporaries in one array
//   convert.hpp     from_python / to_python for every C scalar type, CPython's rules
//   arithmetic.hpp  Python semantics on C values without UB: wrapping + - * neg abs,
//                   floor // and %, /, **, shifts, and cdivision's C / and %
//   complex.hpp     Complex<T>, C complex numbers with CPython's arithmetic
//   args.hpp        ArgSpec and unpack_call for METH_FASTCALL | METH_KEYWORDS wrappers
//   memoryview.hpp  View<T, N>, typed memoryviews over the buffer protocol
//   view_access.hpp ViewAccess, a View parameter's addressing held in locals
//   view_object.hpp a View as a Python memoryview object (view_to_object)
//   view_assign.hpp `dst[...] = src` and `dst[:] = value` on views (view_assign, view_fill)
//   view_iter.hpp   `for x in v`: the items Cython iterates (view_iter)
//   carray_view.hpp a view of a C array's own memory (view_of_carray)
//   constants.hpp   str/bytes/int/float constants and names, made once per extension
//   module.hpp      PYXX_MODULE (multi-phase init), PYXX_FASTCALL
//   pyops.hpp       Python-object operations for GIL contexts, throwing PythonError
//   unpacking.hpp   `*`/`**` in calls, displays and assignments, CPython's messages
//   closure.hpp     cells and function objects of nested functions and lambdas
//   c_data.hpp      C arrays (CArray) and their list conversions; struct helpers
//   fused.hpp       the Python entry point of a function with fused types (dispatch)
//   c_global.hpp    module-level C variables: relaxed atomic loads and stores
//   cclass.hpp      extension types (@cython.cclass): type creation, fields, hooks
//   total_ordering.hpp  @cython.total_ordering: the missing ordering methods of an extension type
//   cimport.hpp     C functions shared between pyxx modules: capsule tables, ForeignError
//   with.hpp        `with` over a Python context manager (WithExit)
//   coroutine.hpp   stackful coroutines: stacks, the context switch
//   generator.hpp   generator objects over coroutines (make_generator, yield)
//   classes.hpp     class statements: bases, metaclass, namespace, the class
//   cpython_array.hpp  `cpython.array`: the array.array type, its data pointer, clone/resize/extend
//   frames.hpp      globals(), locals(), vars(), dir(), eval(), exec(): the module's namespaces
//
// Design:
//  - Errors are C++ exceptions. Native code may run without the GIL, where the
//    Python error indicator cannot be touched, so a failure there throws a
//    CError (exception type + static message) and the Python exception is made
//    later; code that already set the indicator throws a PythonError. The GIL
//    guards are RAII, so unwinding restores the GIL state of every `with` block
//    before the Python entry point's `catch (...)` calls handle_exception(),
//    which sets the exception and returns nullptr.
//  - Every raise carries a Site (function name and .pyx line): handle_exception
//    turns it into a traceback entry that points at the user's source, not at
//    the generated C++.
//  - What only an error runs (making the exception, its message, the
//    traceback bookkeeping) is in [[gnu::cold]], noinline functions taking the
//    site's parts as scalars, so each raising site in generated code is one
//    call: a large module compiles that much less code.
//  - `with nogil:` / `with gil:` are C++ scopes holding a guard; conditional
//    guards serve `nogil(cond)`/`gil(cond)`, and ReleasedGilIfHeld serves
//    Numba's `nogil=True`, which must not release a GIL it does not hold.
//  - All functions are inline and in namespace pyxx: nothing per module, no
//    link-time dependency beyond libpython.
#pragma once

#include "python.hpp"  // must come before any standard header

#include "args.hpp"
#include "arithmetic.hpp"
#include "c_data.hpp"
#include "c_global.hpp"
#include "cimport.hpp"
#include "complex.hpp"
#include "constants.hpp"
#include "cpdef_enum.hpp"
#include "convert.hpp"
#include "convert_with.hpp"
#include "errors.hpp"
#include "errors_python.hpp"
#include "frame_slots.hpp"
#include "gil.hpp"
#include "module.hpp"
#include "object.hpp"
#include "pyops.hpp"
#include "unpacking.hpp"
#include "with.hpp"

// What the limited API cannot express (type objects, frames, cells, the buffer
// protocol, exception states of generators): left out there, where the checker
// refuses the constructs that need it (PX306).
#ifndef Py_LIMITED_API
#include "buffer_export.hpp"
#include "cclass.hpp"
#include "classes.hpp"
#include "cpython_array.hpp"
#include "closure.hpp"
#include "dataclass.hpp"
#include "frames.hpp"
#include "fused.hpp"
#include "memoryview.hpp"
#include "generator.hpp"
#include "total_ordering.hpp"
#include "view_access.hpp"
#include "view_object.hpp"
#include "view_assign.hpp"
#include "view_iter.hpp"
#include "carray_view.hpp"
#endif
