// pyxx's cache directory, shared by every build of the user: the interpreters'
// answers (python_config.h) and precompiled headers (precompiled_header.h).
// Entries are written to a temporary and renamed into place, so concurrent
// builds never see half an entry; each entry records the full key it was made
// for and is used only when that key matches exactly.
#pragma once

#include <string>

namespace pyxx::driver {

// $PYXX_CACHE_DIR, else $XDG_CACHE_HOME/pyxx, else $HOME/.cache/pyxx; empty
// when none is set or PYXX_CACHE_DIR is "off" (no caching).
auto CacheDir() -> std::string;

// A short name for a key (16 hex digits of its FNV-1a hash). The entry also
// holds the key itself, so that two keys with one name never mix.
auto KeyName(const std::string& key) -> std::string;

// "size mtime_ns inode" of a file (followed through symlinks), or "missing".
auto FileIdentity(const std::string& path) -> std::string;

}  // namespace pyxx::driver
