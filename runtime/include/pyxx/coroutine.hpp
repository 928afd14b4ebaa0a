// Stackful coroutines: the machinery under generators (generator.hpp).
//
// A generator's body is an ordinary emitted C++ function (try/catch, RAII
// guards and all) that runs on a stack of its own; `yield` switches back to
// the stack that resumed it. What a switch must carry besides the registers:
//  - the C++ runtime's per-thread exception globals (the list of exceptions
//    being handled, for `throw;` and std::current_exception): a body may yield
//    inside a `catch` block while its caller enters and leaves others;
//  - AddressSanitizer's idea of the current stack (fiber annotations).
// The Python thread state (handled exception, recursion depth) is the
// generator's business (generator.hpp).
//
// Stacks are mmap'd with a guard page below them (an overflow faults instead
// of overwriting memory) and reused through a small free list. They are only
// touched with the GIL held, which serialises the free list.
//
// The switch is a few instructions of assembly on x86-64; elsewhere ucontext
// (portable, but glibc's swapcontext makes a sigprocmask system call per switch).
#pragma once

#include "python.hpp"

#include <cxxabi.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstring>

#if !defined(__x86_64__)
#include <ucontext.h>
#endif

#if defined(__SANITIZE_ADDRESS__)
#define PYXX_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define PYXX_ASAN 1
#endif
#endif

#ifdef PYXX_ASAN
extern "C" {
void __sanitizer_start_switch_fiber(void** fake_stack_save, const void* bottom, size_t size);
void __sanitizer_finish_switch_fiber(void* fake_stack_save, const void** bottom_old, size_t* size_old);
void __asan_unpoison_memory_region(const volatile void* addr, size_t size);
}
#endif

namespace pyxx::coro {

// Usable bytes of a coroutine stack (address space only: pages are committed as
// they are touched) and of the guard below it.
inline constexpr size_t kStackSize = 1024 * 1024;

struct Stack {
  char* mapping = nullptr;  // guard page first, then the usable stack
  size_t mapping_size = 0;
  [[nodiscard]] char* bottom() const noexcept { return mapping + (mapping_size - kStackSize); }
  [[nodiscard]] char* top() const noexcept { return mapping + mapping_size; }
};

namespace detail {

inline size_t PageSize() noexcept {
  static const size_t page = static_cast<size_t>(sysconf(_SC_PAGESIZE));
  return page;
}

// Freed stacks kept for reuse (GIL held).
struct StackPool {
  static constexpr int kKeep = 1024;
  Stack stacks[kKeep];
  int count = 0;
};

inline StackPool& Pool() noexcept {
  static StackPool pool;
  return pool;
}

}  // namespace detail

// A stack, or one with a null mapping when the address space is exhausted.
inline Stack AcquireStack() noexcept {
  detail::StackPool& pool = detail::Pool();
  if (pool.count > 0) {
    return pool.stacks[--pool.count];
  }
  const size_t guard = detail::PageSize();
  Stack s;
  s.mapping_size = kStackSize + guard;
  void* p = mmap(nullptr, s.mapping_size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE
#ifdef MAP_STACK
                     | MAP_STACK
#endif
                 ,
                 -1, 0);
  if (p == MAP_FAILED) {
    return Stack{};
  }
  if (mprotect(p, guard, PROT_NONE) != 0) {
    munmap(p, s.mapping_size);
    return Stack{};
  }
  s.mapping = static_cast<char*>(p);
  return s;
}

inline void ReleaseStack(Stack s) noexcept {
  if (s.mapping == nullptr) {
    return;
  }
#ifdef PYXX_ASAN
  // Frames abandoned on it left their redzones poisoned.
  __asan_unpoison_memory_region(s.bottom(), kStackSize);
#endif
  detail::StackPool& pool = detail::Pool();
  if (pool.count < detail::StackPool::kKeep) {
    pool.stacks[pool.count++] = s;
    return;
  }
  munmap(s.mapping, s.mapping_size);
}

// The C++ runtime's per-thread exception state (libstdc++ and libc++abi lay
// __cxa_eh_globals out the same way; ARM EHABI adds a field after these two).
struct ExceptionGlobals {
  void* caught_exceptions = nullptr;
  unsigned int uncaught_exceptions = 0;
};

inline ExceptionGlobals* CurrentExceptionGlobals() noexcept {
  return reinterpret_cast<ExceptionGlobals*>(abi::__cxa_get_globals());
}

// One coroutine: its stack, its saved context and the caller's, and the
// function it runs (which must never return and never let an exception out:
// it ends with Coroutine::Exit()).
class Coroutine {
 public:
  using Entry = void (*)(void* arg) noexcept;

