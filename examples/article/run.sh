#!/usr/bin/env bash
# The main job: install what is missing, build pyxx (Release), then take the
# article's programs through translate -> compile -> import -> the threading
# experiment. Extra arguments go to experiment.py (e.g. `--n 100000000`).
# Build directory: build/release (override with PYXX_RELEASE_BUILD_DIR).
set -euo pipefail
source "$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/.ci/setup.sh"

build_dir="${PYXX_RELEASE_BUILD_DIR:-$PYXX_REPO/build/release}"
pyxx_install_prerequisites
pyxx_configure_and_build "$build_dir" Release OFF pyxx

pyxx="$(pyxx_executable "$build_dir")"
python="$(python3 -c 'import sys; print(sys.executable)')"
example_dir="$PYXX_REPO/examples/article"
out_dir="$build_dir/article"
mkdir -p "$out_dir"
"$pyxx" --version

pyxx_log "translate: fib_cython.pyx -> C++"
"$pyxx" translate "$example_dir/fib_cython.pyx" -o "$out_dir/fib_cython.cpp"
echo "$out_dir/fib_cython.cpp: $(wc -l <"$out_dir/fib_cython.cpp") lines"

pyxx_log "compile: pyxx build (translate + C++ compiler) -> importable modules"
for program in fib_cython fib_numba; do
  "$pyxx" build "$example_dir/$program.pyx" -o "$out_dir" --python "$python"
done
ls -l "$out_dir"/fib_*.so

pyxx_log "check: the article's crashing cython_recurse is rejected at compile time"
status=0
"$pyxx" check "$example_dir/cython_recurse.pyx" || status=$?
if [[ $status -ne 1 ]]; then
  echo "error: pyxx check cython_recurse.pyx exited $status, expected 1 (input has errors)" >&2
  exit 1
fi

pyxx_log "import + the article's threading experiment"
"$python" "$example_dir/experiment.py" "$out_dir" "$@"
