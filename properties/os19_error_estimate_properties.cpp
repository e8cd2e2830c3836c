// Property of the harness on os19 claims, independent of whether the
// theorems hold: the rounding-error estimates the claims report at double
// precision cover the difference to the 50-digit evaluation. (Every claim's
// generated cases and verdict are tested in registered_claims_properties.cpp.)
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "properties/claim_properties.hpp"

namespace thmcheck::properties {
namespace {

/// One generated instance: validation accepts it, evaluation at double and at
/// 50 digits succeeds, and |margin_double - margin_50| <= error_double +
/// error_50 (the stated error of a margin bounds its distance to the exact
/// value; the 50-digit one is within its own, much smaller, error of it).
void check_error_estimate(const std::string& id) {
  const Claim& c = claim(id);
  const Json instance = *c.generator;
  c.validate(instance);
  const Outcome d = c.evaluate(instance, Precision::kDouble);
  const Outcome m = c.evaluate(instance, Precision::kMp50);
  RC_ASSERT(d.ok == m.ok);
  if (!d.ok) return;  // e.g. alpha = 0: reported as an error case, not measured
  // Margins are comparable only for the same iterate (the worst iterate may
  // differ when one is undecided at double and a clear pass at 50 digits).
  auto worst = [](const Outcome& o) {
    for (const auto& [k, v] : o.details) {
      if (k == "worst iteration") return v;
    }
    return std::string();
  };
  if (worst(d) != worst(m)) return;
  const Wide gap = abs(d.margin() - m.margin());
  RC_LOG() << "margin double " << to_decimal(d.margin(), 17) << " 50 " << to_decimal(m.margin(), 20)
           << " error double " << to_decimal(d.error, 3) << "\n";
  RC_ASSERT(gap <= d.error + m.error);
}

RC_GTEST_PROP(Os19ErrorEstimates, PotentialDoubleWithinStatedError, ()) {
  check_error_estimate("os19.thm2.1.potential");
}
RC_GTEST_PROP(Os19ErrorEstimates, PathDoubleWithinStatedError, ()) {
  check_error_estimate("os19.cor2.3.path");
}
RC_GTEST_PROP(Os19ErrorEstimates, RateDoubleWithinStatedError, ()) {
  check_error_estimate("os19.thm9.3.rate");
}
RC_GTEST_PROP(Os19ErrorEstimates, NetworkPotentialDoubleWithinStatedError, ()) {
  check_error_estimate("os19.thm4.3.potential");
}

}  // namespace
}  // namespace thmcheck::properties
