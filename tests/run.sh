#!/usr/bin/env bash
# The whole test suite: install what is missing, build pyxx with its tests,
# run ctest. Extra arguments go to ctest (e.g. `-L e2e`, `-R check/`).
# Build directory: build/tests (override with PYXX_TEST_BUILD_DIR).
set -euo pipefail
source "$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/.ci/setup.sh"

build_dir="${PYXX_TEST_BUILD_DIR:-$PYXX_REPO/build/tests}"
pyxx_install_prerequisites
pyxx_install_optional python3-numpy
# clang and its runtimes (libFuzzer, ASan, UBSan) build the fuzzers (docs/fuzzing.md).
pyxx_install_optional clang libclang-rt-dev
pyxx_configure_and_build "$build_dir" RelWithDebInfo ON

pyxx_log "running the test suite"
cd "$build_dir"
ctest --output-on-failure -j "${PYXX_JOBS:-2}" "$@"
