// WorkerPool: payloads come back from the worker processes, the highest
// priority starts first, a task past its limit is killed near the limit and
// reported as such, and crashes and exceptions of a worker are reported
// without stopping the pool.
#include "thmcheck/engine/worker_pool.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <map>
#include <stdexcept>
#include <thread>

namespace thmcheck {
namespace {

WorkerTask task(std::string name, std::function<std::string()> work, double priority = 0, double limit = 0) {
  WorkerTask t;
  t.name = std::move(name);
  t.work = std::move(work);
  t.priority = [priority] { return priority; };
  t.time_limit = limit;
  return t;
}

TEST(WorkerPoolTest, PayloadsComeBackFromEveryTask) {
  WorkerPool pool(3);
  std::map<int, std::string> got;
  for (int i = 0; i < 7; ++i) {
    pool.add(task("t", [i] { return std::string(static_cast<size_t>(100000 * i), 'a' + i); }),
             [&got, i](const WorkerResult& r) {
               ASSERT_EQ(r.status, WorkerResult::Status::kDone) << r.reason;
               got[i] = r.payload;
             });
  }
  pool.run();
  ASSERT_EQ(got.size(), 7u);
  for (int i = 0; i < 7; ++i) {
    // Payloads larger than a pipe's buffer (64 KiB) arrive whole.
    EXPECT_EQ(got[i], std::string(static_cast<size_t>(100000 * i), 'a' + i));
  }
}

TEST(WorkerPoolTest, HighestPriorityStartsFirstAndOnDoneMayAddTasks) {
  WorkerPool pool(1);
  std::vector<std::string> order;
  auto record = [&order](std::string name) { return [&order, name](const WorkerResult&) { order.push_back(name); }; };
  pool.add(task("low", [] { return ""; }, 1), record("low"));
  pool.add(task("high", [] { return ""; }, 3), [&](const WorkerResult&) {
    order.push_back("high");
    pool.add(task("added", [] { return ""; }, 0), record("added"));
  });
  pool.add(task("middle", [] { return ""; }, 2), record("middle"));
  pool.run();
  EXPECT_EQ(order, (std::vector<std::string>{"high", "middle", "low", "added"}));
}

TEST(WorkerPoolTest, ATaskPastItsLimitIsKilledNearTheLimit) {
  WorkerPool pool(2);
  WorkerResult stopped, finished;
  // Spins without ever checking a deadline: only killing it can stop it.
  pool.add(task("spin", [] {
             volatile unsigned long x = 0;
             for (;;) x = x + 1;
             return std::string();
           }, 0, 0.5),
           [&](const WorkerResult& r) { stopped = r; });
  pool.add(task("quick", [] { return std::string("ok"); }), [&](const WorkerResult& r) { finished = r; });
  pool.run();
  EXPECT_EQ(stopped.status, WorkerResult::Status::kTimeLimit);
  EXPECT_EQ(stopped.reason, "time limit (0.5 s)");
  EXPECT_GE(stopped.seconds, 0.5);
  // Stopped within a poll (0.1 s) and the reaping; 2 s leaves room for a
  // loaded machine without letting a task that is never killed pass.
  EXPECT_LT(stopped.seconds, 2.5);
  EXPECT_EQ(finished.status, WorkerResult::Status::kDone);
  EXPECT_EQ(finished.payload, "ok");
}

TEST(WorkerPoolTest, CrashesAndExceptionsAreReportedAndThePoolGoesOn) {
  WorkerPool pool(2);
  WorkerResult crashed, threw, fine;
  pool.add(task("abort", []() -> std::string { std::abort(); }), [&](const WorkerResult& r) { crashed = r; });
  pool.add(task("throw", []() -> std::string { throw std::runtime_error("solver exploded"); }),
           [&](const WorkerResult& r) { threw = r; });
  pool.add(task("fine", [] { return std::string("42"); }), [&](const WorkerResult& r) { fine = r; });
  pool.run();
  EXPECT_EQ(crashed.status, WorkerResult::Status::kFailed);
  EXPECT_NE(crashed.reason.find("signal 6"), std::string::npos) << crashed.reason;
  EXPECT_EQ(threw.status, WorkerResult::Status::kFailed);
  EXPECT_EQ(threw.reason, "solver exploded");
  EXPECT_EQ(fine.payload, "42");
}

TEST(WorkerPoolTest, RunInWorkerWaitsForItsTask) {
  const WorkerResult r = run_in_worker("one", 0, [] { return std::string("done"); });
  EXPECT_EQ(r.status, WorkerResult::Status::kDone);
  EXPECT_EQ(r.payload, "done");
  const WorkerResult slow = run_in_worker("sleepy", 0.2, [] {
    std::this_thread::sleep_for(std::chrono::seconds(30));
    return std::string("late");
  });
  EXPECT_EQ(slow.status, WorkerResult::Status::kTimeLimit);
}

}  // namespace
}  // namespace thmcheck
