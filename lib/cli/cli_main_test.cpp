// cli_main over a registry that is not the built-in catalog: the whole
// command line (list, run, report, check, reproduce) works for claims that
// only this test knows, and the program name of argv[0] is the one the
// report's reproduce commands name.
#include "thmcheck/cli/cli.hpp"

#include <gtest/gtest.h>
#include <rapidcheck.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>
#include <sstream>
#include <string>
#include <vector>

#include "thmcheck/engine/results.hpp"

namespace thmcheck {
namespace {

namespace fs = std::filesystem;

// "n <= 4" on n in [0, 100): violated, shrinks to n = 5 (exact integers, so
// the error is one rounding of each side).
Claim toy_claim() {
  Claim c;
  c.id = "mine.lem1";
  c.paper = "mine";
  c.source = "Lemma 1";
  c.statement = "n <= 4";
  c.summary = "n is at most 4";
  c.generator_info = "n uniform in [0, 100)";
  c.instance_schema = "{\"n\": integer}";
  c.default_cases = 20;
  c.generator = rc::gen::map(rc::gen::inRange(0, 100), [](int n) { return Json{{"n", n}}; });
  c.validate = [](const Json& j) { read_integer(j, "n", 0, 1000000); };
  c.evaluate = make_evaluator([]<class S>(const Json& j) {
    Outcome o;
    o.measured = widen(S(j.at("n").get<int>()));
    o.bound = 4;
    o.error = widen(unit_roundoff<S>() * 8);
    o.hypotheses = {{"n.integer", true, Evidence::kCertified, ""}};
    return o;
  });
  return c;
}

// "n <= 1000" on n in [0, 100), true, but n >= 50 takes a minute: only
// the time limit ends those cases.
Claim slow_claim() {
  Claim c = toy_claim();
  c.id = "mine.slow";
  c.evaluate = make_evaluator([]<class S>(const Json& j) {
    const int n = j.at("n").get<int>();
    if (n >= 50) std::this_thread::sleep_for(std::chrono::seconds(60));
    Outcome o;
    o.measured = widen(S(n));
    o.bound = 1000;
    o.error = widen(unit_roundoff<S>() * 8);
    o.hypotheses = {{"n.integer", true, Evidence::kCertified, ""}};
    return o;
  });
  return c;
}

class CliMainTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / "thmcheck-cli-main-test";
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    registry_.add(toy_claim());
    registry_.add(slow_claim());
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Runs cli_main as program "my_checker" and returns (status, stdout).
  std::pair<int, std::string> cli(std::vector<std::string> args) {
    args.insert(args.begin(), "/some/where/my_checker");
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    ::testing::internal::CaptureStdout();
    const int status = cli_main(static_cast<int>(argv.size()), argv.data(), registry_);
    return {status, ::testing::internal::GetCapturedStdout()};
  }

  static std::string slurp(const fs::path& p) {
    std::ifstream in(p);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }

  fs::path dir_;
  Registry registry_;
};

TEST_F(CliMainTest, RunsReportsChecksAndReproducesClaimsOutsideTheCatalog) {
  const std::string results = (dir_ / "results").string(), report = (dir_ / "report").string();
  const fs::path expectations = dir_ / "expectations.json";
  std::ofstream(expectations) << R"({"schema": "thmcheck-expectations/1",
    "claims": {"mine.lem1": {"verdict": "violated", "note": "n = 5 breaks it"}}})";

  auto [list_status, listed] = cli({"list"});
  EXPECT_EQ(list_status, 0);
  EXPECT_NE(listed.find("mine.lem1"), std::string::npos);
  EXPECT_EQ(listed.find("os19."), std::string::npos) << "the built-in catalog leaked in";

  auto [run_status, ran] = cli({"run", "mine.lem1", "--out", results, "--expectations", expectations.string()});
  ASSERT_EQ(run_status, 0) << ran;
  EXPECT_NE(ran.find("my_checker reproduce mine.lem1:1:"), std::string::npos) << ran;

  // The report reads results.json alone, and names this program and directory.
  auto [report_status, reported] = cli({"report", "--in", results, "--out", report});
  ASSERT_EQ(report_status, 0) << reported;
  const std::string md = slurp(fs::path(report) / "thmcheck-report.md");
  EXPECT_NE(md.find("**violated** | violated |"), std::string::npos) << md;
  EXPECT_NE(md.find("my_checker check mine.lem1 --instance " + report + "/counterexamples/"), std::string::npos);

  const ClaimRun run = load_results(results).at(0);
  ASSERT_EQ(run.counterexamples.size(), 1u);
  const std::string token = run.counterexamples[0].record.token;
  const std::string saved = (dir_ / "case.json").string();
  auto [reproduce_status, reproduced] = cli({"reproduce", token, "--save", saved});
  EXPECT_EQ(reproduce_status, 0);
  EXPECT_NE(reproduced.find("verdict    violated"), std::string::npos) << reproduced;
  auto [check_status, checked] = cli({"check", "mine.lem1", "--instance", saved, "--json"});
  EXPECT_EQ(check_status, 0);
  EXPECT_EQ(parse_json_exact(checked).at("verdict"), "violated");

  // Unknown ids are input errors (exit 2), as with the built-in catalog.
  EXPECT_EQ(cli({"check", "os19.thm2.4", "--instance", saved}).first, 2);
}

