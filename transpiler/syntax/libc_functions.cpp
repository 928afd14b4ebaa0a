#include "syntax/libc_functions.h"

namespace pyxx::syntax {

namespace {

constexpr LibcFunction kLibcFunctions[] = {
    {"libc.stdlib.malloc", "z", 'p', false},
    {"libc.stdlib.calloc", "zz", 'p', false},
    {"libc.stdlib.realloc", "pz", 'p', false},
    {"libc.stdlib.free", "p", 'v', false},
    {"libc.stdlib.atoi", "c", 'i', false},
    {"libc.stdlib.atol", "c", 'l', false},
    {"libc.stdlib.atof", "c", 'd', false},
    {"libc.stdlib.abort", "", 'v', false},
    {"libc.stdlib.exit", "i", 'v', false},
    {"libc.string.memcpy", "ppz", 'p', false},
    {"libc.string.memmove", "ppz", 'p', false},
    {"libc.string.memset", "piz", 'p', false},
    {"libc.string.memcmp", "ppz", 'i', false},
    {"libc.string.strlen", "c", 'z', false},
    {"libc.string.strcmp", "cc", 'i', false},
    {"libc.string.strncmp", "ccz", 'i', false},
    {"libc.string.strcpy", "wc", 's', false},
    {"libc.string.strncpy", "wcz", 's', false},
    {"libc.string.strcat", "wc", 's', false},
    {"libc.string.strncat", "wcz", 's', false},
    // stdio.h: the functions whose every argument has one C type (printf, fprintf and
    // snprintf are variadic: check_printf.cpp checks them against their format).
    {"libc.stdio.fopen", "cc", 'f', false},
    {"libc.stdio.fclose", "f", 'i', false},
    {"libc.stdio.fflush", "f", 'i', false},
    {"libc.stdio.feof", "f", 'i', false},
    {"libc.stdio.ferror", "f", 'i', false},
    {"libc.stdio.fread", "pzzf", 'z', false},
    {"libc.stdio.fwrite", "pzzf", 'z', false},
    {"libc.stdio.fputs", "cf", 'i', false},
    {"libc.stdio.fgets", "wif", 's', false},
    {"libc.stdio.fgetc", "f", 'i', false},
    {"libc.stdio.fputc", "if", 'i', false},
    {"libc.stdio.puts", "c", 'i', false},
    {"libc.stdio.putchar", "i", 'i', false},
    {"libc.stdio.remove", "c", 'i', false},
    {"libc.stdio.rename", "cc", 'i', false},
    {"cpython.mem.PyMem_Malloc", "z", 'p', true},
    {"cpython.mem.PyMem_Calloc", "zz", 'p', true},
    {"cpython.mem.PyMem_Realloc", "pz", 'p', true},
    {"cpython.mem.PyMem_Free", "p", 'v', true},
    {"cpython.mem.PyMem_RawMalloc", "z", 'p', false},
    {"cpython.mem.PyMem_RawCalloc", "zz", 'p', false},
    {"cpython.mem.PyMem_RawRealloc", "pz", 'p', false},
    {"cpython.mem.PyMem_RawFree", "p", 'v', false},
};

}  // namespace

auto FindLibcFunction(std::string_view path) -> const LibcFunction* {
  for (const auto& f : kLibcFunctions) {
    if (f.path == path) {
      return &f;
    }
  }
  return nullptr;
}

auto KnownLibcFunctions() -> const char* {
  return "malloc, calloc, realloc, free, atoi, atol, atof, abort, exit, memcpy, memmove, memset, memcmp, strlen, "
         "strcmp, strncmp, strcpy, strncpy, strcat, strncat, stdio's fopen, fclose, fflush, feof, ferror, fread, "
         "fwrite, fputs, fgets, fgetc, fputc, puts, putchar, remove, rename, printf, fprintf, snprintf and "
         "cpython.mem's PyMem_* functions";
}

}  // namespace pyxx::syntax
