# shellcheck shell=bash
# Shared setup for the README's two commands (examples/article/run.sh, tests/run.sh).
# Source it, then call the functions:
#   pyxx_install_prerequisites [PKG...] apt packages, only those that are missing
#                                       (PKG: more that the caller needs, e.g. the tests)
#   pyxx_configure_and_build DIR TYPE TESTS [TARGET...]
# Works on a fresh Debian 12 machine (root, apt and the npm registry reachable).

PYXX_REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PYXX_REPO

pyxx_log() { printf '\n==> %s\n' "$*" >&2; }

# True when the python3 on PATH can build extension modules (has Python.h).
pyxx_python_has_headers() {
  command -v python3 >/dev/null 2>&1 || return 1
  python3 - <<'PY' >/dev/null 2>&1
import os, sysconfig, sys
sys.exit(0 if os.path.exists(os.path.join(sysconfig.get_paths()["include"], "Python.h")) else 1)
PY
}

pyxx_install_prerequisites() {
  local missing=() pkg
  for pkg in cmake ninja-build g++ libfmt-dev libcli11-dev catch2 "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  # A python3 with headers (e.g. pyenv) is as good as python3-dev.
  if ! pyxx_python_has_headers; then
    dpkg -s python3-dev >/dev/null 2>&1 || missing+=(python3 python3-dev)
  fi
  # Node may come from elsewhere than Debian (NodeSource bundles npm): the
  # commands on PATH count, installing Debian's npm next to them would conflict.
  if ! command -v node >/dev/null 2>&1 && ! dpkg -s nodejs >/dev/null 2>&1; then
    missing+=(nodejs)
  fi
  if ! command -v npm >/dev/null 2>&1 && ! dpkg -s npm >/dev/null 2>&1; then
    missing+=(npm)
  fi
  if ((${#missing[@]} == 0)); then
    pyxx_log "prerequisites: all present"
    return 0
  fi
  pyxx_log "installing missing packages: ${missing[*]}"
  local sudo=()
  if [[ $(id -u) -ne 0 ]]; then sudo=(sudo); fi
  "${sudo[@]}" apt-get update
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
}

# Packages some tests use when present (e.g. python3-numpy for e2e/numpy); a
# failure to install them only makes those tests skip.
pyxx_install_optional() {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  ((${#missing[@]} == 0)) && return 0
  pyxx_log "installing optional packages: ${missing[*]}"
  local sudo=()
  if [[ $(id -u) -ne 0 ]]; then sudo=(sudo); fi
  # Package lists may be missing or stale (nothing required was missing, so no update ran).
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}" ||
    { "${sudo[@]}" apt-get update && DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y \
        --no-install-recommends "${missing[@]}"; } ||
    pyxx_log "could not install ${missing[*]}; the tests that need them will be skipped"
}

# pyxx_configure_and_build BUILD_DIR BUILD_TYPE ON|OFF [TARGET...]
# The configure step fetches the pinned tree-sitter sources with npm when missing.
pyxx_configure_and_build() {
  local dir="$1" type="$2" tests="$3"
  shift 3
  local jobs="${PYXX_JOBS:-2}"
  pyxx_log "configuring $dir ($type, tests $tests)"
  local args=(-DCMAKE_BUILD_TYPE="$type" -DPYXX_BUILD_TESTS="$tests")
  # The tests build modules for, and import them into, the python3 on PATH
  # (resolved through pyenv shims to the real interpreter).
  if [[ $tests == ON ]]; then
    args+=(-DPython3_EXECUTABLE="$(python3 -c 'import sys; print(sys.executable)')")
  fi
  cmake -S "$PYXX_REPO" -B "$dir" -G Ninja "${args[@]}"
  local targets=()
  local t
  for t in "$@"; do targets+=(--target "$t"); done
  pyxx_log "building $dir"
  cmake --build "$dir" -j "$jobs" "${targets[@]}"
}

# pyxx_executable BUILD_DIR: prints the path of the pyxx built there.
pyxx_executable() {
  local dir="$1" candidate
  for candidate in "$dir/transpiler/pyxx" "$dir/bin/pyxx"; do
    if [[ -x $candidate ]]; then
      echo "$candidate"
      return 0
    fi
  done
  candidate="$(find "$dir" -name pyxx -type f -perm -u+x -print -quit)"
  if [[ -z $candidate ]]; then
    echo "error: no pyxx executable under $dir" >&2
    return 1
  fi
  echo "$candidate"
}
