#include "driver/cache_eviction.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <ctime>
#include <utility>
#include <vector>

namespace pyxx::driver {
namespace {

// When the entry was last used: its key.txt's modification time (0 when it has none).
auto LastUse(const std::string& dir) -> time_t {
  struct stat st {};
  return stat((dir + "/key.txt").c_str(), &st) == 0 ? st.st_mtime : 0;
}

// Removes a `pch-*` directory: its files (no subdirectories), then itself.
void RemoveEntry(const std::string& dir) {
  DIR* d = opendir(dir.c_str());
  if (d == nullptr) {
    return;
  }
  while (dirent* e = readdir(d)) {
    const std::string name = e->d_name;
    if (name != "." && name != "..") {
      unlink((dir + "/" + name).c_str());
    }
  }
  closedir(d);
  rmdir(dir.c_str());
}

}  // namespace

void TouchCacheEntry(const std::string& dir) {
  utimensat(AT_FDCWD, (dir + "/key.txt").c_str(), nullptr, 0);  // now
}

void EvictCacheEntries(const std::string& cache, const std::string& keep, long min_age_seconds) {
  DIR* d = opendir(cache.c_str());
  if (d == nullptr) {
    return;
  }
  std::vector<std::pair<time_t, std::string>> entries;  // (last use, directory)
  while (dirent* e = readdir(d)) {
    const std::string name = e->d_name;
    if (name.rfind("pch-", 0) == 0) {
      const std::string dir = cache + "/" + name;
      entries.emplace_back(LastUse(dir), dir);
    }
  }
  closedir(d);
  if (entries.size() <= static_cast<size_t>(kKeptCacheEntries)) {
    return;
  }
  std::sort(entries.begin(), entries.end());  // least recently used first
  const time_t now = std::time(nullptr);
  size_t count = entries.size();
  for (const auto& [used, dir] : entries) {
    if (count <= static_cast<size_t>(kKeptCacheEntries)) {
      break;
    }
    if (dir == keep || now - used < min_age_seconds) {
      continue;
    }
    RemoveEntry(dir);
    --count;
  }
}

}  // namespace pyxx::driver
