// thmcheck: check published optimization theorems against computation.
//
//   thmcheck list | run | figures | report | check | reproduce   (see --help)
//
// Exit status: 0 ok; 1 a verdict differs from the expectations file; 2 usage
// or input error (one line on stderr, no partial output files).
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "thmcheck/cli/cli.hpp"
#include "thmcheck/cli/commands.hpp"
#include "thmcheck/engine/claim_json.hpp"
#include "thmcheck/engine/parallel_run.hpp"
#include "thmcheck/engine/registry.hpp"
#include "thmcheck/engine/results.hpp"
#include "thmcheck/engine/runner.hpp"
#include "thmcheck/engine/search.hpp"
#include "thmcheck/experiments/figure.hpp"
#include "thmcheck/proof/verify_files.hpp"
#include "thmcheck/report/expectations.hpp"
#include "thmcheck/report/markdown_report.hpp"

namespace thmcheck {

namespace cli {

Precision parse_precision_flag(const std::string& text) {
  if (text == "auto") return Precision::kDouble;
  try {
    return parse_precision(text);
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
  const bool searched = std::any_of(runs.begin(), runs.end(), [](const ClaimRun& r) { return r.search_budget > 0; });
  std::cout << fmt::format("{:<28} {:<10} {:>6} {:>7} {:>7} {:>16} {:>12}{}  {}\n", "claim", "kind", "cases", "in-hyp",
                           "passed", "pass rate [CI]", "worst ratio", searched ? fmt::format(" {:>12}", "after search") : "",
                           "verdict");
  for (const ClaimRun& r : runs) {
    const ClaimInfo* c = &r.claim;
    const Summary& s = r.summary;
    const bool scaling = c->kind == ClaimKind::kScaling;
    std::string worst = s.worst_ratio ? fmt::format("{:.6g}", *s.worst_ratio) : "-";
    if (scaling && s.fit.valid()) worst = fmt::format("k={:.3f}", s.fit.exponent);
    std::string after;
    if (searched) {
      const auto a = scaling ? exponent_deviation_after_search(s) : worst_ratio_after_search(*c, s);
      after = fmt::format(" {:>12}", !a ? std::string("-") : scaling ? fmt::format("dev={:.3g}", *a) : fmt::format("{:.6g}", *a));
    }
    std::cout << fmt::format("{:<28} {:<10} {:>6} {:>7} {:>7} {:>5.3f} [{:.2f},{:.2f}] {:>12}{}  {}{}\n", r.id,
                             to_string(c->kind), s.cases, s.in_hypothesis, s.passed, s.pass_rate, s.pass_rate_ci.first,
                             s.pass_rate_ci.second, worst, after, s.verdict,
                             s.search.changed_verdict ? " (by search)" : "");
  }
}

}  // namespace cli

namespace {

using namespace cli;

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

/// judge_instance on the full ladder, then agreeing digits when evaluated
/// once, in a worker under the claim's case limit (or --time-limit).
CaseRecord judge_fully(const Claim& claim, const Json& instance, Precision start, double time_limit) {
  if (claim.validate) claim.validate(instance);  // a rejected instance: exit 2 here, before any work
  const WorkerResult result =
      run_in_worker(claim.id, case_time_limit(claim, time_limit), [&] {
        CaseRecord r = judge_instance(claim, instance, start, Ladder::kFull);
        if (r.certified_digits < 0) add_certified_digits(claim, instance, r);
        return record_to_json(r, RecordDigits::kExact).dump();
      });
  if (result.status == WorkerResult::Status::kDone) return record_from_json(Json::parse(result.payload));
  CaseRecord r;
  r.status = CaseStatus::kError;
  r.in_hypothesis = true;
  r.message = result.reason;
  return r;
}

int cmd_check(const Registry& registry, const std::string& id, const std::string& instance_path, bool as_json,
              const std::string& precision, double time_limit, const std::string& certificate_path) {
  const Claim* claim = registry.find(id);
  if (!claim) throw InputError(fmt::format("unknown claim id '{}' (see `list`)", id));
  Json instance = load_json_file(instance_path);
  const Precision start = parse_precision_flag(precision);
  CaseRecord r = judge_fully(*claim, instance, start, parse_time_limit(time_limit));
  // A certified violation is also proved when a proof method covers the claim.
  Counterexample cx;
  cx.record = r;
  cx.instance = instance;
  prove_counterexample(*claim, cx);
  if (cx.proof.proved && !certificate_path.empty()) {
    write_file_atomic(certificate_path, cx.proof.certificate.dump(1) + "\n");
  }
  if (as_json) {
    Json out = outcome_json(*claim, r);
    if (cx.proof.attempted) {
      Json p = proof_to_json(cx.proof);
      p.erase("certificate");
      out["proof"] = p;
    }
    std::cout << out.dump(1) << "\n";
  } else {
    print_record_human(*claim, r);
    if (cx.proof.attempted) {
      std::cout << fmt::format("proof      {}: {}\n", cx.proof.proved ? "proved" : "not proved", cx.proof.message);
      if (cx.proof.proved && !certificate_path.empty()) {
        std::cout << fmt::format("certificate {} (check it with: verify {})\n", certificate_path, certificate_path);
      }
    }
  }
  return 0;
}

int cmd_reproduce(const Registry& registry, const std::string& program, const std::string& token,
                  const std::string& save, double time_limit_flag) {
  const double time_limit = parse_time_limit(time_limit_flag);
  TokenInstance t = instance_from_token(token, registry);
  std::cout << fmt::format("reproducing {} (seed {}, case {})\n", t.claim->id, t.seed, t.case_index);
  // Saved first, so that the instance is at hand even when a slow evaluation is interrupted.
  if (!save.empty()) {
    write_file_atomic(save, t.instance.dump(1) + "\n");
    std::cout << fmt::format("instance saved to {}; check it with: {} check {} --instance {}\n", save, program,
                             t.claim->id, save)
              << std::flush;
  }
  // Each precision in a worker under the case limit, so that one that runs
  // away is cut off and the others still print.
  for (Precision p : {Precision::kDouble, Precision::kMp50, Precision::kMp100}) {
    std::cout << fmt::format("  at {:>6}: ", to_string(p)) << std::flush;
    const WorkerResult line = run_in_worker(t.claim->id, case_time_limit(*t.claim, time_limit), [&] {
      const Outcome o = safe_evaluate(*t.claim, t.instance, p);
      if (!o.ok) return "solver failed: " + o.message;
      if (t.claim->kind == ClaimKind::kScaling) {
        std::string text = fmt::format("{} point(s)", o.points.size());
        if (!o.points.empty()) text += fmt::format(", first y = {}", wide_text(o.points.front().second, 25));
        return text;
      }
      return fmt::format("margin {}  (error {})", wide_text(o.margin(), 30), wide_text(o.error, 3));
    });
    std::cout << (line.status == WorkerResult::Status::kDone ? line.payload : "stopped: " + line.reason) << "\n";
  }
  CaseRecord r = judge_fully(*t.claim, t.instance, Precision::kDouble, time_limit);
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

  const std::string jobs_help = "Worker processes at once (default 0: one per core); the output is the same for every value";
  const std::string limit_help = fmt::format(
      "Seconds one case may take (default {:g}, or the claim's own when longer); a case past it is an `error`",
      kDefaultCaseTimeLimit);
  cli::RunCommand run_cmd;
  auto* run = app.add_subcommand("run", "Run claims on generated cases and write DIR/results.json");
  run->add_option("claims", run_cmd.patterns, "Claim ids or shell globs (quote them: 'os19.*')")->required();
  run->add_option("--cases", run_cmd.cases, "Cases per claim (default: each claim's own)");
  run->add_option("--seed", run_cmd.seed, "Seed; the same seed gives the same cases and results");
  run->add_option("--precision", run_cmd.precision,
                  "Start precision: double, 50, 100 or auto (= double; failing and borderline cases "
                  "always climb to 100 digits)");
  run->add_option("--shard", run_cmd.shard, "Run the i-th of n deterministic slices of the cases (i/n, 0-based)");
  run->add_option("--out", run_cmd.out, "Output directory (default: results)");
  run->add_option("--expectations", run_cmd.expectations, "Expected verdicts; exit 1 when one differs");
  run->add_option("--search", run_cmd.search,
                  "After each claim's random cases, judge BUDGET more found by targeted search (a hill climb "
                  "toward the case closest to breaking the claim): a number per claim, or P% of each claim's "
                  "random cases rounded up; not with --shard")
      ->option_text("BUDGET");
  run->add_option("--max-shrinks", run_cmd.max_shrinks, "Evaluation budget for shrinking a counterexample");
  run->add_option("--jobs,-j", run_cmd.jobs, jobs_help);
  run->add_option("--time-limit", run_cmd.time_limit, limit_help);
  run->add_flag("--quiet,-q", run_cmd.quiet, "No live progress line (there is none when stderr is not a terminal)");
  run->add_flag("--profile", run_cmd.profile, "Print the seconds spent per claim and their share of the total");

  cli::FiguresCommand fig_cmd;
  auto* figures = app.add_subcommand(
      "figures", "Recompute the papers' experiments (figures, tables) and write DIR/figures.json for `report`");
  figures->add_option("experiments", fig_cmd.patterns, "Experiment ids or shell globs (default: all not marked slow)");
  figures->add_option("--seed", fig_cmd.seed, "Seed; the same seed gives byte-identical figures.json");
  figures->add_flag("--slow", fig_cmd.slow, "Include experiments marked slow");
  figures->add_flag("--quick", fig_cmd.quick, "Reduced sizes (fewer repetitions, smaller grids); marked in the report");
  figures->add_flag("--list", fig_cmd.list_only, "List the experiments and exit");
  figures->add_option("--out", fig_cmd.out, "Output directory (default: results)");
  figures->add_option("--jobs,-j", fig_cmd.jobs, jobs_help);
  figures->add_flag("--quiet,-q", fig_cmd.quiet, "No live progress line");
  figures->add_flag("--profile", fig_cmd.profile, "Print the seconds spent per experiment and their share");

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
  std::string check_certificate;
  check->add_option("--certificate", check_certificate,
                    "When the violation is proved by interval arithmetic, write its certificate here");
  double check_limit = -1, reproduce_limit = -1;
  check->add_option("--time-limit", check_limit, limit_help);

  std::string token, save;
  auto* reproduce = app.add_subcommand("reproduce", "Rerun one saved case verbosely at every precision");
  reproduce->add_option("token", token, "Token from a report, e.g. os19.thm2.4:1:17:0.3")->required();
  reproduce->add_option("--save", save, "Also write the case's instance file here");
  reproduce->add_option("--time-limit", reproduce_limit, limit_help + " (per precision)");

  std::vector<std::string> certificates;
  auto* verify = app.add_subcommand(
      "verify", "Re-check proof certificates (reports/certificates/*.json) with interval arithmetic alone");
  verify->add_option("certificates", certificates, "Certificate files")->required();

  if (argc > 1 && argv[1][0] != '-') {
    const std::string first = argv[1];
    bool known = false;
    for (const CLI::App* sub : app.get_subcommands({})) known = known || sub->get_name() == first;
    if (!known) {
      std::cerr << program << ": unknown command '" << first << "' (commands: list, run, figures, report, check, reproduce, verify)\n";
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
    if (*run) return cli::cmd_run(registry, program, run_cmd);
    if (*figures) return cli::cmd_figures(registry, fig_cmd);
    if (*report) return cmd_report(program, inputs, report_out, report_expectations);
    if (*check) return cmd_check(registry, check_id, instance_path, check_json, check_precision, check_limit,
                                 check_certificate);
    if (*reproduce) return cmd_reproduce(registry, program, token, save, reproduce_limit);
    if (*verify) return proof::verify_files(certificates, std::cout, std::cerr);
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
