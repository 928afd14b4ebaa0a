// C++ maps (`libcpp.map.map`, `libcpp.unordered_map.unordered_map`): Cython's
// conversions (a map from any object's `.items()`, a dict of a map) and the
// operations that can fail. Not part of the precompiled runtime prelude: a
// generated module includes it only when it uses a map, so <map> and
// <unordered_map> cost only those builds.
//
// Errors are C++ exceptions as everywhere in pyxx (usable without the GIL): an
// allocation that fails is MemoryError; `at` of a missing key is IndexError
// (Cython: IndexError with the C++ library's message).
#pragma once

#include "python.hpp"

#include <map>
#include <unordered_map>

#include "convert_with.hpp"
#include "cpp_associative.hpp"
#include "cpp_pair.hpp"

namespace pyxx {
namespace detail {

[[noreturn, gnu::noinline, gnu::cold]] inline void MapKeyNotFound(Site site) {
  raise_c(PyExc_IndexError, "map key not found", site);
}

// Cython's map from-py conversion: `for key, value in o.items(): m.insert(...)`
// (an object without `.items()` is its AttributeError; a key already there
// keeps its first value). `out` is left unchanged on failure.
template <class M>
inline bool MapFromPython(PyObject* obj, M& out) noexcept {
  PyObject* items = PyObject_CallMethod(obj, "items", nullptr);
  if (items == nullptr) {
    return false;
  }
  PyObject* iterator = PyObject_GetIter(items);
  Py_DECREF(items);
  if (iterator == nullptr) {
    return false;
  }
  M value;
  bool ok = true;
  while (PyObject* item = PyIter_Next(iterator)) {
    PyObject* key = nullptr;
    PyObject* mapped = nullptr;
    ok = UnpackTwo(item, key, mapped);
    Py_DECREF(item);
    if (!ok) {
      break;
    }
    std::pair<typename M::key_type, typename M::mapped_type> entry{};
    try {
      ok = PairFromObjects(key, mapped, entry);
      if (ok) {
        value.insert(std::move(entry));
      }
    } catch (const std::bad_alloc&) {
      PyErr_NoMemory();
      ok = false;
    }
    Py_DECREF(key);
    Py_DECREF(mapped);
    if (!ok) {
      break;
    }
  }
  Py_DECREF(iterator);
  if (!ok || PyErr_Occurred() != nullptr) {
    return false;
  }
  out.swap(value);
  return true;
}

// A new dict of the map's items, in the map's order (Cython's to-py conversion).
template <class M>
inline PyObject* MapToPython(const M& m) noexcept {
  using K = typename M::key_type;
  using V = typename M::mapped_type;
  return dict_with(
      m, [](const K& key) { return Converter<K>::to(key); }, [](const V& mapped) { return Converter<V>::to(mapped); });
}

}  // namespace detail

template <class K, class V, class C>
struct Converter<std::map<K, V, C>> {
  static bool from(PyObject* obj, std::map<K, V, C>& out) noexcept { return detail::MapFromPython(obj, out); }
  static PyObject* to(const std::map<K, V, C>& value) noexcept { return detail::MapToPython(value); }
};

template <class K, class V>
struct Converter<std::unordered_map<K, V>> {
  static bool from(PyObject* obj, std::unordered_map<K, V>& out) noexcept { return detail::MapFromPython(obj, out); }
  static PyObject* to(const std::unordered_map<K, V>& value) noexcept { return detail::MapToPython(value); }
};

// Without a copy of the map (the generic to_object takes its value by copy).
template <class K, class V, class C>
inline Ref to_object(const std::map<K, V, C>& value, Site site) {
  return check(Converter<std::map<K, V, C>>::to(value), site);
}
template <class K, class V>
inline Ref to_object(const std::unordered_map<K, V>& value, Site site) {
  return check(Converter<std::unordered_map<K, V>>::to(value), site);
}

// `m[k]`: the value of `k`, inserted with a zero value when it is missing (C++'s
// operator[], as in Cython).
template <class M>
inline typename M::mapped_type& map_index(M& m, const typename M::key_type& key, Site site) {
  try {
    return m[key];
  } catch (const std::bad_alloc&) {
    detail::ContainerNoMemory(site);
  }
}

// `m.at(k)`: IndexError when `k` is missing.
template <class M>
inline typename M::mapped_type& map_at(M& m, const typename M::key_type& key, Site site) {
  const auto found = m.find(key);
  if (found == m.end()) detail::MapKeyNotFound(site);
  return found->second;
}

}  // namespace pyxx
