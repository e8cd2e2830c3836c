// End-to-end tests of the thmcheck command line: exit codes, one-line
// errors, no partial files, exact decimal input, deterministic reports.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "thmcheck/engine/instance.hpp"

namespace {

namespace fs = std::filesystem;

struct CliResult {
  int status = -1;
  std::string out, err;
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("thmcheck-cli-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  CliResult run(const std::string& args) {
    const fs::path err = dir_ / "stderr.txt";
    std::string cmd = std::string(THMCHECK_CLI_PATH) + " " + args + " 2>" + err.string();
    CliResult r;
    FILE* pipe = popen(cmd.c_str(), "r");
    std::array<char, 4096> buf{};
    size_t n;
    while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) r.out.append(buf.data(), n);
    int st = pclose(pipe);
    r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    r.err = slurp(err);
    return r;
  }

  fs::path write(const std::string& name, const std::string& text) {
    fs::path p = dir_ / name;
    std::ofstream(p) << text;
    return p;
  }

  static void expect_one_line_error(const CliResult& r, const std::string& fragment) {
    EXPECT_EQ(r.status, 2) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_NE(r.err.find(fragment), std::string::npos) << r.err;
  }

  fs::path dir_;
};

// A 2x3 instance of os19.thm2.4 with theta = theta0 + e_1; decimals that are
// not doubles ("0.1") must be read exactly.
const char* kGoodInstance = R"({"X": [["1", "0.1", "0"], ["0", "1", "0.2"]],
  "y": ["1", "-1"], "theta0": [0, 0, 0], "theta": ["1", "0", "0"]})";

TEST_F(CliTest, HelpAndListSucceed) {
  CliResult h = run("--help");
  EXPECT_EQ(h.status, 0);
  EXPECT_NE(h.out.find("run"), std::string::npos);
  for (const char* sub : {"list", "run", "report", "check", "reproduce"}) {
    EXPECT_EQ(run(std::string(sub) + " --help").status, 0) << sub;
  }
  CliResult l = run("list");
  EXPECT_EQ(l.status, 0);
  EXPECT_NE(l.out.find("os19.thm2.4"), std::string::npos);
}

TEST_F(CliTest, BadFlagsAndUnknownIdsExitTwoWithOneLine) {
  expect_one_line_error(run("run os19.thm2.4 --bogus"), "bogus");
  expect_one_line_error(run("frobnicate"), "frobnicate");
  expect_one_line_error(run("run no.such.claim --cases 1 --out " + (dir_ / "o").string()), "no.such.claim");
  expect_one_line_error(run("run os19.thm2.4 --shard 3/2 --out " + (dir_ / "o").string()), "--shard");
  expect_one_line_error(run("run os19.thm2.4 --precision quad --out " + (dir_ / "o").string()), "quad");
  expect_one_line_error(run("run os19.thm2.4 --cases x"), "cases");
  expect_one_line_error(run("check no.such --instance x.json"), "no.such");
  expect_one_line_error(run("reproduce os19.thm2.4:1"), "token");
  EXPECT_FALSE(fs::exists(dir_ / "o"));
}

TEST_F(CliTest, BadInstancesExitTwoNamingTheProblem) {
  const std::string check = "check os19.thm2.4 --instance ";
  expect_one_line_error(run(check + write("malformed.json", "{\"X\": [[1, 2]").string()), "malformed");
  expect_one_line_error(run(check + (dir_ / "missing.json").string()), "cannot read");
  expect_one_line_error(
      run(check + write("nan.json", R"({"X": [["nan"]], "y": [1], "theta0": [0], "theta": [1]})").string()),
      "X");
  expect_one_line_error(
      run(check + write("huge.json", R"({"X": [[1e999]], "y": [1], "theta0": [0], "theta": [1]})").string()),
      "1e999");
  expect_one_line_error(
      run(check + write("dims.json", R"({"X": [[1, 2]], "y": [1], "theta0": [0], "theta": [1]})").string()),
      "theta0");
  expect_one_line_error(
      run(check + write("ragged.json", R"({"X": [[1, 2], [3]], "y": [1, 2], "theta0": [0, 0], "theta": [1, 1]})")
                      .string()),
      "row 1");
  expect_one_line_error(run(check + write("missing_field.json", R"({"X": [[1]], "y": [1]})").string()),
                        "theta0");
}

TEST_F(CliTest, CheckJsonReportsVerdictAndDecimalStrings) {
  CliResult r = run("check os19.thm2.4 --json --instance " + write("good.json", kGoodInstance).string());
  ASSERT_EQ(r.status, 0) << r.err;
  thmcheck::Json j = thmcheck::Json::parse(r.out);
  for (const char* key : {"claim", "verdict", "measured", "bound", "margin", "precision", "certified_digits"}) {
    EXPECT_TRUE(j.contains(key)) << key;
  }
  EXPECT_EQ(j["claim"], "os19.thm2.4");
  EXPECT_EQ(j["verdict"], "holds");
  EXPECT_TRUE(j["measured"].is_string());
  // ||y - X theta0|| = sqrt(2) exactly; check 30 digits of the decimal string.
  const thmcheck::Mp100 measured(j["measured"].get<std::string>());
  EXPECT_LT(abs(measured - sqrt(thmcheck::Mp100(2))), thmcheck::Mp100("1e-30"));
}

