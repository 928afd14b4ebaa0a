// Generators: a `def` with `yield` returns a pyxx generator object whose body
// runs as a stackful coroutine (coroutine.hpp). The emitted body is the same
// C++ as any function body -- try/catch, pyxx::Finally, HandledException, `with`
// guards -- inside a lambda that gets the generator (`pyxx_gen`):
//
//   pyxx::Ref f(pyxx::Ref n) {
//     return pyxx::make_generator("f", "f", pyxx_source_file, nullptr,
//         [n = std::move(n)](pyxx::Generator& pyxx_gen) mutable -> pyxx::Ref {
//           ... pyxx_gen.yield_value(value, site) ...   // `yield value`: returns what send() passed
//           return pyxx::Ref::borrow(Py_None);          // `return`: StopIteration.value
//         });
//   }
//
// What a resume does to the thread state, as CPython's gen_send_ex does:
//  - the generator's own handled-exception entry (sys.exc_info() inside it) is
//    pushed on tstate->exc_info while it runs and popped when it yields;
//  - one level of Python recursion is counted while it runs (a generator that
//    resumes itself through `yield from` ends in RecursionError, not a crash).
// Valid for CPython 3.9 to 3.13 (tested; 3.9 and 3.10 keep each entry as a
// type/value/traceback triple; the recursion counters balance across a yield). 3.14
// checks the C stack against the thread's stack bounds (c_stack_soft_limit):
// a resume would have to set those to the coroutine stack's bounds.
//
// Generators need the GIL: the checker rejects them in nogil functions, and
// `yield` inside `with nogil:` is PX201.
#pragma once

#include "python.hpp"

#include <new>
#include <utility>

#include "coroutine.hpp"
#include "errors.hpp"
#include "errors_python.hpp"
#include "object.hpp"


namespace pyxx {

class Generator;

namespace detail {

struct GeneratorBody {
  virtual ~GeneratorBody() = default;
  virtual Ref Run(Generator& gen) = 0;
};

template <class F>
struct GeneratorBodyOf final : GeneratorBody {
  explicit GeneratorBodyOf(F&& f) : f_(std::move(f)) {}
  Ref Run(Generator& gen) override { return f_(gen); }
  F f_;
};

// The StopIteration value of the error being set (which is a StopIteration):
// clears it and returns a new reference (None when it carries none).
inline PyObject* FetchStopIterationValue() noexcept {
  PyObject* type = nullptr;
  PyObject* value = nullptr;
  PyObject* traceback = nullptr;
  PyErr_Fetch(&type, &value, &traceback);
  PyErr_NormalizeException(&type, &value, &traceback);
  PyObject* result = nullptr;
  if (value != nullptr) {
    result = PyObject_GetAttrString(value, "value");
    if (result == nullptr) {
      PyErr_Clear();
    }
  }
  Py_XDECREF(type);
  Py_XDECREF(value);
  Py_XDECREF(traceback);
  return result != nullptr ? result : Py_NewRef(Py_None);
}

// Raises StopIteration carrying `value` (a tuple or an exception kept whole).
inline void SetStopIterationValue(PyObject* value) noexcept {
  if (value == Py_None) {
    PyErr_SetNone(PyExc_StopIteration);
    return;
  }
  PyObject* exception = PyObject_CallOneArg(PyExc_StopIteration, value);
  if (exception != nullptr) {
    PyErr_SetObject(PyExc_StopIteration, exception);
    Py_DECREF(exception);
  }
}

}  // namespace detail

// The generator as its body sees it, and the state of the generator object.
class Generator {
 public:
  enum class State : unsigned char { Created, Suspended, Running, Finished };
  // How a step ended: a value was yielded (in transfer_), the body returned
  // (its value in transfer_), or an error is set.
  enum class Step : unsigned char { Yielded, Returned, Failed };