  Coroutine() noexcept = default;
  Coroutine(const Coroutine&) = delete;
  auto operator=(const Coroutine&) -> Coroutine& = delete;
  ~Coroutine() { ReleaseStack(stack_); }

  // Prepares the first switch into `entry(arg)`. False when no stack could be
  // mapped (the caller raises MemoryError).
  bool Start(Entry entry, void* arg) noexcept {
    stack_ = AcquireStack();
    if (stack_.mapping == nullptr) {
      return false;
    }
    entry_ = entry;
    arg_ = arg;
    own_ = ExceptionGlobals{};
#if defined(__x86_64__)
    // The frame SwitchStacks pops: MXCSR and the x87 control word, r15..r12,
    // rbx, rbp, then the return address (the trampoline), 16-byte aligned after it.
    auto* top = reinterpret_cast<uint64_t*>(reinterpret_cast<uintptr_t>(stack_.top()) & ~uintptr_t{15});
    uint64_t* sp = top - 10;
    uint32_t mxcsr = 0;
    uint16_t fpucw = 0;
    __asm__ volatile("stmxcsr %0" : "=m"(mxcsr));
    __asm__ volatile("fnstcw %0" : "=m"(fpucw));
    sp[0] = static_cast<uint64_t>(mxcsr) | (static_cast<uint64_t>(fpucw) << 32);
    sp[1] = 0;                                           // r15
    sp[2] = 0;                                           // r14
    sp[3] = reinterpret_cast<uint64_t>(&Trampoline);     // r13: what the trampoline calls
    sp[4] = reinterpret_cast<uint64_t>(this);            // r12: its argument
    sp[5] = 0;                                           // rbx
    sp[6] = 0;                                           // rbp
    sp[7] = reinterpret_cast<uint64_t>(&EnterTrampoline);  // return address
    sp[8] = 0;
    sp[9] = 0;
    own_sp_ = sp;
#else
    if (getcontext(&own_context_) != 0) {
      ReleaseStack(stack_);
      stack_ = Stack{};
      return false;
    }
    own_context_.uc_stack.ss_sp = stack_.bottom();
    own_context_.uc_stack.ss_size = kStackSize;
    own_context_.uc_link = nullptr;
    makecontext(&own_context_, reinterpret_cast<void (*)()>(&UcontextEntry), 0);
#endif
    return true;
  }

  [[nodiscard]] bool started() const noexcept { return stack_.mapping != nullptr; }

  // Caller side: runs the coroutine until it calls Suspend() or Exit().
  void Resume() noexcept {
    ExceptionGlobals* globals = CurrentExceptionGlobals();
    ExceptionGlobals caller = *globals;
    *globals = own_;
#ifdef PYXX_ASAN
    void* fake_stack = nullptr;
    __sanitizer_start_switch_fiber(&fake_stack, stack_.bottom(), kStackSize);
#endif
#if defined(__x86_64__)
    SwitchStacks(&caller_sp_, own_sp_);
#else
    starting_ = this;
    swapcontext(&caller_context_, &own_context_);
#endif
#ifdef PYXX_ASAN
    __sanitizer_finish_switch_fiber(fake_stack, nullptr, nullptr);
#endif
    own_ = *globals;
    *globals = caller;
    if (exited_) {
      ReleaseStack(stack_);
      stack_ = Stack{};
    }
  }

