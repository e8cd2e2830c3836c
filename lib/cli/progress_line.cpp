#include "thmcheck/cli/progress_line.hpp"

#include <fmt/format.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>

namespace thmcheck {

namespace {

int terminal_width() {
  winsize w{};
  if (::ioctl(STDERR_FILENO, TIOCGWINSZ, &w) == 0 && w.ws_col > 20) return w.ws_col;
  return 100;
}

/// Cuts `text` to `width` characters, counting UTF-8 code points (the
/// separators are multi-byte).
std::string cut(const std::string& text, int width) {
  int count = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && ++count > width) return text.substr(0, i);
  }
  return text;
}

}  // namespace

bool stderr_is_tty() { return ::isatty(STDERR_FILENO) != 0; }

ProgressLine::ProgressLine(bool enabled) : enabled_(enabled) {}

ProgressLine::~ProgressLine() { clear(); }

void ProgressLine::show(const std::string& text, bool force) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (!force && drawn_ && std::chrono::duration<double>(now - last_).count() < kRedrawSeconds) return;
  last_ = now;
  // \r, the text, then erase to the end of the line (no stale characters).
  std::cerr << "\r" << cut(text, terminal_width() - 1) << "\x1b[K" << std::flush;
  drawn_ = true;
}

void ProgressLine::clear() {
  if (!enabled_ || !drawn_) return;
  std::cerr << "\r\x1b[K" << std::flush;
  drawn_ = false;
}

std::string duration_text(double seconds) {
  const long s = std::lround(std::max(0.0, seconds));
  if (s >= 3600) return fmt::format("{}h{:02}m", s / 3600, (s % 3600) / 60);
  if (s >= 60) return fmt::format("{}m{:02}s", s / 60, s % 60);
  return fmt::format("{}s", s);
}

std::string run_progress_text(const RunProgress& p) {
  std::string text = fmt::format("claims {}/{} · cases {}/{} · {} failure{} · {} · ETA {}", p.claims_done,
                                 p.claims_total, p.cases_done, p.cases_total, p.failures,
                                 p.failures == 1 ? "" : "s", duration_text(p.elapsed),
                                 p.eta < 0 ? std::string("-") : duration_text(p.eta));
  auto longest = std::max_element(p.running.begin(), p.running.end(),
                                  [](const auto& a, const auto& b) { return a.seconds < b.seconds; });
  if (longest != p.running.end()) {
    text += fmt::format(" · {} {}", longest->name, duration_text(longest->seconds));
    if (p.running.size() > 1) text += fmt::format(" (+{} running)", p.running.size() - 1);
  }
  return text;
}

}  // namespace thmcheck
