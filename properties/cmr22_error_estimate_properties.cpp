// Property of the harness on the closed-form cmr22 claims (Lemmas 2.4, 2.5, 2.7,
// A.1), independent of whether the statements hold: the rounding-error
// estimate a claim reports at double precision covers the difference of its
// margin to the 50-digit one (the 50-digit margin is within its own, much
// smaller, error of the exact value).
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <string>

#include "properties/claim_properties.hpp"

namespace thmcheck::properties {
namespace {

/// One generated instance: when both precisions measure the same entry (the
/// detail `same` agrees) and the case is inside the hypotheses,
/// |margin_double - margin_50| <= error_double + error_50.
void check_closed_form_error(const std::string& id, const std::string& same = "") {
  const Claim& c = claim(id);
  const Json instance = *c.generator;
  c.validate(instance);
  const Outcome d = c.evaluate(instance, Precision::kDouble);
  const Outcome m = c.evaluate(instance, Precision::kMp50);
  RC_ASSERT(d.ok && m.ok);
  for (const auto& h : m.hypotheses) {
    if (!h.holds) return;
  }
  for (const auto& h : d.hypotheses) {
    if (!h.holds) return;
  }
  auto detail = [&same](const Outcome& o) {
    for (const auto& [k, v] : o.details) {
      if (k == same) return v;
    }
    return std::string();
  };
  if (detail(d) != detail(m)) return;
  const Wide gap = abs(d.margin() - m.margin());
  RC_LOG() << "margin double " << to_decimal(d.margin(), 17) << " 50 " << to_decimal(m.margin(), 20) << " error double "
           << to_decimal(d.error, 3) << "\n";
  RC_ASSERT(gap <= d.error + m.error);
}

RC_GTEST_PROP(Cmr22ErrorEstimates, Lemma27DoubleWithinStatedError, ()) { check_closed_form_error("cmr22.lem2.7"); }
RC_GTEST_PROP(Cmr22ErrorEstimates, Lemma27Eq42DoubleWithinStatedError, ()) {
  check_closed_form_error("cmr22.lem2.7.eq42");
}
RC_GTEST_PROP(Cmr22ErrorEstimates, LemmaA1DoubleWithinStatedError, ()) {
  check_closed_form_error("cmr22.lemA.1", "worst entry (k, n)");
}
RC_GTEST_PROP(Cmr22ErrorEstimates, Lemma24DoubleWithinStatedError, ()) {
  check_closed_form_error("cmr22.lem2.4", "point");
}
RC_GTEST_PROP(Cmr22ErrorEstimates, Lemma25FormulaDoubleWithinStatedError, ()) {
  check_closed_form_error("cmr22.lem2.5.formula");
}
RC_GTEST_PROP(Cmr22ErrorEstimates, Lemma24ConvexDoubleWithinStatedError, ()) {
  check_closed_form_error("cmr22.lem2.4.convex");
}

}  // namespace
}  // namespace thmcheck::properties