  Generator(detail::GeneratorBody* body, PyObject* module, const char* name, const char* qualname,
            const char* filename) noexcept
      : body_(body), module_(module), name_(name), qualname_(qualname), filename_(filename) {
    Py_XINCREF(module_);
  }
  Generator(const Generator&) = delete;
  auto operator=(const Generator&) -> Generator& = delete;
  ~Generator() {
    if (state_ == State::Suspended) {
      coroutine_.Abandon();  // it ignored GeneratorExit: its frames are dropped as they are
    }
    delete body_;
    Py_CLEAR(transfer_);
    Py_CLEAR(delegate_);
    Py_CLEAR(exc_state_.exc_value);
#if PY_VERSION_HEX < 0x030B0000
    Py_CLEAR(exc_state_.exc_type);  // 3.9 and 3.10: the entry is a triple
    Py_CLEAR(exc_state_.exc_traceback);
#endif
    Py_CLEAR(module_);
  }

  // `yield value` (body side): hands `value` to whoever resumed the generator and
  // returns what the next send() passes (None for next()); raises what throw() passes.
  Ref yield_value(Ref value, Site site) {
    transfer_ = value.release();
    coroutine_.Suspend();
    return Resumed(site);
  }

  // `yield from iterable` (body side), PEP 380: the subiterator's items are
  // yielded, send() and throw() go to it, close() closes it; the result is the
  // value its StopIteration carries.
  Ref yield_from(PyObject* iterable, Site site) {
    Ref it = check(PyObject_GetIter(iterable), site);
    PyObject* item = Py_TYPE(it.get())->tp_iternext(it.get());
    for (;;) {
      if (item == nullptr) {
        if (PyErr_Occurred() == nullptr) {
          return Ref::borrow(Py_None);
        }
        if (!PyErr_ExceptionMatches(PyExc_StopIteration)) {
          raise_python(site);
        }
        return Ref::steal(detail::FetchStopIterationValue());
      }
      transfer_ = item;
      Py_XSETREF(delegate_, Py_NewRef(it.get()));
      coroutine_.Suspend();
      Py_CLEAR(delegate_);
      if (throwing_) {
        throwing_ = false;
        item = ThrowIntoDelegate(it.get(), site);
        continue;
      }
      Ref sent = Ref::steal(std::exchange(transfer_, nullptr));
      if (sent.get() == Py_None) {
        item = Py_TYPE(it.get())->tp_iternext(it.get());
      } else {
        static PyObject* send_name = nullptr;
        if (send_name == nullptr && (send_name = PyUnicode_InternFromString("send")) == nullptr) {
          raise_python(site);
        }
        item = PyObject_CallMethodOneArg(it.get(), send_name, sent.get());
      }
    }
  }

  // ---- the object side (generator.hpp's type slots)

  // Runs the body until it yields, returns or raises. `sent` (borrowed) is the
  // value for the pending `yield`; with `throwing`, the error set is raised there.
  Step Resume(PyObject* sent, bool throwing) noexcept {
    if (state_ == State::Running) {
      PyErr_SetString(PyExc_ValueError, "generator already executing");
      return Step::Failed;
    }
    if (state_ == State::Finished) {
      if (throwing) {
        return Step::Failed;  // throw() into an exhausted generator raises the exception
      }
      transfer_ = Py_NewRef(Py_None);
      return Step::Returned;
    }
    if (state_ == State::Created) {
      if (throwing) {
        Finish();  // raised before the first line: the body never runs
        return Step::Failed;
      }
      if (sent != Py_None) {
        PyErr_SetString(PyExc_TypeError, "can't send non-None value to a just-started generator");
        return Step::Failed;
      }
      if (!coroutine_.Start(&Entry, this)) {
        PyErr_NoMemory();
        return Step::Failed;
      }
    }
    if (Py_EnterRecursiveCall("")) {
      return Step::Failed;
    }
    transfer_ = throwing ? nullptr : Py_NewRef(sent);
    throwing_ = throwing;
    PyThreadState* tstate = PyThreadState_Get();
    exc_state_.previous_item = tstate->exc_info;
    tstate->exc_info = &exc_state_;
    state_ = State::Running;
    coroutine_.Resume();
    tstate->exc_info = exc_state_.previous_item;
    exc_state_.previous_item = nullptr;
    Py_LeaveRecursiveCall();
    if (done_) {
      Finish();
      return failed_ ? Step::Failed : Step::Returned;
    }
    state_ = State::Suspended;
    return Step::Yielded;
  }

