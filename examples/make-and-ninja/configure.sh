#!/bin/sh
# Writes config.ninja for build.ninja: the commands and flags `pyxx config`
# gives for the Python chosen. PYXX, PYTHON and CXX choose the tools.
set -eu
pyxx=${PYXX:-pyxx}
python=${PYTHON:-python3}
# ninja reads `$` as the start of a variable: a literal one is `$$`.
escape() { printf '%s\n' "$1" | sed 's/\$/$$/g'; }
{
  echo "pyxx = $(escape "$pyxx")"
  echo "cxx = $(escape "${CXX:-c++}")"
  echo "cxxflags = $(escape "$("$pyxx" config --cxxflags --python "$python")")"
  echo "ldflags = $(escape "$("$pyxx" config --ldflags --python "$python")")"
  echo "suffix = $(escape "$("$pyxx" config --ext-suffix --python "$python")")"
} > config.ninja
