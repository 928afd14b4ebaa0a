// Python.h, included the way every pyxx header needs it: first, and with
// Py_ssize_t lengths for the "#" format units.
#pragma once

#ifndef PY_SSIZE_T_CLEAN
#define PY_SSIZE_T_CLEAN
#endif
#include <Python.h>
