#!/usr/bin/env bash
# pyxx side by side with the real Cython and Numba (see docs/benchmarks.md).
#   bash bench/run.sh [--quick] [--no-callgrind] [--n N] [bench.py options...]
# Installs what is missing (Debian's cython3, python3-numba, python3-dev, valgrind),
# builds pyxx in Release mode if needed, builds the article's programs with all
# three tools for the same Python (/usr/bin/python3, the one Debian's Cython and
# Numba are for), measures, prints a Markdown report and writes it to
# BUILD_DIR/bench/latest.md. Build directory: build/bench (PYXX_BENCH_BUILD_DIR);
# Python: PYXX_BENCH_PYTHON. Not a test: timings are reported, never asserted.
set -euo pipefail
source "$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/.ci/setup.sh"

build_dir="${PYXX_BENCH_BUILD_DIR:-$PYXX_REPO/build/bench}"
python="${PYXX_BENCH_PYTHON:-/usr/bin/python3}"

pyxx_install_prerequisites
missing=()
for pkg in cython3 python3-numba python3-dev valgrind; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if ((${#missing[@]} > 0)); then
  pyxx_log "installing missing packages for the benchmarks: ${missing[*]}"
  sudo=()
  if [[ $(id -u) -ne 0 ]]; then sudo=(sudo); fi
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}" ||
    { "${sudo[@]}" apt-get update &&
      DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}"; }
fi

pyxx_configure_and_build "$build_dir" Release OFF pyxx
pyxx="$(pyxx_executable "$build_dir")"

pyxx_log "benchmarks (progress below, the report at the end)"
# Debian's Cython 0.29 imports pythran, which prints NumPy FutureWarnings: noise.
export PYTHONWARNINGS="${PYTHONWARNINGS:-ignore::FutureWarning}"
"$python" "$PYXX_REPO/bench/bench.py" --pyxx "$pyxx" --python "$python" \
  --work-dir "$build_dir/bench" --out "$build_dir/bench/latest.md" "$@"
