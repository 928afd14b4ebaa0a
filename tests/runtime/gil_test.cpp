// GIL guards: the state inside and after each guard, and proof by a second
// thread that a released GIL can really be taken by someone else.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <future>
#include <thread>

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
  pyxx_test::Exec("shared = []\n");
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
  // And it did so through the interpreter while this thread waited without the GIL.
  pyxx_test::Exec("import threading\n"
                  "t = threading.Thread(target=lambda: shared.append(1))\n"
                  "t.start()\n");
  {
    pyxx::ReleasedGil nogil;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  pyxx_test::Exec("t.join()\nassert shared == [1]\n");
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