  // The value a step left (new reference).
  PyObject* TakeTransfer() noexcept { return std::exchange(transfer_, nullptr); }

  [[nodiscard]] State state() const noexcept { return state_; }
  [[nodiscard]] PyObject* delegate() const noexcept { return delegate_; }
  [[nodiscard]] const char* name() const noexcept { return name_; }
  [[nodiscard]] const char* qualname() const noexcept { return qualname_; }

  // A generator that never started has nothing to run: it is just finished.
  void FinishUnstarted() noexcept {
    if (state_ == State::Created) {
      Finish();
    }
  }

 private:
  static void Entry(void* arg) noexcept {
    auto* self = static_cast<Generator*>(arg);
    Py_CLEAR(self->transfer_);  // the first resume sends None
    try {
      Ref result = self->body_->Run(*self);
      self->transfer_ = result.release();
    } catch (...) {
      detail::SetPythonErrorWithTraceback(self->filename_);
      self->failed_ = true;
    }
    if (self->failed_ && PyErr_ExceptionMatches(PyExc_StopIteration)) {
      ReplaceStopIteration();
    }
    self->done_ = true;
    self->coroutine_.Exit();
  }

  // PEP 479: a StopIteration leaving the body becomes a RuntimeError caused by it.
  static void ReplaceStopIteration() noexcept {
    PyObject* type = nullptr;
    PyObject* value = nullptr;
    PyObject* traceback = nullptr;
    PyErr_Fetch(&type, &value, &traceback);
    PyErr_NormalizeException(&type, &value, &traceback);
    if (traceback != nullptr) {
      PyException_SetTraceback(value, traceback);
    }
    PyErr_SetString(PyExc_RuntimeError, "generator raised StopIteration");
    PyObject* new_type = nullptr;
    PyObject* new_value = nullptr;
    PyObject* new_traceback = nullptr;
    PyErr_Fetch(&new_type, &new_value, &new_traceback);
    PyErr_NormalizeException(&new_type, &new_value, &new_traceback);
    Py_INCREF(value);
    PyException_SetCause(new_value, value);  // steals
    PyException_SetContext(new_value, value);  // steals
    PyErr_Restore(new_type, new_value, new_traceback);
    Py_XDECREF(type);
    Py_XDECREF(traceback);
  }

  // Back in the body after a switch: a throw() raises here, a send() returns its value.
  Ref Resumed(Site site) {
    if (throwing_) {
      throwing_ = false;
      raise_python(site);
    }
    return Ref::steal(std::exchange(transfer_, nullptr));
  }

