// The precompiled-header cache keeps a bounded number of entries: each one is
// tens of megabytes, and every pyxx version, Python, compiler and flag set
// makes its own. Entries are kept in order of last use (a hit touches the
// entry's key.txt); when one is added, the least recently used beyond the
// limit are removed, unless used in the last hour (a concurrent build may be
// about to compile with it).
#pragma once

#include <string>

namespace pyxx::driver {

// How many `pch-*` entries a cache directory keeps.
constexpr int kKeptCacheEntries = 8;

// Marks the entry `dir` (a `pch-*` directory) as just used.
void TouchCacheEntry(const std::string& dir);

// Removes the least recently used `pch-*` entries of `cache` beyond
// kKeptCacheEntries, never `keep` (the entry just made) and never one used
// within `min_age_seconds`. Failures are ignored: the cache is an optimisation.
void EvictCacheEntries(const std::string& cache, const std::string& keep, long min_age_seconds = 3600);

}  // namespace pyxx::driver
