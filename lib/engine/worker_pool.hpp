// Runs tasks in forked worker processes, at most `jobs` at once, each under
// its own time limit. A task's work runs in a child process and returns a
// string (the serialized result) through a pipe; a child past its limit is
// killed (SIGKILL), so stopping stops the work, whatever loop it was in, and
// nothing it held leaks into the parent. A child that crashes (a signal, an
// uncaught exception) is reported as such; the pool goes on.
//
// The parent stays single-threaded: it forks, polls the pipes every
// kPollSeconds and calls on_done for each finished task in the order tasks
// finish. Determinism is the caller's: results must be placed by task, not by
// finishing order (parallel_run does so).
#pragma once

#include <sys/types.h>

#include <chrono>
#include <functional>
#include <string>
#include <vector>

namespace thmcheck {

/// One unit of work for a worker process.
struct WorkerTask {
  std::string name;         ///< shown in progress ("mf22.thm3.error case 4")
  double time_limit = 0;    ///< seconds; 0: none
  /// Dispatch order: among queued tasks the highest priority starts first
  /// (ties in the order added); asked again at every dispatch, so it may
  /// follow what has been learnt meanwhile. parallel_run uses the expected
  /// seconds, so the longest start first and the tail is short. Empty: 0.
  std::function<double()> priority;
  /// Called in the parent when the task's worker has started (optional).
  std::function<void()> on_start;
  /// Runs in the child process; its return value reaches on_done. It must
  /// not print (a claim never prints) and must not rely on threads of the
  /// parent.
  std::function<std::string()> work;
};

/// How a task ended.
struct WorkerResult {
  enum class Status { kDone, kTimeLimit, kFailed };
  Status status = Status::kFailed;
  std::string payload;  ///< kDone: what work() returned
  std::string reason;   ///< kTimeLimit: "time limit (N s)"; kFailed: what went wrong
  double seconds = 0;   ///< wall time from fork to exit (or kill)
};

/// A bounded set of worker processes over a queue of tasks.
class WorkerPool {
 public:
  /// How often the parent looks at its children: a task past its limit is
  /// killed within this delay (plus the time the kernel takes to reap it).
  static constexpr double kPollSeconds = 0.1;

  explicit WorkerPool(int jobs);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  /// Queues a task; `on_done` is called in the parent when it ends and may
  /// add further tasks.
  void add(WorkerTask task, std::function<void(const WorkerResult&)> on_done);

  /// Runs until nothing is queued or running. `tick` (if given) is called
  /// after every poll, at least every kPollSeconds.
  void run(const std::function<void()>& tick = {});

  /// The tasks running now, with their elapsed seconds (for progress).
  struct Running {
    std::string name;
    double seconds;
  };
  std::vector<Running> running() const;
  int jobs() const { return jobs_; }

 private:
  using Clock = std::chrono::steady_clock;
  struct Queued {
    WorkerTask task;
    std::function<void(const WorkerResult&)> on_done;
  };
  struct Child {
    pid_t pid = -1;
    int fd = -1;
    Clock::time_point started;
    Queued job;
    std::string data;
  };
  void start_next();
  void finish(Child& c, WorkerResult result);

  int jobs_;
  std::vector<Queued> queue_;
  std::vector<Child> children_;
};

/// Runs one task in a worker process under `time_limit` seconds (0: none)
/// and waits for it: for `check` and `reproduce`, which judge one instance.
WorkerResult run_in_worker(const std::string& name, double time_limit, std::function<std::string()> work);

}  // namespace thmcheck
