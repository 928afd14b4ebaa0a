#include "driver/source_root.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace pyxx::driver {
namespace {

auto Resolve(const std::string& path, std::string& resolved, std::string& error) -> bool {
  char* real = realpath(path.c_str(), nullptr);
  if (real == nullptr) {
    error = "cannot resolve " + path + ": " + std::strerror(errno);
    return false;
  }
  resolved = real;
  std::free(real);
  return true;
}

}  // namespace

auto NameUnderRoot(const std::string& path, const std::string& root, std::string& name, std::string& error) -> bool {
  if (root.empty()) {
    name = path;
    return true;
  }
  std::string file;
  std::string dir;
  if (!Resolve(path, file, error) || !Resolve(root, dir, error)) {
    return false;
  }
  if (dir != "/") {
    dir += "/";
  }
  if (file.compare(0, dir.size(), dir) != 0) {
    error = path + " is not inside the source root " + root;
    return false;
  }
  name = file.substr(dir.size());
  return true;
}

}  // namespace pyxx::driver