TEST_F(CliMainTest, OutputIsTheSameForEveryNumberOfJobs) {
  const fs::path one = dir_ / "one", three = dir_ / "three";
  ASSERT_EQ(cli({"run", "mine.lem1", "--cases", "40", "--jobs", "1", "--out", one.string()}).first, 0);
  ASSERT_EQ(cli({"run", "mine.lem1", "--cases", "40", "--jobs", "3", "--out", three.string()}).first, 0);
  EXPECT_EQ(slurp(one / "results.json"), slurp(three / "results.json"));
  // The same report directory for both (the report names it in commands).
  const fs::path report = dir_ / "report";
  ASSERT_EQ(cli({"report", "--in", one.string(), "--out", report.string()}).first, 0);
  const std::string from_one = slurp(report / "thmcheck-report.md");
  ASSERT_EQ(cli({"report", "--in", three.string(), "--out", report.string()}).first, 0);
  EXPECT_EQ(from_one, slurp(report / "thmcheck-report.md"));
  EXPECT_EQ(cli({"run", "mine.lem1", "--jobs", "-1"}).first, 2);
  EXPECT_EQ(cli({"run", "mine.lem1", "--time-limit", "0"}).first, 2);
}

// --search: the same results for any number of jobs, searched cases in
// results.json and the report, their tokens reproducible; bad uses are input errors.
TEST_F(CliMainTest, TargetedSearchIsDeterministicReportedAndReproducible) {
  const fs::path one = dir_ / "s1", three = dir_ / "s3", report = dir_ / "sreport";
  ASSERT_EQ(cli({"run", "mine.lem1", "--search", "12", "--jobs", "1", "--out", one.string()}).first, 0);
  ASSERT_EQ(cli({"run", "mine.lem1", "--search", "12", "--jobs", "3", "--out", three.string()}).first, 0);
  EXPECT_EQ(slurp(one / "results.json"), slurp(three / "results.json"));
  const ClaimRun run = load_results(one).at(0);
  EXPECT_EQ(run.search_budget, 12);
  EXPECT_EQ(run.summary.cases, 20);
  EXPECT_EQ(run.summary.search.candidates, 12);
  std::string searched_token;
  for (const CaseRecord& r : run.records) {
    if (r.searched && r.status == CaseStatus::kFail) searched_token = r.token;
  }
  ASSERT_NE(searched_token.find('+'), std::string::npos) << "no mutated failing case: " << searched_token;
  auto [reproduce_status, reproduced] = cli({"reproduce", searched_token});
  EXPECT_EQ(reproduce_status, 0);
  EXPECT_NE(reproduced.find("verdict    violated"), std::string::npos) << reproduced;
  ASSERT_EQ(cli({"report", "--in", one.string(), "--out", report.string()}).first, 0);
  const std::string md = slurp(report / "thmcheck-report.md");
  EXPECT_NE(md.find("## Targeted search"), std::string::npos);
  EXPECT_NE(md.find("| after search |"), std::string::npos);
  EXPECT_NE(md.find("Targeted search: 12 candidates"), std::string::npos) << md;
  EXPECT_EQ(cli({"run", "mine.lem1", "--search", "4", "--shard", "0/2", "--out", (dir_ / "x").string()}).first, 2);
  EXPECT_EQ(cli({"run", "mine.lem1", "--search", "-1", "--out", (dir_ / "x").string()}).first, 2);
  EXPECT_EQ(cli({"run", "mine.lem1", "--search", "5x", "--out", (dir_ / "x").string()}).first, 2);
  // A percentage of the claim's 20 random cases, rounded up: 3.
  const fs::path share = dir_ / "share";
  ASSERT_EQ(cli({"run", "mine.lem1", "--search", "11%", "--out", share.string()}).first, 0);
  EXPECT_EQ(load_results(share).at(0).summary.search.candidates, 3);
  EXPECT_EQ(cli({"reproduce", "mine.lem1:1:3+0.7"}).first, 2);
  EXPECT_FALSE(fs::exists(dir_ / "x"));
}

TEST_F(CliMainTest, CasesPastTheTimeLimitAreErrorsNeverPasses) {
  const fs::path out = dir_ / "slow";
  const auto t0 = std::chrono::steady_clock::now();
  auto [status, ran] = cli({"run", "mine.slow", "--cases", "12", "--time-limit", "0.3", "--out", out.string(),
                            "--profile"});
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_EQ(status, 0);
  const ClaimRun run = load_results(out).at(0);
  long stopped = 0;
  for (const CaseRecord& r : run.records) {
    if (r.status != CaseStatus::kError) continue;
    ++stopped;
    EXPECT_EQ(r.message, "time limit (0.3 s)");
  }
  ASSERT_GT(stopped, 0) << "no case drew n >= 50";
  EXPECT_EQ(run.summary.verdict, "error");  // a claim never reads `holds` because slow cases were dropped
  EXPECT_LT(seconds, 60.0);                 // the sleeping cases were stopped, not waited for
  EXPECT_NE(ran.find("case(s) stopped at the time limit"), std::string::npos) << ran;

  // check and reproduce stop at the limit too.
  const std::string slow_case = (dir_ / "slow.json").string();
  std::ofstream(slow_case) << R"({"n": 77})";
  auto [check_status, checked] = cli({"check", "mine.slow", "--instance", slow_case, "--time-limit", "0.3"});
  EXPECT_EQ(check_status, 0);
  EXPECT_NE(checked.find("verdict    error"), std::string::npos) << checked;
  EXPECT_NE(checked.find("time limit (0.3 s)"), std::string::npos) << checked;
}

}  // namespace
}  // namespace thmcheck
