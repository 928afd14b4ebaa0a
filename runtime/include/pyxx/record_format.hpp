// Memoryviews of structs (`Point[:]`): a buffer of records (a structured NumPy
// array, a ctypes array of Structure) has a struct-module format such as
// "T{<d:x:<d:y:}" or "T{b:a:7xd:b:}". It is read field by field and compared
// with the struct the view was declared with: each field's kind, size and
// offset (padding spelled `x`, or implied by native alignment under '@'), and
// the record's size. Field names are not compared, as in Cython.
//
// The generated module describes each such struct with a RecordLayout, found
// by argument-dependent lookup: `pyxx_layout(static_cast<const S*>(nullptr))`.
#pragma once

#include "python.hpp"

#include <cstddef>
#include <cstdio>
#include <type_traits>

namespace pyxx {

struct RecordField {
  Py_ssize_t offset;
  char code;        // the struct-module letter of the field's C type
  Py_ssize_t size;  // sizeof the field's C type
  const char* name;
};

struct RecordLayout {
  const char* name;  // the struct's name in the source, for messages
  const RecordField* fields;
  int count;
  Py_ssize_t size;     // sizeof the struct
  const char* format;  // what a view of it exports: "T{d:x:d:y:}" (native alignment)
};

// "T{d:x:d:y:}" for `fields`, built once per struct by the generated layout
// into N bytes (the emitter counts them from the field names), so that no
// header as heavy as <string> reaches the precompiled prelude every build loads.
template <size_t N>
struct RecordFormat {
  char text[N] = {};

