// The live progress line of `run` and `figures` on a terminal: one line on
// stderr, rewritten in place at most a few times a second, cleared when the
// work ends. Off when stderr is not a terminal or with --quiet.
#pragma once

#include <chrono>
#include <string>

#include "thmcheck/engine/parallel_run.hpp"

namespace thmcheck {

/// One line on stderr that is redrawn in place.
class ProgressLine {
 public:
  /// Draws only when `enabled` (stderr is a terminal and not --quiet).
  explicit ProgressLine(bool enabled);
  ~ProgressLine();
  /// Redraws the line with `text` (cut to the terminal's width), at most
  /// every kRedrawSeconds unless `force`.
  void show(const std::string& text, bool force = false);
  /// Clears the line (the next output starts on a clean line).
  void clear();
  bool enabled() const { return enabled_; }

  static constexpr double kRedrawSeconds = 0.25;

 private:
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point last_{};
};

/// "claims 12/66 · cases 340/1180 · 3 failures · 2m05s · ETA 4m10s ·
/// mf22.thm3.error case 4 51s": where a parallel run stands; the longest
/// running task and its time show that a long case is alive.
std::string run_progress_text(const RunProgress& p);

/// "1h02m", "2m05s", "7s".
std::string duration_text(double seconds);

/// Whether stderr is a terminal.
bool stderr_is_tty();

}  // namespace thmcheck
