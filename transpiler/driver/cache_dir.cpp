#include "driver/cache_dir.h"

#include <sys/stat.h>

#include <cstdint>
#include <cstdlib>

namespace pyxx::driver {

auto CacheDir() -> std::string {
  auto env = [](const char* name) -> std::string {
    const char* value = std::getenv(name);
    return value != nullptr ? value : "";
  };
  std::string dir = env("PYXX_CACHE_DIR");
  if (dir == "off") {
    return {};
  }
  if (!dir.empty()) {
    return dir;
  }
  if (!env("XDG_CACHE_HOME").empty()) {
    return env("XDG_CACHE_HOME") + "/pyxx";
  }
  if (!env("HOME").empty()) {
    return env("HOME") + "/.cache/pyxx";
  }
  return {};
}

auto KeyName(const std::string& key) -> std::string {
  uint64_t hash = 14695981039346656037ULL;
  for (unsigned char c : key) {
    hash = (hash ^ c) * 1099511628211ULL;
  }
  static const char* const kDigits = "0123456789abcdef";
  std::string name(16, '0');
  for (int i = 15; i >= 0; --i, hash >>= 4) {
    name[static_cast<size_t>(i)] = kDigits[hash & 15];
  }
  return name;
}

auto FileIdentity(const std::string& path) -> std::string {
  struct stat st {};
  if (stat(path.c_str(), &st) != 0) {
    return "missing";
  }
  long long mtime = static_cast<long long>(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec;
  return std::to_string(st.st_size) + " " + std::to_string(mtime) + " " + std::to_string(st.st_ino);
}

}  // namespace pyxx::driver
