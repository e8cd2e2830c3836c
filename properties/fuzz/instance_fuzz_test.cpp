// Fuzzing the instance readers and validators, one test per instance type
// (issue "Hardening"). Mutations of valid instances (instance_mutations.hpp)
// are given
//   1. to the reader and validator, in process, as a RapidCheck property
//      (RC_PARAMS sets the count; ctest gives 300 per type, seed 1): each
//      either reads and validates, or throws InputError with one non-empty
//      line; any other exception would end `thmcheck check` uncaught;
//   2. to `thmcheck check ID --instance FILE` itself (cli_main, in process):
//      a few rejected and a few accepted files per type, each ending in exit
//      2 with one line on stderr and no output file, or exit 0 with a
//      verdict, within its time limit, leaving no partial file.
// Crashes and sanitizer reports end the test program (the sanitizer build
// halts on the first report).
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <gtest/gtest.h>
#include <unistd.h>
#include <rapidcheck.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "properties/fuzz/instance_mutations.hpp"
#include "properties/fuzz/instance_types.hpp"
#include "thmcheck/cli/cli.hpp"
#include "thmcheck/generators/random_data.hpp"

namespace thmcheck::fuzz {
namespace {

const std::vector<InstanceType>& types() {
  static const std::vector<InstanceType> t = instance_types(linked_registry(), THMCHECK_SOURCE_DIR, 2);
  return t;
}

std::vector<size_t> type_indices() {
  std::vector<size_t> out(types().size());
  for (size_t i = 0; i < out.size(); ++i) out[i] = i;
  return out;
}

bool one_line(const std::string& s) { return !s.empty() && s.find('\n') == std::string::npos; }

// What reading and validating a file's text gives: "" (accepted), the
// InputError's message, or throws anything else.
enum class Read { kAccepted, kMalformed, kRejected };
Read read_and_validate(const Claim& claim, const std::string& text, std::string& error) {
  Json j;
  try {
    j = parse_json_exact(text, "instance");
  } catch (const InputError& e) {
    error = e.what();
    return Read::kMalformed;
  }
  try {
    if (claim.validate) claim.validate(j);
  } catch (const InputError& e) {
    error = e.what();
    return Read::kRejected;
  }
  return Read::kAccepted;
}

// `thmcheck check` on one file in a fresh directory, stdout and stderr captured.
struct CheckRun {
  int status = -1;
  std::string out, err;
  std::vector<std::string> files;  ///< left in the directory afterwards, besides the input
  double seconds = 0;
};
constexpr double kCheckTimeLimit = 2;
CheckRun run_check(const Claim& claim, const std::string& text, const std::filesystem::path& dir) {
  namespace fs = std::filesystem;
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path input = dir / "instance.json";
  std::ofstream(input, std::ios::binary) << text;
  const std::string certificate = (dir / "certificate.json").string();
  std::vector<std::string> args = {"thmcheck", "check", claim.id, "--instance", input.string(),
                                   "--time-limit", fmt::format("{}", kCheckTimeLimit), "--certificate", certificate};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  std::ostringstream out, err;
  std::streambuf* old_out = std::cout.rdbuf(out.rdbuf());
  std::streambuf* old_err = std::cerr.rdbuf(err.rdbuf());
  const auto t0 = std::chrono::steady_clock::now();
  CheckRun r;
  try {
    r.status = cli_main(static_cast<int>(argv.size()), argv.data(), linked_registry());
  } catch (...) {
    std::cout.rdbuf(old_out);
    std::cerr.rdbuf(old_err);
    throw;
  }
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::cout.rdbuf(old_out);
  std::cerr.rdbuf(old_err);
  r.out = out.str();
  r.err = err.str();
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path() != input) r.files.push_back(e.path().filename().string());
  }
  return r;
}

class InstanceFuzz : public ::testing::TestWithParam<size_t> {};