  // throw() while delegating (PEP 380): GeneratorExit closes the subiterator and
  // is raised here; anything else goes to its throw() when it has one. Returns
  // the subiterator's next item, or null with its StopIteration or error set.
  PyObject* ThrowIntoDelegate(PyObject* it, Site site) {
    PyObject* type = nullptr;
    PyObject* value = nullptr;
    PyObject* traceback = nullptr;
    if (PyErr_ExceptionMatches(PyExc_GeneratorExit)) {
      PyErr_Fetch(&type, &value, &traceback);
      PyObject* close = PyObject_GetAttrString(it, "close");
      if (close == nullptr) {
        if (!PyErr_ExceptionMatches(PyExc_AttributeError)) {
          Py_XDECREF(type), Py_XDECREF(value), Py_XDECREF(traceback);
          raise_python(site);
        }
        PyErr_Clear();
      } else {
        PyObject* r = PyObject_CallNoArgs(close);
        Py_DECREF(close);
        if (r == nullptr) {
          Py_XDECREF(type), Py_XDECREF(value), Py_XDECREF(traceback);
          raise_python(site);
        }
        Py_DECREF(r);
      }
      PyErr_Restore(type, value, traceback);
      raise_python(site);
    }
    PyErr_Fetch(&type, &value, &traceback);
    PyObject* method = PyObject_GetAttrString(it, "throw");
    if (method == nullptr) {
      if (!PyErr_ExceptionMatches(PyExc_AttributeError)) {
        Py_XDECREF(type), Py_XDECREF(value), Py_XDECREF(traceback);
        raise_python(site);
      }
      PyErr_Clear();
      PyErr_Restore(type, value, traceback);
      raise_python(site);
    }
    PyErr_NormalizeException(&type, &value, &traceback);
    PyObject* result = PyObject_CallFunctionObjArgs(method, type, value != nullptr ? value : Py_None,
                                                    traceback != nullptr ? traceback : Py_None, nullptr);
    Py_DECREF(method);
    Py_XDECREF(type);
    Py_XDECREF(value);
    Py_XDECREF(traceback);
    return result;
  }

  void Finish() noexcept {
    state_ = State::Finished;
    delete body_;  // what the body captured goes now, as CPython clears a finished frame
    body_ = nullptr;
  }