  RecordFormat(const RecordField* fields, int count) noexcept {
    size_t at = 0;
    auto put = [&](char c) {
      if (at + 1 < N) text[at++] = c;
    };
    put('T');
    put('{');
    for (int i = 0; i < count; ++i) {
      put(fields[i].code);
      put(':');
      for (const char* c = fields[i].name; *c; ++c) put(*c);
      put(':');
    }
    put('}');
  }
};

namespace detail {

// 's' signed, 'u' unsigned, 'f' floating, '?' bool, 'c' char (a code 's' is a
// string: one byte of it is a char); 0 for other codes.
inline char RecordKind(char code) noexcept {
  switch (code) {
    case 'b': case 'h': case 'i': case 'l': case 'q': case 'n': return 's';
    case 'B': case 'H': case 'I': case 'L': case 'Q': case 'N': return 'u';
    case 'e': case 'f': case 'd': case 'g': return 'f';
    case '?': return '?';
    case 'c': case 's': return 'c';  // '1s', a one-byte string, is NumPy's 'S1'
    default: return 0;
  }
}

// A char field takes 1-byte integers of char's signedness and the reverse, as
// a view of plain chars does (sizes are compared separately).
inline bool SameRecordKind(char have, char want) noexcept {
  const char char_kind = std::is_signed_v<char> ? 's' : 'u';
  return have == want || (have == 'c' && want == char_kind) || (want == 'c' && have == char_kind);
}

// The size of a format code: the C type's under native sizes ('@', '^'), the
// struct module's standard size otherwise (0: no such code in that mode).
inline Py_ssize_t RecordCodeSize(char code, bool native) noexcept {
  switch (code) {
    case 'b': case 'B': case 'c': case 's': case '?': return 1;
    case 'h': case 'H': case 'e': return 2;
    case 'i': case 'I': return native ? static_cast<Py_ssize_t>(sizeof(int)) : 4;
    case 'l': case 'L': return native ? static_cast<Py_ssize_t>(sizeof(long)) : 4;
    case 'q': case 'Q': return 8;
    case 'n': case 'N': return native ? static_cast<Py_ssize_t>(sizeof(size_t)) : 0;
    case 'f': return 4;
    case 'd': return 8;
    case 'g': return native ? static_cast<Py_ssize_t>(sizeof(long double)) : 0;
    default: return 0;
  }
}

// Sets Cython's "Buffer dtype mismatch" ValueError for a record view.
inline void RecordMismatch(const RecordLayout& layout, const char* format, const char* detail) noexcept {
  PyErr_Format(PyExc_ValueError, "Buffer dtype mismatch, expected '%s' (%s) but got '%s'%s", layout.name,
               layout.format, format, detail);
}

// Does `format` (of `itemsize` bytes) describe records laid out as `layout`?
// `align_all`: align every field naturally, whatever the format's mode says.
// With `report`, a mismatch sets a ValueError saying what differs.
inline bool MatchRecord(const RecordLayout& layout, const char* format, Py_ssize_t itemsize, bool align_all,
                        bool report) noexcept {
  const char* f = format != nullptr ? format : "B";
  bool native = true;  // native sizes
  bool align = true;   // native alignment ('@', the default)
  bool swapped = false;
  auto byte_order = [&](char c) {
    switch (c) {
      case '@': native = true; align = true; swapped = false; return true;
      case '^': native = true; align = align_all; swapped = false; return true;
      case '=': native = false; align = align_all; swapped = false; return true;
      case '<': native = false; align = align_all; swapped = !PY_LITTLE_ENDIAN; return true;
      case '>': case '!': native = false; align = align_all; swapped = PY_LITTLE_ENDIAN; return true;
      default: return false;
    }
  };
  auto mismatch = [&](const char* text, const char* detail) {
    if (report) RecordMismatch(layout, text, detail);
  };
  if (byte_order(*f)) ++f;
  if (f[0] != 'T' || f[1] != '{') {
    mismatch(format != nullptr ? format : "B", "");
    return false;
  }
  f += 2;
  Py_ssize_t offset = 0;
  int field = 0;
  while (*f != '}') {
    if (*f == '\0') {
      mismatch(format, " (an unterminated record)");
      return false;
    }
    if (byte_order(*f)) {
      ++f;
      continue;
    }
    Py_ssize_t count = 1;
    if (*f >= '0' && *f <= '9') {
      count = 0;
      while (*f >= '0' && *f <= '9' && count < (1 << 20)) count = count * 10 + (*f++ - '0');
    }
    const char code = *f++;
    if (code == 'x') {
      offset += count;  // padding bytes
      continue;
    }
    const Py_ssize_t size = RecordCodeSize(code, native);
    if (RecordKind(code) == 0 || size == 0 || count != 1) {
      mismatch(format, " (a field that is not one C number)");
      return false;
    }
    if (align) offset = (offset + size - 1) / size * size;
    if (*f == ':') {  // the field's name
      ++f;
      while (*f != ':' && *f != '\0') ++f;
      if (*f == ':') ++f;
    }
    if (field == layout.count) {
      mismatch(format, " (more fields)");
      return false;
    }
    const RecordField& want = layout.fields[field];
    if (!SameRecordKind(RecordKind(code), RecordKind(want.code)) || size != want.size || (swapped && size > 1)) {
      char detail[160];
      std::snprintf(detail, sizeof detail, " in field '%s.%s'", layout.name, want.name);
      mismatch(format, detail);
      return false;
    }
    if (offset != want.offset) {
      char detail[160];
      std::snprintf(detail, sizeof detail, " (field '%s.%s' at offset %zd, not %zd)", layout.name, want.name, offset,
                    want.offset);
      mismatch(format, detail);
      return false;
    }
    offset += size;
    ++field;
  }
  if (field != layout.count) {
    mismatch(format, " (fewer fields)");
    return false;
  }
  if (itemsize != layout.size) {
    char detail[96];
    std::snprintf(detail, sizeof detail, " (records of %zd bytes, not %zd)", itemsize, layout.size);
    mismatch(format, detail);
    return false;
  }
  return true;
}

// MatchRecord, reading the format as the struct module does; and, when that
// fails, with every field aligned naturally: ctypes describes its (aligned)
// Structures with '<' codes and no padding, a layout only the record size
// reveals. Accepted only when that reading fits the struct exactly.
inline bool RecordFormatMatches(const RecordLayout& layout, const char* format, Py_ssize_t itemsize) noexcept {
  if (MatchRecord(layout, format, itemsize, false, false) || MatchRecord(layout, format, itemsize, true, false)) {
    return true;
  }
  return MatchRecord(layout, format, itemsize, false, true);  // sets the ValueError
}

}  // namespace detail
}  // namespace pyxx