TEST_P(InstanceFuzz, ReaderAndValidatorAcceptOrRejectWithOneLine) {
  const InstanceType& t = types()[GetParam()];
  ASSERT_FALSE(t.seeds.empty());
  std::map<std::string, std::map<Read, long>> tally;  // kind -> outcome -> count
  const bool ok = rc::check(t.name + " reader", [&] {
    const auto claim_index = *rc::gen::inRange<size_t>(0, t.claims.size());
    const MutatedInstance m = *gen_mutated(t.seeds);
    RC_TAG(m.kind);
    std::string error;
    Read r = Read::kAccepted;
    try {
      r = read_and_validate(*t.claims[claim_index], m.text, error);
    } catch (const std::exception& e) {
      RC_FAIL(fmt::format("{} of {}: not an InputError: {}", m.kind, t.claims[claim_index]->id, e.what()));
    }
    if (r != Read::kAccepted) RC_ASSERT(one_line(error));
    ++tally[m.kind][r];
  });
  EXPECT_TRUE(ok);
  long total = 0, malformed = 0, rejected = 0;
  for (const auto& [kind, by] : tally) {
    for (const auto& [r, n] : by) {
      total += n;
      malformed += r == Read::kMalformed ? n : 0;
      rejected += r == Read::kRejected ? n : 0;
    }
  }
  std::cout << fmt::format("[fuzz] {} ({} claims, {} seeds): {} inputs: {} malformed JSON, {} rejected, {} accepted\n",
                           t.name, t.claims.size(), t.seeds.size(), total, malformed, rejected,
                           total - malformed - rejected);
}

TEST_P(InstanceFuzz, CheckExitsTwoWithOneLineOrGivesAVerdict) {
  const InstanceType& t = types()[GetParam()];
  const auto dir = std::filesystem::temp_directory_path() /
                   fmt::format("thmcheck-fuzz-{}-{}", ::getpid(), GetParam());
  RandomSource rng(1000 + GetParam());
  constexpr int kEach = 3;  // rejected and accepted files per type
  int rejected = 0, accepted = 0;
  std::map<std::string, int> verdicts;
  for (int attempt = 0; attempt < 300 && (rejected < kEach || accepted < kEach); ++attempt) {
    const size_t s = static_cast<size_t>(rng.integer(0, static_cast<std::int64_t>(t.seeds.size()) - 1));
    const Claim& claim = *t.claims[t.seed_claim[s]];
    // Every fourth attempt an unmutated file (numbers or strings), so that
    // accepted files are reached even when most mutations are rejected.
    const MutatedInstance m = attempt % 4 == 3 ? MutatedInstance{"unchanged", instance_text(t.seeds[s], rng.bits())}
                                               : mutate(t.seeds[s], rng.bits());
    std::string error;
    const bool valid = read_and_validate(claim, m.text, error) == Read::kAccepted;
    if (valid ? accepted >= kEach : rejected >= kEach) continue;
    const CheckRun r = run_check(claim, m.text, dir);
    const std::string what = fmt::format("{} on a {} file: exit {}, stderr '{}', stdout '{}'", claim.id, m.kind,
                                         r.status, r.err, r.out.substr(0, 300));
    // The case limit, plus the time the parent takes around it (reading,
    // shrinking nothing, proving a violation): a hang would be far past it.
    EXPECT_LT(r.seconds, kCheckTimeLimit + 60) << what;
    if (!valid) {
      ++rejected;
      EXPECT_EQ(r.status, 2) << what;
      EXPECT_TRUE(r.err.size() > 11 && r.err.rfind("thmcheck: ", 0) == 0 && r.err.back() == '\n' &&
                  one_line(r.err.substr(0, r.err.size() - 1)))
          << what;
      EXPECT_EQ(r.out, "") << what;
      EXPECT_TRUE(r.files.empty()) << what << ": left " << fmt::format("{}", fmt::join(r.files, ", "));
    } else {
      ++accepted;
      EXPECT_EQ(r.status, 0) << what;
      const auto at = r.out.find("verdict    ");
      EXPECT_NE(at, std::string::npos) << what;
      if (at != std::string::npos) ++verdicts[r.out.substr(at + 11, r.out.find(' ', at + 11) - at - 11)];
      for (const std::string& f : r.files) EXPECT_EQ(f, "certificate.json") << what;
    }
  }
  std::filesystem::remove_all(dir);
  std::cout << fmt::format("[fuzz] {} check: {} rejected (exit 2), {} accepted (exit 0):", t.name, rejected, accepted);
  for (const auto& [v, n] : verdicts) std::cout << fmt::format(" {} {}", v, n);
  std::cout << "\n";
}

std::string type_name(const ::testing::TestParamInfo<size_t>& info) { return test_name(types()[info.param].name); }

INSTANTIATE_TEST_SUITE_P(Types, InstanceFuzz, ::testing::ValuesIn(type_indices()), type_name);

}  // namespace
}  // namespace thmcheck::fuzz