  detail::GeneratorBody* body_;
  PyObject* module_;
  const char* name_;
  const char* qualname_;
  const char* filename_;
  coro::Coroutine coroutine_;
  State state_ = State::Created;
  bool throwing_ = false;
  bool done_ = false;
  bool failed_ = false;
  PyObject* transfer_ = nullptr;  // the value crossing a switch (owned)
  PyObject* delegate_ = nullptr;  // the subiterator of a `yield from` in progress (gi_yieldfrom)
  _PyErr_StackItem exc_state_{};  // the generator's handled exception
};

namespace detail {

struct GeneratorObject {
  PyObject ob_base;
  Generator gen;
};

inline Generator& Gen(PyObject* self) noexcept { return reinterpret_cast<GeneratorObject*>(self)->gen; }

// Turns a finished step into the result of send()/throw() (`always_stop`:
// StopIteration even for None) or of tp_iternext.
inline PyObject* StepResult(Generator& gen, Generator::Step step, bool always_stop) noexcept {
  if (step == Generator::Step::Yielded) {
    return gen.TakeTransfer();
  }
  if (step == Generator::Step::Returned) {
    PyObject* value = gen.TakeTransfer();
    if (always_stop || value != Py_None) {
      SetStopIterationValue(value);
    }
    Py_DECREF(value);
  }
  return nullptr;
}

inline PyObject* GeneratorIterNext(PyObject* self) {
  Generator& gen = Gen(self);
  return StepResult(gen, gen.Resume(Py_None, false), false);
}

inline PyObject* GeneratorSend(PyObject* self, PyObject* value) {
  Generator& gen = Gen(self);
  return StepResult(gen, gen.Resume(value, false), true);
}

// throw(type[, value[, traceback]]), checked and normalised as CPython's _gen_throw.
inline PyObject* GeneratorThrow(PyObject* self, PyObject* args) {
  PyObject* type = nullptr;
  PyObject* value = nullptr;
  PyObject* traceback = nullptr;
  if (!PyArg_UnpackTuple(args, "throw", 1, 3, &type, &value, &traceback)) {
    return nullptr;
  }
  if (traceback == Py_None) {
    traceback = nullptr;
  } else if (traceback != nullptr && !PyTraceBack_Check(traceback)) {
    PyErr_SetString(PyExc_TypeError, "throw() third argument must be a traceback object");
    return nullptr;
  }
  Py_INCREF(type);
  Py_XINCREF(value);
  Py_XINCREF(traceback);
  if (PyExceptionClass_Check(type)) {
    PyErr_NormalizeException(&type, &value, &traceback);
  } else if (PyExceptionInstance_Check(type)) {
    if (value != nullptr && value != Py_None) {
      PyErr_SetString(PyExc_TypeError, "instance exception may not have a separate value");
      Py_DECREF(type), Py_XDECREF(value), Py_XDECREF(traceback);
      return nullptr;
    }
    Py_XDECREF(value);
    value = type;
    type = reinterpret_cast<PyObject*>(Py_TYPE(value));
    Py_INCREF(type);
    if (traceback == nullptr) {
      traceback = PyException_GetTraceback(value);
    }
  } else {
    PyErr_Format(PyExc_TypeError, "exceptions must be classes or instances deriving from BaseException, not %s",
                 Py_TYPE(type)->tp_name);
    Py_DECREF(type), Py_XDECREF(value), Py_XDECREF(traceback);
    return nullptr;
  }
  PyErr_Restore(type, value, traceback);
  Generator& gen = Gen(self);
  return StepResult(gen, gen.Resume(nullptr, true), true);
}

inline PyObject* GeneratorClose(PyObject* self, PyObject*) {
  Generator& gen = Gen(self);
  if (gen.state() == Generator::State::Created) {
    gen.FinishUnstarted();
    Py_RETURN_NONE;
  }
  if (gen.state() == Generator::State::Finished) {
    Py_RETURN_NONE;
  }
  PyErr_SetNone(PyExc_GeneratorExit);
  Generator::Step step = gen.Resume(nullptr, true);
  if (step == Generator::Step::Yielded) {
    Py_DECREF(gen.TakeTransfer());
    PyErr_SetString(PyExc_RuntimeError, "generator ignored GeneratorExit");
    return nullptr;
  }
  if (step == Generator::Step::Returned) {
#if PY_VERSION_HEX >= 0x030D0000
    return gen.TakeTransfer();  // 3.13: what the body returned (a `return` in `finally`)
#else
    Py_DECREF(gen.TakeTransfer());
    Py_RETURN_NONE;
#endif
  }
  if (PyErr_ExceptionMatches(PyExc_StopIteration) || PyErr_ExceptionMatches(PyExc_GeneratorExit)) {
    PyErr_Clear();
    Py_RETURN_NONE;
  }
  return nullptr;
}

// A suspended generator that is dropped is closed first (PEP 442 finalizer),
// so its `finally` blocks and `with` exits run.
inline void GeneratorFinalize(PyObject* self) {
  if (Gen(self).state() != Generator::State::Suspended) {
    return;
  }
  PyObject* type = nullptr;
  PyObject* value = nullptr;
  PyObject* traceback = nullptr;
  PyErr_Fetch(&type, &value, &traceback);
  PyObject* result = GeneratorClose(self, nullptr);
  if (result == nullptr) {
    PyErr_WriteUnraisable(self);
  } else {
    Py_DECREF(result);
  }
  PyErr_Restore(type, value, traceback);
}

inline void GeneratorDealloc(PyObject* self) {
  if (PyObject_CallFinalizerFromDealloc(self) < 0) {
    return;  // resurrected by its finalizer
  }
  PyTypeObject* type = Py_TYPE(self);
  Gen(self).~Generator();
  type->tp_free(self);
  Py_DECREF(type);
}

inline PyObject* GeneratorRepr(PyObject* self) {
  return PyUnicode_FromFormat("<generator object %s at %p>", Gen(self).qualname(), self);
}

inline PyObject* GeneratorGetName(PyObject* self, void*) { return PyUnicode_FromString(Gen(self).name()); }
inline PyObject* GeneratorGetQualname(PyObject* self, void*) { return PyUnicode_FromString(Gen(self).qualname()); }
inline PyObject* GeneratorGetRunning(PyObject* self, void*) {
  return PyBool_FromLong(Gen(self).state() == Generator::State::Running);
}
inline PyObject* GeneratorGetSuspended(PyObject* self, void*) {
  return PyBool_FromLong(Gen(self).state() == Generator::State::Suspended);
}
inline PyObject* GeneratorGetYieldFrom(PyObject* self, void*) {
  PyObject* delegate = Gen(self).delegate();
  return Py_NewRef(delegate != nullptr ? delegate : Py_None);
}

// The generator type, made once per extension module (a heap type).
inline PyTypeObject* GeneratorType() noexcept {
  static PyTypeObject* type = nullptr;
  if (type != nullptr) {
    return type;
  }
  static PyMethodDef methods[] = {
      {"send", reinterpret_cast<PyCFunction>(GeneratorSend), METH_O,
       PyDoc_STR("send(arg) -> send 'arg' into generator,\nreturn next yielded value or raise StopIteration.")},
      {"throw", reinterpret_cast<PyCFunction>(GeneratorThrow), METH_VARARGS,
       PyDoc_STR("throw(value)\nthrow(type[,value[,tb]])\n\nRaise exception in generator, return next yielded value "
                 "or raise\nStopIteration.")},
      {"close", reinterpret_cast<PyCFunction>(GeneratorClose), METH_NOARGS,
       PyDoc_STR("close() -> raise GeneratorExit inside generator.")},
      {nullptr, nullptr, 0, nullptr},
  };
  static PyGetSetDef getset[] = {
      {"__name__", GeneratorGetName, nullptr, nullptr, nullptr},
      {"__qualname__", GeneratorGetQualname, nullptr, nullptr, nullptr},
      {"gi_running", GeneratorGetRunning, nullptr, nullptr, nullptr},
      {"gi_suspended", GeneratorGetSuspended, nullptr, nullptr, nullptr},
      {"gi_yieldfrom", GeneratorGetYieldFrom, nullptr, PyDoc_STR("object being iterated by yield from, or None"),
       nullptr},
      {nullptr, nullptr, nullptr, nullptr, nullptr},
  };
  static PyType_Slot slots[] = {
      {Py_tp_dealloc, reinterpret_cast<void*>(GeneratorDealloc)},
      {Py_tp_finalize, reinterpret_cast<void*>(GeneratorFinalize)},
      {Py_tp_repr, reinterpret_cast<void*>(GeneratorRepr)},
      {Py_tp_iter, reinterpret_cast<void*>(PyObject_SelfIter)},
      {Py_tp_iternext, reinterpret_cast<void*>(GeneratorIterNext)},
      {Py_tp_methods, methods},
      {Py_tp_getset, getset},
      {0, nullptr},
  };
#if PY_VERSION_HEX >= 0x030A0000
  constexpr unsigned int kFlags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION;
#else
  constexpr unsigned int kFlags = Py_TPFLAGS_DEFAULT;
#endif
  static PyType_Spec spec = {"pyxx.generator", static_cast<int>(sizeof(GeneratorObject)), 0, kFlags, slots};
  type = reinterpret_cast<PyTypeObject*>(PyType_FromSpec(&spec));
#if PY_VERSION_HEX < 0x030A0000
  if (type != nullptr) {
    type->tp_new = nullptr;  // 3.9 has no Py_TPFLAGS_DISALLOW_INSTANTIATION: no tp_new is the same
  }
#endif
  return type;
}

}  // namespace detail

// A new generator object running `body` (a callable `Ref(Generator&)`) on its
// first resume. `module` (may be null) is kept alive as long as the generator.
template <class Body>
Ref make_generator(const char* name, const char* qualname, const char* filename, PyObject* module, Body body) {
  PyTypeObject* type = detail::GeneratorType();
  if (type == nullptr) {
    raise_python(Site{nullptr, 0});
  }
  auto* holder = new detail::GeneratorBodyOf<Body>(std::move(body));
  PyObject* self = type->tp_alloc(type, 0);
  if (self == nullptr) {
    delete holder;
    raise_python(Site{nullptr, 0});
  }
  new (&reinterpret_cast<detail::GeneratorObject*>(self)->gen) Generator(holder, module, name, qualname, filename);
  return Ref::steal(self);
}

}  // namespace pyxx
