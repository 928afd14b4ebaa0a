#include "driver/inputs.h"

#include <dirent.h>
#include <fnmatch.h>
#include <sys/stat.h>

#include <algorithm>
#include <set>

namespace pyxx::driver {
namespace {

// `**` below this many directories is not followed (no symlink loops; no
// source tree is that deep).
constexpr int kMaxDepth = 64;

auto IsDirectory(const std::string& path, bool follow_links) -> bool {
  struct stat st {};
  int rc = follow_links ? stat(path.c_str(), &st) : lstat(path.c_str(), &st);
  return rc == 0 && S_ISDIR(st.st_mode);
}

auto IsRegularFile(const std::string& path) -> bool {
  struct stat st {};
  return stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

auto Entries(const std::string& dir) -> std::vector<std::string> {
  std::vector<std::string> names;
  if (DIR* d = opendir(dir.empty() ? "." : dir.c_str()); d != nullptr) {
    while (dirent* entry = readdir(d)) {
      std::string name = entry->d_name;
      if (name != "." && name != "..") {
        names.push_back(name);
      }
    }
    closedir(d);
  }
  std::sort(names.begin(), names.end());
  return names;
}

auto Join(const std::string& dir, const std::string& name) -> std::string {
  if (dir.empty()) {
    return name;
  }
  return dir.back() == '/' ? dir + name : dir + "/" + name;
}

// `dir` and every directory below it (not through symlinks, not hidden ones).
void WithSubdirectories(const std::string& dir, int depth, std::vector<std::string>& out) {
  out.push_back(dir);
  if (depth >= kMaxDepth) {
    return;
  }
  for (const std::string& name : Entries(dir)) {
    std::string path = Join(dir, name);
    if (name[0] != '.' && IsDirectory(path, false)) {
      WithSubdirectories(path, depth + 1, out);
    }
  }
}

// Matches the components of a pattern from `index` on, below the directories `bases`.
void Match(const std::vector<std::string>& parts, size_t index, const std::vector<std::string>& bases,
           std::vector<std::string>& out) {
  if (index == parts.size()) {
    for (const std::string& base : bases) {
      if (IsRegularFile(base)) {
        out.push_back(base);
      }
    }
    return;
  }
  const std::string& part = parts[index];
  std::vector<std::string> next;
  if (part == "**") {
    for (const std::string& base : bases) {
      if (IsDirectory(base.empty() ? "." : base, true)) {
        WithSubdirectories(base, 0, next);
      }
    }
  } else if (IsGlobPattern(part)) {
    for (const std::string& base : bases) {
      for (const std::string& name : Entries(base)) {
        if (fnmatch(part.c_str(), name.c_str(), FNM_PERIOD) == 0) {
          next.push_back(Join(base, name));
        }
      }
    }
  } else {
    for (const std::string& base : bases) {
      next.push_back(Join(base, part));
    }
  }
  Match(parts, index + 1, next, out);
}

}  // namespace

auto IsGlobPattern(const std::string& text) -> bool { return text.find_first_of("*?[") != std::string::npos; }

auto ExpandInputs(const std::vector<std::string>& args, std::vector<std::string>& files, std::string& error) -> bool {
  files.clear();
  std::set<std::string> seen;
  for (const std::string& arg : args) {
    std::vector<std::string> matches;
    if (!IsGlobPattern(arg) || IsRegularFile(arg)) {
      matches.push_back(arg);
    } else {
      std::vector<std::string> parts;
      size_t start = 0;
      while (start <= arg.size()) {
        size_t slash = arg.find('/', start);
        std::string part = arg.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
        if (!part.empty() || start == 0) {
          parts.push_back(part);  // a leading empty part: the pattern is absolute
        }
        if (slash == std::string::npos) {
          break;
        }
        start = slash + 1;
      }
      std::vector<std::string> bases = {parts[0].empty() ? "/" : ""};
      Match(parts, parts[0].empty() ? 1 : 0, bases, matches);
      std::sort(matches.begin(), matches.end());
      if (matches.empty()) {
        error = "no file matches `" + arg + "`";
        return false;
      }
    }
    for (std::string& match : matches) {
      if (seen.insert(match).second) {
        files.push_back(std::move(match));
      }
    }
  }
  return true;
}

}  // namespace pyxx::driver
