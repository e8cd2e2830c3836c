// `run` and `figures`: the work in worker processes (parallel_run), a live
// progress line on a terminal, and with --profile the seconds per claim or
// experiment and their share.
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <iostream>

#include "thmcheck/cli/commands.hpp"
#include "thmcheck/cli/progress_line.hpp"
#include "thmcheck/engine/parallel_run.hpp"
#include "thmcheck/engine/results.hpp"
#include "thmcheck/experiments/figure.hpp"
#include "thmcheck/report/expectations.hpp"

namespace thmcheck::cli {

namespace {

int cores() {
  const long n = ::sysconf(_SC_NPROCESSORS_ONLN);
  return n > 0 ? static_cast<int>(n) : 1;
}

/// One row of a --profile table.
struct ProfileRow {
  std::string name;
  double seconds = 0;
  std::string detail;
};

/// The --profile table: rows by seconds (most first), each with its share of
/// the worker seconds, and the wall time against it.
void print_profile(const std::string& what, std::vector<ProfileRow> rows, double wall, int jobs) {
  double total = 0;
  for (const ProfileRow& r : rows) total += r.seconds;
  std::stable_sort(rows.begin(), rows.end(), [](const ProfileRow& a, const ProfileRow& b) { return a.seconds > b.seconds; });
  std::cout << fmt::format("profile: {:.1f} s of worker time in {:.1f} s wall time, --jobs {} ({:.2f} workers busy on average)\n",
                           total, wall, jobs, wall > 0 ? total / wall : 0.0);
  std::cout << fmt::format("{:<28} {:>10} {:>7}  {}\n", what, "seconds", "share", "");
  for (const ProfileRow& r : rows) {
    std::cout << fmt::format("{:<28} {:>10.1f} {:>6.1f}%  {}\n", r.name, r.seconds,
                             total > 0 ? 100 * r.seconds / total : 0.0, r.detail);
  }
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

int parse_jobs(int jobs) {
  if (jobs < 0 || jobs > 256) throw InputError(fmt::format("--jobs {}: expected 0 (all cores) to 256", jobs));
  return jobs == 0 ? cores() : jobs;
}

double parse_time_limit(double seconds) {
  if (seconds == -1) return -1;
  if (!std::isfinite(seconds) || !(seconds > 0)) {
    throw InputError(fmt::format("--time-limit {}: expected a positive number of seconds", seconds));
  }
  return seconds;
}

void parse_search(const std::string& text, RunOptions& options) {
  if (text.empty()) return;
  const bool percent = text.back() == '%';
  const std::string number = percent ? text.substr(0, text.size() - 1) : text;
  const auto bad = [&] {
    return InputError(fmt::format("--search '{}': expected a number of candidates (e.g. 16) or a percentage of "
                                  "each claim's cases (e.g. 20%)", text));
  };
  if (number.empty() || number.size() > 9 || number.find_first_not_of("0123456789") != std::string::npos) throw bad();
  const long n = std::stol(number);
  if (percent) {
    if (n > 1000) throw bad();
    options.search_percent = static_cast<double>(n);
  } else {
    options.search = n;
  }
}

int cmd_run(const Registry& registry, const std::string& program, const RunCommand& cmd) {
  const auto selected = registry.select(cmd.patterns);
  const auto [shard_index, shard_count] = parse_shard(cmd.shard);
  if (cmd.cases == 0 || cmd.cases < -1) throw InputError("--cases must be a positive integer");
  RunOptions options;
  options.cases = cmd.cases;
  options.seed = cmd.seed;
  options.start = parse_precision_flag(cmd.precision);
  options.shard_index = shard_index;
  options.shard_count = shard_count;
  options.max_shrink_evaluations = cmd.max_shrinks;
  parse_search(cmd.search, options);
  if ((options.search > 0 || options.search_percent > 0) && shard_count > 1) {
    throw InputError("--search cannot be combined with --shard (the search starts from all of a claim's cases)");
  }
  ParallelOptions parallel;
  parallel.jobs = parse_jobs(cmd.jobs);
  parallel.time_limit = std::max(0.0, parse_time_limit(cmd.time_limit));
  // Read before any work, so that a bad file fails early; the expected
  // verdicts travel in results.json for the report.
  const Expectations expected = cmd.expectations.empty() ? Expectations{} : load_expectations(cmd.expectations);

  ProgressLine line(stderr_is_tty() && !cmd.quiet);
  parallel.progress = [&](const RunProgress& p) { line.show(run_progress_text(p)); };
  std::vector<ClaimTiming> timings;
  const auto t0 = std::chrono::steady_clock::now();
  std::vector<ClaimRun> runs = run_claims(selected, options, parallel, &timings);
  const double wall = seconds_since(t0);
  line.clear();
  for (ClaimRun& run : runs) {
    run.program = program;
    if (auto e = expected.find(run.id); e != expected.end()) {
      run.expected_verdict = e->second.verdict;
      run.expected_note = e->second.note;
    }
  }

  const std::filesystem::path out_dir(cmd.out);
  // Counterexample instance files first, results last: results.json appears
  // only when everything it refers to is in place.
  std::vector<std::string> reproduce_lines;
  for (const ClaimRun& r : runs) {
    for (const Counterexample& cx : r.counterexamples) {
      const std::string name = fmt::format("counterexamples/{}-case{}.json", r.id, cx.original_case);
      write_file_atomic(out_dir / name, cx.instance.dump(1) + "\n");
      reproduce_lines.push_back(fmt::format("counterexample {} ({}): {} check {} --instance {}   or   {} reproduce {}", r.id,
                                            to_string(cx.record.status), program, r.id, (out_dir / name).string(),
                                            program, cx.record.token));
      if (cx.proof.proved) {
        const std::string cert = fmt::format("certificates/{}-case{}.json", r.id, cx.original_case);
        write_file_atomic(out_dir / cert, cx.proof.certificate.dump(1) + "\n");
        reproduce_lines.push_back(fmt::format("proof {} proved: {}; {} verify {}", r.id, cx.proof.message, program,
                                              (out_dir / cert).string()));
      } else if (cx.proof.attempted) {
        reproduce_lines.push_back(fmt::format("proof {} not proved: {}", r.id, cx.proof.message));
      }
    }
  }
  write_file_atomic(out_dir / "results.json", runs_to_json(runs).dump(1) + "\n");
  print_summary(runs);
  for (const std::string& line_text : reproduce_lines) std::cout << line_text << "\n";
  if (cmd.profile) {
    std::vector<ProfileRow> rows;
    for (const ClaimTiming& t : timings) {
      std::string detail = fmt::format("cases {:.1f} s, shrinking and digits {:.1f} s", t.case_seconds, t.finish_seconds);
      if (t.search_seconds > 0) detail += fmt::format(", search {:.1f} s", t.search_seconds);
      if (t.timed_out > 0) detail += fmt::format(", {} case(s) stopped at the time limit", t.timed_out);
      rows.push_back({t.id, t.case_seconds + t.search_seconds + t.finish_seconds, detail});
    }
    print_profile("claim", rows, wall, parallel.jobs);
    double random_seconds = 0, search_seconds = 0;
    for (const ClaimTiming& t : timings) random_seconds += t.case_seconds, search_seconds += t.search_seconds;
    if (search_seconds > 0) {
      std::cout << fmt::format("search: {:.1f} s of worker time beside {:.1f} s for the random cases ({:.1f}%)\n",
                               search_seconds, random_seconds, 100 * search_seconds / std::max(random_seconds, 1e-9));
    }
  }
  return compare_with_expectations(program, runs, cmd.expectations);
}

int cmd_figures(const Registry& registry, const FiguresCommand& cmd) {
  const auto selected = registry.select_experiments(
      cmd.patterns.empty() ? std::vector<std::string>{"*"} : cmd.patterns, cmd.slow || cmd.list_only);
  if (cmd.list_only) {
    for (const Experiment* e : selected) {
      std::cout << fmt::format("{:<22} {:<6} {:<40} {}{}\n", e->id, e->paper, e->source, e->title,
                               e->slow ? "  [slow]" : "");
    }
    return 0;
  }
  const int jobs = parse_jobs(cmd.jobs);
  // Each experiment in its own worker; the figures come back as the JSON
  // figures.json holds (doubles written exactly) and are placed in order.
  std::vector<std::optional<Figure>> figures(selected.size());
  std::vector<ProfileRow> rows(selected.size());
  std::vector<std::string> failures;
  long finished = 0;
  WorkerPool pool(jobs);
  for (size_t k = 0; k < selected.size(); ++k) {
    const Experiment* e = selected[k];
    WorkerTask task;
    task.name = e->id;
    task.priority = [e] { return e->slow ? 1.0 : 0.0; };
    task.work = [e, &cmd] {
      ExperimentOptions options;
      options.seed = cmd.seed;
      options.quick = cmd.quick;
      return figures_to_json({e->run(options)}).dump();
    };
    pool.add(std::move(task), [&, e, k](const WorkerResult& r) {
      ++finished;
      rows[k] = {e->id, r.seconds, ""};
      if (r.status != WorkerResult::Status::kDone) {
        failures.push_back(fmt::format("experiment {} failed: {}", e->id, r.reason));
        return;
      }
      figures[k] = figures_from_json(Json::parse(r.payload), e->id).at(0);
    });
  }
  ProgressLine line(stderr_is_tty() && !cmd.quiet);
  const auto t0 = std::chrono::steady_clock::now();
  pool.run([&] {
    std::string text = fmt::format("experiments {}/{} · {}", finished, selected.size(), duration_text(seconds_since(t0)));
    for (const auto& r : pool.running()) text += fmt::format(" · {} {}", r.name, duration_text(r.seconds));
    line.show(text);
  });
  const double wall = seconds_since(t0);
  line.clear();
  if (!failures.empty()) {
    // No figures.json: a report must not show a figure set with holes.
    for (const std::string& f : failures) std::cerr << "thmcheck: " << f << "\n";
    std::cerr << fmt::format("thmcheck: {} experiment(s) failed; figures.json not written\n", failures.size());
    return 1;
  }
  std::vector<Figure> out;
  for (auto& f : figures) {
    std::cout << fmt::format("{:<22} {} panel(s), {} table(s)\n", f->id, f->panels.size(), f->tables.size());
    out.push_back(std::move(*f));
  }
  const auto path = std::filesystem::path(cmd.out) / "figures.json";
  write_file_atomic(path, figures_to_json(out).dump(1) + "\n");
  std::cout << fmt::format("figures: {}\n", path.string());
  if (cmd.profile) print_profile("experiment", rows, wall, jobs);
  return 0;
}

}  // namespace thmcheck::cli
