// Traceback entries under the limited API, which has no _PyTraceback_Add (nor
// frames or code objects made by hand): the exception is raised once more by
// a tiny code object, `raise e`, renamed to the site's function, file and
// line, so the interpreter itself puts its frame in front of the traceback --
// the entry `File "fib.py", line 7, in fib` of a full-API module.
#pragma once

namespace pyxx::detail {

// The template code object `raise e` (made once; kept for the process, as the
// module refuses subinterpreters), or nullptr.
inline PyObject* LimitedRaiseTemplate() noexcept {
  static PyObject* code = Py_CompileString("raise e\n", "<pyxx>", Py_file_input);
  return code;
}

// 3.11+ also records columns, which a traceback printer would apply to the
// line of the .py file (carets under the wrong text): the location table is
// replaced by entries without columns (code 13), each covering up to 8 code
// units, all on the first line. Returns a new bytes object, or nullptr on an
// older Python (its line table has no columns).
inline PyObject* LimitedLineTableWithoutColumns(PyObject* code) noexcept {
  if (PyObject_HasAttrString(code, "co_qualname") == 0) {  // before 3.11
    return nullptr;
  }
  PyObject* bytecode = PyObject_GetAttrString(code, "co_code");
  const Py_ssize_t units = bytecode != nullptr && PyBytes_Check(bytecode) ? PyBytes_Size(bytecode) / 2 : 0;
  Py_XDECREF(bytecode);
  char table[64];
  Py_ssize_t size = 0;
  for (Py_ssize_t left = units; left > 0 && size + 2 <= static_cast<Py_ssize_t>(sizeof table); left -= 8) {
    const Py_ssize_t length = left < 8 ? left : 8;
    table[size++] = static_cast<char>(0x80 | (13 << 3) | (length - 1));
    table[size++] = 0;  // line delta 0 (a signed varint)
  }
  return units > 0 && units <= 32 ? PyBytes_FromStringAndSize(table, size) : nullptr;
}

// `raise e` as the site: a new code object, or nullptr with an error set.
inline PyObject* LimitedRaiseCode(const char* function, const char* file, int line) noexcept {
  PyObject* code = LimitedRaiseTemplate();
  if (code == nullptr) {
    return nullptr;
  }
  PyObject* replace = PyObject_GetAttrString(code, "replace");
  PyObject* keywords = PyDict_New();
  PyObject* name = PyUnicode_FromString(function);
  PyObject* filename = PyUnicode_DecodeFSDefault(file);
  PyObject* first_line = PyLong_FromLong(line);
  PyObject* table = LimitedLineTableWithoutColumns(code);
  PyObject* result = nullptr;
  if (replace != nullptr && keywords != nullptr && name != nullptr && filename != nullptr && first_line != nullptr &&
      PyDict_SetItemString(keywords, "co_name", name) == 0 &&
      PyDict_SetItemString(keywords, "co_filename", filename) == 0 &&
      PyDict_SetItemString(keywords, "co_firstlineno", first_line) == 0 &&
      (table == nullptr || PyDict_SetItemString(keywords, "co_linetable", table) == 0)) {
    PyObject* no_arguments = PyTuple_New(0);
    if (no_arguments != nullptr) {
      result = PyObject_Call(replace, no_arguments, keywords);
      Py_DECREF(no_arguments);
    }
  }
  Py_XDECREF(table);
  Py_XDECREF(first_line);
  Py_XDECREF(filename);
  Py_XDECREF(name);
  Py_XDECREF(keywords);
  Py_XDECREF(replace);
  return result;
}

// What _PyTraceback_Add does: puts `File "file", line N, in function` in front
// of the traceback of the exception being raised. The exception keeps its
// __context__ (raising it again would chain the handled one). If the entry
// cannot be made (no memory, the recursion limit, a signal handler raising
// meanwhile) the exception stays as it was, without the entry.
inline void AddTracebackLimited(const char* function, const char* file, int line) noexcept {
  PyObject* type = nullptr;
  PyObject* value = nullptr;
  PyObject* traceback = nullptr;
  PyErr_Fetch(&type, &value, &traceback);
  PyErr_NormalizeException(&type, &value, &traceback);
  if (value == nullptr) {
    PyErr_Restore(type, value, traceback);
    return;
  }
  if (traceback != nullptr) {
    PyException_SetTraceback(value, traceback);
  }
  PyObject* context = PyException_GetContext(value);
  PyObject* code = LimitedRaiseCode(function, file, line);
  PyObject* globals = code != nullptr ? PyDict_New() : nullptr;
  if (globals != nullptr && PyDict_SetItemString(globals, "e", value) == 0) {
    PyObject* result = PyEval_EvalCode(code, globals, globals);  // raises: never a result
    Py_XDECREF(result);
    PyObject* again_type = nullptr;
    PyObject* again = nullptr;
    PyObject* again_traceback = nullptr;
    PyErr_Fetch(&again_type, &again, &again_traceback);
    PyErr_NormalizeException(&again_type, &again, &again_traceback);
    if (again == value && again_traceback != nullptr) {
      Py_XDECREF(traceback);
      traceback = again_traceback;
      again_traceback = nullptr;
    }
    Py_XDECREF(again_type);
    Py_XDECREF(again);
    Py_XDECREF(again_traceback);
  }
  Py_XDECREF(globals);
  Py_XDECREF(code);
  PyErr_Clear();
  PyException_SetContext(value, context);  // steals `context`
  PyException_SetTraceback(value, traceback != nullptr ? traceback : Py_None);
  PyErr_Restore(type, value, traceback);
}

}  // namespace pyxx::detail
