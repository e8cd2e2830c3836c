// thmcheck: check published optimization theorems against computation.
//
//   thmcheck list | run | figures | report | check | reproduce   (see --help)
//
// Exit status: 0 ok; 1 a verdict differs from the expectations file; 2 usage
// or input error (one line on stderr, no partial output files).
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "thmcheck/cli/cli.hpp"
#include "thmcheck/engine/claim_json.hpp"
#include "thmcheck/engine/registry.hpp"
#include "thmcheck/engine/results.hpp"
#include "thmcheck/engine/runner.hpp"
#include "thmcheck/experiments/figure.hpp"
#include "thmcheck/report/expectations.hpp"
#include "thmcheck/report/markdown_report.hpp"

namespace thmcheck {
namespace {

struct ParsedPrecision {
  Precision start = Precision::kDouble;
};

ParsedPrecision parse_precision_flag(const std::string& text) {
  if (text == "auto") return {Precision::kDouble};
  try {
    return {parse_precision(text)};
  } catch (const std::invalid_argument& e) {
    throw InputError(e.what());
  }
}

std::pair<long, long> parse_shard(const std::string& text) {
  long i = -1, n = -1;
  char tail = 0;
  if (std::sscanf(text.c_str(), "%ld/%ld%c", &i, &n, &tail) != 2 || n < 1 || i < 0 || i >= n) {
    throw InputError(fmt::format("--shard '{}': expected i/n with 0 <= i < n", text));
  }
  return {i, n};
}

bool stderr_is_tty() { return isatty(fileno(stderr)) != 0; }

int compare_with_expectations(const std::string& program, const std::vector<ClaimRun>& runs,
                              const std::string& path) {
  if (path.empty()) return 0;
  Expectations ex = load_expectations(path);
  int status = 0;
  for (const ClaimRun& r : runs) {
    auto it = ex.find(r.id);
    if (it == ex.end()) {
      std::cerr << fmt::format("{}: {}: no expected verdict in {}\n", program, r.id, path);
      status = 1;
    } else if (it->second.verdict != r.summary.verdict) {
      std::cerr << fmt::format("{}: {}: verdict {} differs from expected {}\n", program, r.id,
                               r.summary.verdict, it->second.verdict);
      status = 1;
    }
  }
  return status;
}

void print_summary(const std::vector<ClaimRun>& runs) {
  std::cout << fmt::format("{:<28} {:<10} {:>6} {:>7} {:>7} {:>16} {:>12}  {}\n", "claim", "kind", "cases",
                           "in-hyp", "passed", "pass rate [CI]", "worst ratio", "verdict");
  for (const ClaimRun& r : runs) {
    const ClaimInfo* c = &r.claim;
    const Summary& s = r.summary;
    std::string worst = s.worst_ratio ? fmt::format("{:.6g}", *s.worst_ratio) : "-";
    if (c && c->kind == ClaimKind::kScaling && s.fit.valid()) worst = fmt::format("k={:.3f}", s.fit.exponent);
    std::cout << fmt::format("{:<28} {:<10} {:>6} {:>7} {:>7} {:>5.3f} [{:.2f},{:.2f}] {:>12}  {}\n", r.id,
                             c ? to_string(c->kind) : "?", s.cases, s.in_hypothesis, s.passed, s.pass_rate,
                             s.pass_rate_ci.first, s.pass_rate_ci.second, worst, s.verdict);
  }
}

Json outcome_json(const Claim& claim, const CaseRecord& r) {
  Json j = record_to_json(r);
  j.erase("index");
  j["claim"] = claim.id;
  std::string verdict;
  if (r.status == CaseStatus::kError) verdict = "error";
  else if (!r.in_hypothesis) verdict = "vacuous";
  else if (r.passed()) verdict = "holds";
  else if (r.status == CaseStatus::kFail) verdict = "violated";
  else verdict = "inconclusive";
  j["verdict"] = verdict;
  j["case_status"] = to_string(r.status);
  return j;
}

void print_record_human(const Claim& claim, const CaseRecord& r) {
  Json j = outcome_json(claim, r);
  std::cout << fmt::format("claim      {}  ({}, {})\n", claim.id, claim.paper, claim.source);
  std::cout << fmt::format("verdict    {}  (case status {}, {} the hypotheses)\n", j["verdict"].get<std::string>(),
                           to_string(r.status), r.in_hypothesis ? "inside" : "outside");
  if (claim.kind != ClaimKind::kScaling) {
    std::cout << fmt::format("measured   {}\nbound      {}  (relation: measured {} bound)\n", wide_text(r.measured, 30),
                             wide_text(r.bound, 30), to_string(r.relation));
    std::cout << fmt::format("margin     {}  (error estimate {})\n", wide_text(r.margin, 30), wide_text(r.error, 3));
  }
  for (const auto& [x, y] : r.points) {
    std::cout << fmt::format("point      x = {}  y = {}\n", wide_text(x, 20), wide_text(y, 20));
  }
  std::string evaluated;
  for (Precision p : r.evaluated) evaluated += (evaluated.empty() ? "" : " -> ") + to_string(p);
  std::cout << fmt::format("precision  {}  (agreeing digits: {})\n", evaluated,
                           r.certified_digits < 0 ? std::string("-") : std::to_string(r.certified_digits));
  for (const HypothesisCheck& h : r.hypotheses) {
    std::cout << fmt::format("hypothesis {}: {} ({}) {}\n", h.name, h.holds ? "holds" : "FAILS", to_string(h.evidence),
                             h.detail);
  }
  for (const auto& [k, v] : r.details) std::cout << fmt::format("detail     {} = {}\n", k, v);
  if (!r.message.empty()) std::cout << "message    " << r.message << "\n";
}

int cmd_list(const Registry& registry, bool as_json, bool long_form) {
  if (as_json) {
    Json a = Json::array();
    for (const Claim& c : registry.claims()) a.push_back(claim_info_to_json(c));
    std::cout << a.dump(2) << "\n";
    return 0;
  }
  for (const Claim& c : registry.claims()) {
    std::cout << fmt::format("{:<28} {:<10} {:<8} {:<36} {}\n", c.id, to_string(c.kind), c.paper, c.source, c.summary);
    if (long_form) {
      std::cout << fmt::format("    statement: {}\n    instance:  {}\n", c.statement, c.instance_schema);
    }
  }
  return 0;
}

int cmd_run(const Registry& registry, const std::string& program, const std::vector<std::string>& patterns, long cases, std::uint64_t seed, const std::string& precision,
            const std::string& shard, const std::string& out, const std::string& expectations, int max_shrinks) {
  const auto selected = registry.select(patterns);
  const Precision start = parse_precision_flag(precision).start;
  const auto [shard_index, shard_count] = parse_shard(shard);
  if (cases == 0 || cases < -1) throw InputError("--cases must be a positive integer");
  // Read before any work, so that a bad file fails early; the expected
  // verdicts travel in results.json for the report.
  const Expectations expected = expectations.empty() ? Expectations{} : load_expectations(expectations);
  std::vector<ClaimRun> runs;
  const bool tty = stderr_is_tty();
  for (const Claim* claim : selected) {
    RunOptions options;
    options.cases = cases;
    options.seed = seed;
    options.start = start;
    options.shard_index = shard_index;
    options.shard_count = shard_count;
    options.max_shrink_evaluations = max_shrinks;
    if (tty) {
      options.progress = [&](long done, long total) {
        std::cerr << fmt::format("\r{:<28} {:>6}/{:<6}", claim->id, done, total) << std::flush;
      };
    }
    runs.push_back(run_claim(*claim, options));
    runs.back().program = program;
    if (auto e = expected.find(claim->id); e != expected.end()) {
      runs.back().expected_verdict = e->second.verdict;
      runs.back().expected_note = e->second.note;
    }
    if (tty) std::cerr << fmt::format("\r{:<28} {:<14}\n", claim->id, runs.back().summary.verdict);
  }
  const std::filesystem::path out_dir(out);
  // Counterexample instance files first, results last: results.json appears
  // only when everything it refers to is in place.
  std::vector<std::string> reproduce_lines;
  for (const ClaimRun& r : runs) {
    for (const Counterexample& cx : r.counterexamples) {
      const std::string name = fmt::format("counterexamples/{}-case{}.json", r.id, cx.original_case);
      write_file_atomic(out_dir / name, cx.instance.dump(1) + "\n");
      reproduce_lines.push_back(fmt::format("{} ({}): {} check {} --instance {}   or   {} reproduce {}", r.id,
                                            to_string(cx.record.status), program, r.id, (out_dir / name).string(),
                                            program, cx.record.token));
    }
  }
  write_file_atomic(out_dir / "results.json", runs_to_json(runs).dump(1) + "\n");
  print_summary(runs);
  for (const std::string& line : reproduce_lines) std::cout << "counterexample " << line << "\n";
  return compare_with_expectations(program, runs, expectations);
}

int cmd_figures(const Registry& registry, const std::vector<std::string>& patterns, std::uint64_t seed, bool slow, bool quick, bool list_only,
                const std::string& out) {
  const auto selected = registry.select_experiments(patterns.empty() ? std::vector<std::string>{"*"} : patterns,
                                           slow || list_only);
  if (list_only) {
    for (const Experiment* e : selected) {
      std::cout << fmt::format("{:<22} {:<6} {:<40} {}{}\n", e->id, e->paper, e->source, e->title,
                               e->slow ? "  [slow]" : "");
    }
    return 0;
  }
  const bool tty = stderr_is_tty();
  std::vector<Figure> figures;
  for (const Experiment* e : selected) {
    ExperimentOptions options;
    options.seed = seed;
    options.quick = quick;
    if (tty) {
      options.progress = [&](const std::string& text) {
        std::cerr << fmt::format("\r{:<22} {:<50}", e->id, text.substr(0, 50)) << std::flush;
      };
    }
    figures.push_back(e->run(options));
    if (tty) std::cerr << fmt::format("\r{:<22} {:<50}\n", e->id, "done");
    std::cout << fmt::format("{:<22} {} panel(s), {} table(s)\n", e->id, figures.back().panels.size(),
                             figures.back().tables.size());
  }
  const auto path = std::filesystem::path(out) / "figures.json";
  write_file_atomic(path, figures_to_json(figures).dump(1) + "\n");
  std::cout << fmt::format("figures: {}\n", path.string());
  return 0;
}

int cmd_report(const std::string& program, const std::vector<std::string>& inputs, const std::string& out, const std::string& expectations) {
  namespace fs = std::filesystem;
  std::vector<ClaimRun> all;
  std::vector<Figure> figures;
  for (const std::string& in : inputs) {
    const fs::path dir(in);
    const bool is_dir = fs::is_directory(dir);
    const bool has_figures = is_dir ? fs::exists(dir / "figures.json") : dir.filename() == "figures.json";
    const bool has_results = is_dir ? fs::exists(dir / "results.json") : !has_figures;
    if (!has_figures && !has_results) {
      throw InputError(fmt::format("'{}' holds neither results.json nor figures.json", in));
    }
    if (has_results) {
      auto runs = load_results(in);
      all.insert(all.end(), std::make_move_iterator(runs.begin()), std::make_move_iterator(runs.end()));
    }
    if (has_figures) {
      const fs::path file = is_dir ? dir / "figures.json" : dir;
      auto more = figures_from_json(load_json_file(file), file.string());
      for (Figure& f : more) {
        for (const Figure& g : figures) {
          if (g.id == f.id) throw InputError(fmt::format("experiment '{}' appears in two inputs", f.id));
        }
        figures.push_back(std::move(f));
      }
    }
  }
  // Experiments in id order (as a registry lists them), whatever the input order.
  std::stable_sort(figures.begin(), figures.end(),
                   [](const Figure& a, const Figure& b) { return natural_less(a.id, b.id); });
  auto merged = merge_runs(all);
  Expectations ex = expectations.empty() ? Expectations{} : load_expectations(expectations);
  ReportOptions options;
  options.out_dir = out;
  options.expectations_name = expectations;
  write_report(build_report(merged, figures, ex, options), out);
  print_summary(merged);
  std::cout << fmt::format("report: {}\n", (std::filesystem::path(out) / kReportFile).string());
  return compare_with_expectations(program, merged, expectations);
}

int cmd_check(const Registry& registry, const std::string& id, const std::string& instance_path, bool as_json, const std::string& precision) {
  const Claim* claim = registry.find(id);
  if (!claim) throw InputError(fmt::format("unknown claim id '{}' (see `list`)", id));
  Json instance = load_json_file(instance_path);
  CaseRecord r = judge_instance(*claim, instance, parse_precision_flag(precision).start, Ladder::kFull);
  if (r.certified_digits < 0) add_certified_digits(*claim, instance, r);
  if (as_json) {
    std::cout << outcome_json(*claim, r).dump(1) << "\n";
  } else {
    print_record_human(*claim, r);
  }
  return 0;
}

int cmd_reproduce(const Registry& registry, const std::string& program, const std::string& token,
                  const std::string& save) {
  TokenInstance t = instance_from_token(token, registry);
  std::cout << fmt::format("reproducing {} (seed {}, case {})\n", t.claim->id, t.seed, t.case_index);
  // Saved first, so that the instance is at hand even when a slow evaluation is interrupted.
  if (!save.empty()) {
    write_file_atomic(save, t.instance.dump(1) + "\n");
    std::cout << fmt::format("instance saved to {}; check it with: {} check {} --instance {}\n", save, program,
                             t.claim->id, save)
              << std::flush;
  }
  for (Precision p : {Precision::kDouble, Precision::kMp50, Precision::kMp100}) {
    Outcome o = t.claim->evaluate(t.instance, p);
    std::cout << fmt::format("  at {:>6}: ", to_string(p));
    if (!o.ok) {
      std::cout << "solver failed: " << o.message << "\n";
      continue;
    }
    if (t.claim->kind == ClaimKind::kScaling) {
      std::cout << fmt::format("{} point(s)", o.points.size());
      if (!o.points.empty()) std::cout << fmt::format(", first y = {}", wide_text(o.points.front().second, 25));
      std::cout << "\n";
    } else {
      std::cout << fmt::format("margin {}  (error {})\n", wide_text(o.margin(), 30), wide_text(o.error, 3));
    }
  }
  CaseRecord r = judge_instance(*t.claim, t.instance, Precision::kDouble, Ladder::kFull);
  if (r.certified_digits < 0) add_certified_digits(*t.claim, t.instance, r);
  print_record_human(*t.claim, r);
  if (save.empty()) {
    const std::string text = t.instance.dump();
    if (text.size() <= 4000) {
      std::cout << "instance:\n" << text << "\n";
    } else {
      std::cout << fmt::format("instance: {} bytes; write it to a file with --save FILE\n", text.size());
    }
  }
  return 0;
}

}  // namespace

int cli_main(int argc, char** argv, const Registry& registry) {
  const std::string program =
      argc > 0 && argv[0] != nullptr ? std::filesystem::path(argv[0]).filename().string() : "thmcheck";
  CLI::App app{program + " — checks optimization-theory claims against computation, certifies each "
                    "verdict with high-precision arithmetic, and writes Markdown reports.\n"
                    "Exit status: 0 ok, 1 a verdict differs from the expectations, 2 usage or input error.",
                program};
  app.require_subcommand(1);
  app.set_help_all_flag("--help-all", "Help for every command");

  bool list_json = false, list_long = false;
  auto* list = app.add_subcommand("list", "List the claim catalog (id, kind, source, one-line statement)");
  list->add_flag("--json", list_json, "Print the catalog as JSON (with statements and instance schemas)");
  list->add_flag("--long", list_long, "Also print each statement and instance schema");

  std::vector<std::string> patterns;
  long cases = -1;
  std::uint64_t seed = 1;
  std::string precision = "auto", shard = "0/1", out = "results", expectations;
  int max_shrinks = 200;
  auto* run = app.add_subcommand("run", "Run claims on generated cases and write DIR/results.json");
  run->add_option("claims", patterns, "Claim ids or shell globs (quote them: 'os19.*')")->required();
  run->add_option("--cases", cases, "Cases per claim (default: each claim's own)");
  run->add_option("--seed", seed, "Seed; the same seed gives the same cases and results");
  run->add_option("--precision", precision,
                  "Start precision: double, 50, 100 or auto (= double; failing and borderline cases "
                  "always climb to 100 digits)");
  run->add_option("--shard", shard, "Run the i-th of n deterministic slices of the cases (i/n, 0-based)");
  run->add_option("--out", out, "Output directory (default: results)");
  run->add_option("--expectations", expectations, "Expected verdicts; exit 1 when one differs");
  run->add_option("--max-shrinks", max_shrinks, "Evaluation budget for shrinking a counterexample");

  std::vector<std::string> figure_patterns;
  std::uint64_t figure_seed = 1;
  bool figure_slow = false, figure_quick = false, figure_list = false;
  std::string figure_out = "results";
  auto* figures = app.add_subcommand(
      "figures", "Recompute the papers' experiments (figures, tables) and write DIR/figures.json for `report`");
  figures->add_option("experiments", figure_patterns, "Experiment ids or shell globs (default: all not marked slow)");
  figures->add_option("--seed", figure_seed, "Seed; the same seed gives byte-identical figures.json");
  figures->add_flag("--slow", figure_slow, "Include experiments marked slow");
  figures->add_flag("--quick", figure_quick, "Reduced sizes (fewer repetitions, smaller grids); marked in the report");
  figures->add_flag("--list", figure_list, "List the experiments and exit");
  figures->add_option("--out", figure_out, "Output directory (default: results)");

  std::vector<std::string> inputs;
  std::string report_out = "reports", report_expectations;
  auto* report = app.add_subcommand("report", "Merge results (shards included) and write the Markdown report");
  report->add_option("--in", inputs,
                     "Directories holding results.json and/or figures.json, or such files (several: shards)")
      ->required();
  report->add_option("--out", report_out, "Report directory (default: reports)");
  report->add_option("--expectations", report_expectations, "Expected verdicts; exit 1 when one differs");

  std::string check_id, instance_path, check_precision = "50";
  bool check_json = false;
  auto* check = app.add_subcommand("check", "Judge one user-supplied instance of a claim");
  check->add_option("claim", check_id, "Claim id")->required();
  check->add_option("--instance", instance_path,
                    "Instance JSON file; reals as JSON numbers or decimal strings (read exactly). "
                    "Schemas: `list --long`")
      ->required();
  check->add_flag("--json", check_json, "Print one JSON object (numbers as decimal strings)");
  check->add_option("--precision", check_precision, "Start precision: double, 50 (default), 100 or auto");

  std::string token, save;
  auto* reproduce = app.add_subcommand("reproduce", "Rerun one saved case verbosely at every precision");
  reproduce->add_option("token", token, "Token from a report, e.g. os19.thm2.4:1:17:0.3")->required();
  reproduce->add_option("--save", save, "Also write the case's instance file here");

  if (argc > 1 && argv[1][0] != '-') {
    const std::string first = argv[1];
    bool known = false;
    for (const CLI::App* sub : app.get_subcommands({})) known = known || sub->get_name() == first;
    if (!known) {
      std::cerr << program << ": unknown command '" << first << "' (commands: list, run, figures, report, check, reproduce)\n";
      return 2;
    }
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::string msg = e.what();
    for (char& c : msg) {
      if (c == '\n') c = ' ';
    }
    std::cerr << program << ": " << msg << " (see --help)\n";
    return 2;
  }
  try {
    if (*list) return cmd_list(registry, list_json, list_long);
    if (*run) return cmd_run(registry, program, patterns, cases, seed, precision, shard, out, expectations, max_shrinks);
    if (*figures) return cmd_figures(registry, figure_patterns, figure_seed, figure_slow, figure_quick, figure_list, figure_out);
    if (*report) return cmd_report(program, inputs, report_out, report_expectations);
    if (*check) return cmd_check(registry, check_id, instance_path, check_json, check_precision);
    if (*reproduce) return cmd_reproduce(registry, program, token, save);
  } catch (const InputError& e) {
    std::cerr << program << ": " << e.what() << "\n";
    return 2;
  } catch (const std::filesystem::filesystem_error& e) {
    std::cerr << program << ": " << e.what() << "\n";
    return 2;
  }
  return 2;
}

}  // namespace thmcheck
