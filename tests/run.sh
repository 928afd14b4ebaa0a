#!/usr/bin/env bash
# The whole test suite: install what is missing, build pyxx with its tests,
# run ctest. Extra arguments go to ctest (e.g. `-L e2e`, `-R check/`).
# Build directory: build/tests (override with PYXX_TEST_BUILD_DIR).
# At the end every skipped test is listed with its reason (docs/testing.md).
set -euo pipefail
source "$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/.ci/setup.sh"

# PYXX_UPDATE=1 makes the snapshot tests rewrite their snapshots instead of
# comparing them: a run that should check the compiler must not accept its output.
if [[ -n ${PYXX_UPDATE:-} ]]; then
  echo "error: PYXX_UPDATE is set; tests/run.sh checks snapshots, it does not rewrite them." >&2
  echo "       To update snapshots: cd build/tests && PYXX_UPDATE=1 ctest -L emit" >&2
  exit 2
fi

build_dir="${PYXX_TEST_BUILD_DIR:-$PYXX_REPO/build/tests}"
# The modules the tests build share precompiled headers in a cache inside the
# build tree, not the user's (~/.cache/pyxx): a run leaves nothing behind there.
export PYXX_CACHE_DIR="${PYXX_CACHE_DIR:-$build_dir/pyxx-cache}"
# python3-dbg: the differential programs also run under a debug CPython (dbg/*).
pyxx_install_prerequisites python3-dbg
pyxx_install_optional python3-numpy
# setuptools, wheel and pip for a Python with headers: e2e/setuptools builds a wheel with them.
pyxx_install_optional python3-setuptools python3-wheel python3-pip
# meson, meson-python and build: e2e/meson builds with meson and wheels with meson-python,
# e2e/setuptools also with `python -m build`. patchelf is a build requirement
# meson-python declares on Linux (`python -m build` checks it), only recommended
# by Debian's package, so --no-install-recommends leaves it out.
pyxx_install_optional meson python3-mesonpy python3-build patchelf
# clang and its runtimes (libFuzzer, ASan, UBSan) build the fuzzers (docs/fuzzing.md).
pyxx_install_optional clang libclang-rt-dev
pyxx_configure_and_build "$build_dir" RelWithDebInfo ON

pyxx_log "running the test suite"
cd "$build_dir"
skip_log="$build_dir/skipped-tests.txt"
junit="$build_dir/ctest-results.xml"
rm -f "$skip_log" "$junit"
status=0
# --no-tests=error: a filter or a suite that selects nothing is a failure, not a pass.
PYXX_SKIP_LOG="$skip_log" ctest --output-on-failure --no-tests=error --output-junit "$junit" \
  -j "${PYXX_JOBS:-2}" "$@" || status=$?

pyxx_log "skipped tests"
python3 "$PYXX_REPO/tests/tools/report_skips.py" "$junit" "$skip_log" || status=1
exit "$status"