TEST_F(CliTest, CheckProvesAShippedViolationAndVerifyAcceptsItsCertificate) {
  const std::string instance =
      std::string(THMCHECK_SOURCE_DIR) + "/reports/counterexamples/os19.thm4.3.rate-case12.json";
  const fs::path cert = dir_ / "cert.json";
  CliResult r = run("check os19.thm4.3.rate --instance " + instance + " --certificate " + cert.string());
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("proof      proved: margin in [-4.5859623830129"), std::string::npos) << r.out;
  ASSERT_TRUE(fs::exists(cert));
  CliResult v = run("verify " + cert.string());
  EXPECT_EQ(v.status, 0) << v.out << v.err;
  EXPECT_NE(v.out.find(": verified: os19.thm4.3.rate violated"), std::string::npos) << v.out;
  // A holding instance of the same claim is never proved: no certificate.
  const fs::path hold = dir_ / "hold.json";
  thmcheck::Json j = thmcheck::Json::parse(slurp(instance));
  j["eta_fraction"] = "0.01";
  std::ofstream(hold) << j.dump();
  CliResult h = run("check os19.thm4.3.rate --json --instance " + hold.string() + " --certificate " +
                    (dir_ / "none.json").string());
  ASSERT_EQ(h.status, 0) << h.err;
  EXPECT_EQ(thmcheck::Json::parse(h.out)["verdict"], "holds");
  EXPECT_FALSE(fs::exists(dir_ / "none.json"));
  CliResult bad = run("verify " + write("bad.json", "{\"schema\": 1").string());
  EXPECT_EQ(bad.status, 2);
}

TEST_F(CliTest, ExpectationMismatchExitsOne) {
  fs::path ex = write("ex.json", R"({"schema": "thmcheck-expectations/1",
    "claims": {"os19.thm2.4.ex16": {"verdict": "violated"}}})");
  CliResult r = run("run os19.thm2.4.ex16 --cases 3 --out " + (dir_ / "o").string() + " --expectations " + ex.string());
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_NE(r.err.find("differs"), std::string::npos);
}

TEST_F(CliTest, BadExpectationsLeaveNoPartialResults) {
  fs::path ex = write("ex.json", "{\"schema\": \"nope\"}");
  CliResult r = run("run os19.thm2.4 --cases 2 --out " + (dir_ / "o").string() + " --expectations " + ex.string());
  expect_one_line_error(r, "expectations");
  EXPECT_FALSE(fs::exists(dir_ / "o" / "results.json"));
  CliResult rep = run("report --in " + (dir_ / "nothing").string() + " --out " + (dir_ / "rep").string());
  expect_one_line_error(rep, "cannot read");
  EXPECT_FALSE(fs::exists(dir_ / "rep"));
}

TEST_F(CliTest, ReportIsByteIdenticalAndShardsMergeToTheSameReport) {
  const std::string d = dir_.string();
  ASSERT_EQ(run("run 'os19.thm2.4*' --cases 12 --seed 3 --out " + d + "/a").status, 0);
  ASSERT_EQ(run("report --in " + d + "/a --out " + d + "/ra").status, 0);
  ASSERT_EQ(run("run 'os19.thm2.4*' --cases 12 --seed 3 --out " + d + "/b").status, 0);
  ASSERT_EQ(run("report --in " + d + "/b --out " + d + "/rb").status, 0);
  EXPECT_EQ(slurp(dir_ / "a/results.json"), slurp(dir_ / "b/results.json"));
  const std::string report_a = slurp(dir_ / "ra/thmcheck-report.md");
  EXPECT_FALSE(report_a.empty());
  EXPECT_EQ(report_a, slurp(dir_ / "rb/thmcheck-report.md"));
  for (const auto& e : fs::directory_iterator(dir_ / "ra" / "plots")) {
    EXPECT_EQ(slurp(e.path()), slurp(dir_ / "rb" / "plots" / e.path().filename())) << e.path();
  }
  ASSERT_EQ(run("run 'os19.thm2.4*' --cases 12 --seed 3 --shard 0/2 --out " + d + "/s0").status, 0);
  ASSERT_EQ(run("run 'os19.thm2.4*' --cases 12 --seed 3 --shard 1/2 --out " + d + "/s1").status, 0);
  ASSERT_EQ(run("report --in " + d + "/s1 " + d + "/s0 --out " + d + "/rs").status, 0);
  EXPECT_EQ(report_a, slurp(dir_ / "rs/thmcheck-report.md"));
  // Mixing seeds is refused.
  ASSERT_EQ(run("run 'os19.thm2.4' --cases 12 --seed 4 --shard 1/2 --out " + d + "/t1").status, 0);
  expect_one_line_error(run("report --in " + d + "/s0 " + d + "/t1 --out " + d + "/rt"), "differ");
}

TEST_F(CliTest, ReproduceRerunsATokenAtEveryPrecision) {
  CliResult r = run("reproduce os19.thm2.4.ex16:1:3 --save " + (dir_ / "case.json").string());
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("at    100"), std::string::npos);
  ASSERT_TRUE(fs::exists(dir_ / "case.json"));
  CliResult c = run("check os19.thm2.4.ex16 --json --instance " + (dir_ / "case.json").string());
  EXPECT_EQ(c.status, 0) << c.err;
}

}  // namespace
