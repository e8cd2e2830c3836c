// Extreme but valid instances, one test per claim (issue "Hardening"): the
// claim's first generated case moved to the edges of its domain
// (extreme_instances.hpp) and, when its validator accepts it, judged on the
// full precision ladder in a worker under a time limit, as `thmcheck check`
// judges it. Each must end in a verdict whose measured value, bound and
// margin are finite, or in `error` with a reason (a solver failure, a NaN or
// an overflow seen by FloatingPointWatch, the time limit); never a crash of
// the worker. A rejection is one InputError line.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <iostream>
#include <map>

#include "properties/fuzz/extreme_instances.hpp"
#include "properties/fuzz/instance_types.hpp"
#include "thmcheck/engine/registry.hpp"
#include "thmcheck/engine/results.hpp"
#include "thmcheck/engine/runner.hpp"
#include "thmcheck/engine/worker_pool.hpp"

namespace thmcheck::fuzz {
namespace {

// Seconds per extreme instance; one past it is an `error` ("time limit").
constexpr double kExtremeTimeLimit = 3;
// How many fields are scaled one at a time.
constexpr int kScaledFields = 3;

class ExtremeInstances : public ::testing::TestWithParam<const Claim*> {};

TEST_P(ExtremeInstances, GiveAVerdictOrAnErrorWithAReason) {
  const Claim& claim = *GetParam();
  const Json instance = parse_json_exact(generate_case(claim, 1, 0).value().dump());
  std::map<std::string, int> tally;
  WorkerPool pool(1);
  for (const ExtremeInstance& v : extreme_variants(instance, kScaledFields)) {
    const std::string what = fmt::format("{} with {}", claim.id, v.name);
    try {
      if (claim.validate) claim.validate(v.instance);
    } catch (const InputError& e) {
      EXPECT_TRUE(std::string(e.what()).find('\n') == std::string::npos && *e.what()) << what;
      ++tally["rejected"];
      continue;
    } catch (const std::exception& e) {
      ADD_FAILURE() << what << ": the validator threw " << e.what();
      continue;
    }
    WorkerTask task;
    task.name = what;
    task.time_limit = kExtremeTimeLimit;
    task.work = [&claim, j = v.instance] {
      return record_to_json(judge_instance(claim, j, Precision::kDouble, Ladder::kFull), RecordDigits::kExact).dump();
    };
    pool.add(std::move(task), [&, what](const WorkerResult& r) {
      if (r.status == WorkerResult::Status::kTimeLimit) {
        ++tally["error (time limit)"];
        EXPECT_LT(r.seconds, kExtremeTimeLimit + 5) << what << ": stopped late";
        return;
      }
      if (r.status != WorkerResult::Status::kDone) {
        ADD_FAILURE() << what << ": the worker failed: " << r.reason;
        return;
      }
      const CaseRecord rec = record_from_json(Json::parse(r.payload));
      ++tally[to_string(rec.status)];
      if (rec.status == CaseStatus::kError) {
        EXPECT_FALSE(rec.message.empty()) << what << ": an error without a reason";
      } else if (claim.kind != ClaimKind::kScaling) {
        EXPECT_TRUE(is_finite(rec.measured) && is_finite(rec.bound) && is_finite(rec.margin))
            << what << ": " << to_string(rec.status) << " from a non-finite value";
      }
    });
  }
  pool.run();
  std::cout << "[extreme] " << claim.id << ":";
  for (const auto& [outcome, n] : tally) std::cout << fmt::format(" {} {};", outcome, n);
  std::cout << "\n";
}

std::vector<const Claim*> claims() {
  std::vector<const Claim*> out;
  for (const Claim& c : linked_registry().claims()) out.push_back(&c);
  return out;
}

std::string claim_name(const ::testing::TestParamInfo<const Claim*>& info) { return test_name(info.param->id); }

INSTANTIATE_TEST_SUITE_P(Claims, ExtremeInstances, ::testing::ValuesIn(claims()), claim_name);

}  // namespace
}  // namespace thmcheck::fuzz

namespace thmcheck {
void PrintTo(const Claim* c, std::ostream* os) { *os << c->id; }
}  // namespace thmcheck