  // Coroutine side: back to the caller until the next Resume().
  void Suspend() noexcept { SwitchToCaller(false); }

  // Coroutine side, last: back to the caller for good (the stack is released).
  [[noreturn]] void Exit() noexcept {
    exited_ = true;
    SwitchToCaller(true);
    __builtin_trap();
  }

  // Drops a suspended coroutine without running the rest of it (its frames'
  // destructors never run): for a generator that ignored GeneratorExit.
  void Abandon() noexcept {
    ReleaseStack(stack_);
    stack_ = Stack{};
  }

 private:
  void SwitchToCaller(bool last) noexcept {
#ifdef PYXX_ASAN
    void* fake_stack = nullptr;
    __sanitizer_start_switch_fiber(last ? nullptr : &fake_stack, caller_stack_bottom_, caller_stack_size_);
#else
    (void)last;
#endif
#if defined(__x86_64__)
    SwitchStacks(&own_sp_, caller_sp_);
#else
    swapcontext(&own_context_, &caller_context_);
#endif
#ifdef PYXX_ASAN
    __sanitizer_finish_switch_fiber(fake_stack, &caller_stack_bottom_, &caller_stack_size_);
#endif
  }

  static void Trampoline(Coroutine* self) noexcept {
#ifdef PYXX_ASAN
    __sanitizer_finish_switch_fiber(nullptr, &self->caller_stack_bottom_, &self->caller_stack_size_);
#endif
    self->entry_(self->arg_);
    __builtin_trap();  // entries end with Exit()
  }

#if defined(__x86_64__)
  // Saves the callee-saved registers and the floating-point control words on
  // the current stack, stores its pointer in *from, and continues on `to`.
  __attribute__((naked, noinline)) static void SwitchStacks(void** /*from*/, void* /*to*/) noexcept {
    __asm__(
        "pushq %rbp\n\t"
        "pushq %rbx\n\t"
        "pushq %r12\n\t"
        "pushq %r13\n\t"
        "pushq %r14\n\t"
        "pushq %r15\n\t"
        "subq $8, %rsp\n\t"
        "stmxcsr (%rsp)\n\t"
        "fnstcw 4(%rsp)\n\t"
        "movq %rsp, (%rdi)\n\t"
        "movq %rsi, %rsp\n\t"
        "ldmxcsr (%rsp)\n\t"
        "fldcw 4(%rsp)\n\t"
        "addq $8, %rsp\n\t"
        "popq %r15\n\t"
        "popq %r14\n\t"
        "popq %r13\n\t"
        "popq %r12\n\t"
        "popq %rbx\n\t"
        "popq %rbp\n\t"
        "ret\n\t");
  }

  // The first frame of a coroutine stack: calls Trampoline(r12) and is marked
  // as the outermost frame, so unwinders and debuggers stop here.
  __attribute__((naked, noinline)) static void EnterTrampoline() noexcept {
    __asm__(
        ".cfi_undefined rip\n\t"
        "movq %r12, %rdi\n\t"
        "callq *%r13\n\t"
        "ud2\n\t");
  }
#else
  static inline Coroutine* starting_ = nullptr;  // makecontext passes no pointer portably (GIL held)
  static void UcontextEntry() noexcept { Trampoline(starting_); }
  ucontext_t own_context_{};
  ucontext_t caller_context_{};
#endif

  Stack stack_;
  Entry entry_ = nullptr;
  void* arg_ = nullptr;
  void* own_sp_ = nullptr;
  void* caller_sp_ = nullptr;
  ExceptionGlobals own_;
  bool exited_ = false;
#ifdef PYXX_ASAN
  const void* caller_stack_bottom_ = nullptr;
  size_t caller_stack_size_ = 0;
#endif
};

}  // namespace pyxx::coro
