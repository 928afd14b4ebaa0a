// GIL guards: the state inside and after each guard, and proof by a second
// thread that a released GIL can really be taken by someone else.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <future>
#include <string>
#include <thread>

#include <poll.h>
#include <unistd.h>

#include "python_helpers.h"

namespace {

// Runs `body` on a new thread and waits for it (with a generous limit, so a
// GIL that was not released fails the test instead of hanging it forever).
template <class Body>
void RunOnOtherThread(Body body) {
  std::packaged_task<void()> task(body);
  std::future<void> done = task.get_future();
  std::thread thread(std::move(task));
  if (done.wait_for(std::chrono::seconds(30)) != std::future_status::ready) {
    FAIL_CHECK("the other thread could not take the GIL: it was not released");
    std::_Exit(1);  // the thread is stuck in PyGILState_Ensure; nothing can be cleaned up
  }
  thread.join();
  done.get();
}

// `code` with the names GO and DONE bound to the two file descriptors.
std::string fmt_fds(const std::string& code, int go, int done) {
  return "GO = " + std::to_string(go) + "\nDONE = " + std::to_string(done) + "\n" + code;
}

}  // namespace

TEST_CASE("ReleasedGil releases and restores the GIL", "[gil]") {
  REQUIRE(PyGILState_Check());
  {
    pyxx::ReleasedGil nogil;
    CHECK_FALSE(PyGILState_Check());
  }
  CHECK(PyGILState_Check());
}

TEST_CASE("another thread runs Python while ReleasedGil is active", "[gil]") {
  std::atomic<bool> ran{false};
  {
    pyxx::ReleasedGil nogil;
    RunOnOtherThread([&ran] {
      pyxx::AcquiredGil gil;
      CHECK(PyGILState_Check());
      CHECK(PyRun_SimpleString("x = 1") == 0);
      ran = true;
    });
  }
  CHECK(ran);
}

TEST_CASE("a Python thread runs while ReleasedGil is active, and only then", "[gil]") {
  // The Python thread blocks in os.read on `go` (which releases the GIL), then
  // needs the GIL to append and to write `done`. This thread writes `go` and
  // waits for `done` only inside the released region: the thread can finish
  // there only if the GIL really is free. Before the region, `shared` must
  // still be empty (the thread cannot have run ahead), and it is read again
  // right after the region, before join() (which would release the GIL itself).
  int go[2];
  int done[2];
  REQUIRE(pipe(go) == 0);
  REQUIRE(pipe(done) == 0);
  pyxx_test::Exec(fmt_fds("import os, sys, threading\n"
                          "old_interval = sys.getswitchinterval()\n"
                          "sys.setswitchinterval(1000)\n"  // no preemption: only a release lets it run
                          "shared = []\n"
                          "def worker():\n"
                          "    os.read(GO, 1)\n"
                          "    shared.append(1)\n"
                          "    os.write(DONE, b'x')\n"
                          "t = threading.Thread(target=worker)\n"
                          "t.start()\n",
                          go[0], done[1]));
  pyxx_test::Exec("assert shared == [], 'the thread ran before the GIL was released'\n");
  bool finished_while_released = false;
  {
    pyxx::ReleasedGil nogil;
    REQUIRE(write(go[1], "x", 1) == 1);
    pollfd wait_done{done[0], POLLIN, 0};
    finished_while_released = poll(&wait_done, 1, 20000) == 1;
  }
  CHECK(finished_while_released);
  pyxx_test::Exec("sys.setswitchinterval(old_interval)\n"
                  "assert shared == [1], shared\n"
                  "t.join()\n");
  for (int fd : {go[0], go[1], done[0], done[1]}) {
    close(fd);
  }
}

TEST_CASE("AcquiredGil takes the GIL inside a released region and nests", "[gil]") {
  pyxx::ReleasedGil nogil;
  {
    pyxx::AcquiredGil gil;
    CHECK(PyGILState_Check());
    {
      pyxx::AcquiredGil again;  // already held: PyGILState_Ensure nests
      CHECK(PyGILState_Check());
    }
    CHECK(PyGILState_Check());
  }
  CHECK_FALSE(PyGILState_Check());
}

TEST_CASE("conditional guards act only when asked", "[gil]") {
  {
    pyxx::ReleasedGilIf maybe(false);
    CHECK(PyGILState_Check());
  }
  {
    pyxx::ReleasedGilIf maybe(true);
    CHECK_FALSE(PyGILState_Check());
    {
      pyxx::AcquiredGilIf no(false);
      CHECK_FALSE(PyGILState_Check());
    }
    {
      pyxx::AcquiredGilIf yes(true);
      CHECK(PyGILState_Check());
    }
    CHECK_FALSE(PyGILState_Check());
  }
  CHECK(PyGILState_Check());
}

TEST_CASE("ReleasedGilIfHeld releases only a GIL this thread holds", "[gil]") {
  {
    pyxx::ReleasedGilIfHeld outer;
    CHECK(outer.released());
    CHECK_FALSE(PyGILState_Check());
    {
      // The article's crash: releasing again would be PyEval_SaveThread with no thread state.
      pyxx::ReleasedGilIfHeld inner;
      CHECK_FALSE(inner.released());
      CHECK_FALSE(PyGILState_Check());
    }
    CHECK_FALSE(PyGILState_Check());
  }
  CHECK(PyGILState_Check());
}

TEST_CASE("guards restore the GIL when an exception unwinds through them", "[gil]") {
  try {
    pyxx::ReleasedGil nogil;
    {
      pyxx::AcquiredGil gil;
      pyxx::ReleasedGilIf inner(true);
      pyxx::raise_c(PyExc_ValueError, "x", pyxx::Site{"f", 1});
    }
  } catch (const pyxx::CError&) {
    CHECK(PyGILState_Check());
  }
  CHECK(PyGILState_Check());
}
