#include "thmcheck/engine/worker_pool.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <stdexcept>

namespace thmcheck {

namespace {

void write_all(int fd, const char* data, size_t size) {
  while (size > 0) {
    const ssize_t n = ::write(fd, data, size);
    if (n < 0) {
      if (errno == EINTR) continue;
      return;  // the parent is gone or killed us; nothing to report to
    }
    data += n;
    size -= static_cast<size_t>(n);
  }
}

// The limit as people write it: "600 s", "0.5 s".
std::string limit_text(double seconds) { return fmt::format("time limit ({:g} s)", seconds); }

}  // namespace

WorkerPool::WorkerPool(int jobs) : jobs_(std::max(1, jobs)) {}

WorkerPool::~WorkerPool() {
  for (Child& c : children_) {
    ::kill(c.pid, SIGKILL);
    ::waitpid(c.pid, nullptr, 0);
    ::close(c.fd);
  }
}

void WorkerPool::add(WorkerTask task, std::function<void(const WorkerResult&)> on_done) {
  queue_.push_back({std::move(task), std::move(on_done)});
}

void WorkerPool::start_next() {
  // Highest priority first; among equals the first added.
  auto best = queue_.begin();
  double best_priority = best->task.priority ? best->task.priority() : 0;
  for (auto it = std::next(queue_.begin()); it != queue_.end(); ++it) {
    const double p = it->task.priority ? it->task.priority() : 0;
    if (p > best_priority) {
      best = it;
      best_priority = p;
    }
  }
  Queued job = std::move(*best);
  queue_.erase(best);

  int fds[2];
  if (::pipe(fds) != 0) throw std::runtime_error(fmt::format("pipe: {}", std::strerror(errno)));
  // Nothing buffered in the parent may be written twice by the child.
  std::cout.flush();
  std::cerr.flush();
  std::fflush(nullptr);
  const pid_t pid = ::fork();
  if (pid < 0) {
    ::close(fds[0]);
    ::close(fds[1]);
    throw std::runtime_error(fmt::format("fork: {}", std::strerror(errno)));
  }
  if (pid == 0) {
    ::close(fds[0]);
    char tag = 'O';
    std::string out;
    try {
      out = job.task.work();
    } catch (const std::exception& e) {
      tag = 'E';
      out = e.what();
    } catch (...) {
      tag = 'E';
      out = "unknown exception";
    }
    write_all(fds[1], &tag, 1);
    write_all(fds[1], out.data(), out.size());
    ::close(fds[1]);
    ::_exit(0);  // no atexit handlers, no flushing of the parent's buffers
  }
  ::close(fds[1]);
  ::fcntl(fds[0], F_SETFL, ::fcntl(fds[0], F_GETFL) | O_NONBLOCK);
  Child c;
  c.pid = pid;
  c.fd = fds[0];
  c.started = Clock::now();
  c.job = std::move(job);
  children_.push_back(std::move(c));
  if (children_.back().job.task.on_start) children_.back().job.task.on_start();
}

void WorkerPool::finish(Child& c, WorkerResult result) {
  result.seconds = std::chrono::duration<double>(Clock::now() - c.started).count();
  ::close(c.fd);
  c.fd = -1;
  auto on_done = std::move(c.job.on_done);
  // Remove the child before calling back: on_done may add tasks.
  children_.erase(std::find_if(children_.begin(), children_.end(), [&](const Child& x) { return x.pid == c.pid; }));
  on_done(result);
}

void WorkerPool::run(const std::function<void()>& tick) {
  while (!queue_.empty() || !children_.empty()) {
    while (static_cast<int>(children_.size()) < jobs_ && !queue_.empty()) start_next();
    std::vector<pollfd> fds;
    for (const Child& c : children_) fds.push_back({c.fd, POLLIN, 0});
    const int ready = ::poll(fds.data(), fds.size(), static_cast<int>(kPollSeconds * 1000));
    if (ready < 0 && errno != EINTR) throw std::runtime_error(fmt::format("poll: {}", std::strerror(errno)));
    // Collect what each child wrote; a closed pipe means it has exited.
    std::vector<pid_t> ended;
    for (Child& c : children_) {
      char buffer[1 << 16];
      for (;;) {
        const ssize_t n = ::read(c.fd, buffer, sizeof buffer);
        if (n > 0) {
          c.data.append(buffer, static_cast<size_t>(n));
          continue;
        }
        if (n == 0) ended.push_back(c.pid);
        break;  // n < 0: EAGAIN (nothing more now) or EINTR
      }
    }
    for (pid_t pid : ended) {
      auto it = std::find_if(children_.begin(), children_.end(), [&](const Child& x) { return x.pid == pid; });
      int status = 0;
      while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
      }
      WorkerResult r;
      if (WIFSIGNALED(status)) {
        r.reason = fmt::format("worker died: signal {} ({})", WTERMSIG(status), ::strsignal(WTERMSIG(status)));
      } else if (it->data.empty()) {
        r.reason = fmt::format("worker exited with status {} and no result", WEXITSTATUS(status));
      } else if (it->data[0] == 'E') {
        r.reason = it->data.substr(1);
      } else {
        r.status = WorkerResult::Status::kDone;
        r.payload = it->data.substr(1);
      }
      finish(*it, std::move(r));
    }
    // Past its limit: kill it (SIGKILL cannot be caught, so the work stops).
    const auto now = Clock::now();
    for (size_t i = 0; i < children_.size();) {
      Child& c = children_[i];
      const double limit = c.job.task.time_limit;
      if (limit > 0 && std::chrono::duration<double>(now - c.started).count() > limit) {
        ::kill(c.pid, SIGKILL);
        while (::waitpid(c.pid, nullptr, 0) < 0 && errno == EINTR) {
        }
        WorkerResult r;
        r.status = WorkerResult::Status::kTimeLimit;
        r.reason = limit_text(limit);
        finish(c, std::move(r));  // erases c; index i now holds the next child
        continue;
      }
      ++i;
    }
    if (tick) tick();
  }
}

std::vector<WorkerPool::Running> WorkerPool::running() const {
  std::vector<Running> out;
  const auto now = Clock::now();
  for (const Child& c : children_) {
    out.push_back({c.job.task.name, std::chrono::duration<double>(now - c.started).count()});
  }
  return out;
}

WorkerResult run_in_worker(const std::string& name, double time_limit, std::function<std::string()> work) {
  WorkerResult out;
  WorkerPool pool(1);
  WorkerTask task;
  task.name = name;
  task.time_limit = time_limit;
  task.work = std::move(work);
  pool.add(std::move(task), [&](const WorkerResult& r) { out = r; });
  pool.run();
  return out;
}

}  // namespace thmcheck
