// One RapidCheck property per os19 claim of issue 5 (generated instances
// judged with the certification ladder) and each claim's verdict at default
// settings against reports/expectations.json. Theorem 2.4 is in
// os19_properties.cpp; model-level properties in os19_claims_properties.cpp.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "properties/claim_properties.hpp"

namespace thmcheck::properties {
namespace {

#define THMCHECK_CLAIM_PROPERTY(Name, id)                              \
  RC_GTEST_PROP(Os19Claims, Name, ()) { check_generated_case(id); } \
  TEST(Os19Verdicts, Name) { expect_default_verdict(id); }

THMCHECK_CLAIM_PROPERTY(Thm21Rate, "os19.thm2.1.rate")
THMCHECK_CLAIM_PROPERTY(Thm21Potential, "os19.thm2.1.potential")
THMCHECK_CLAIM_PROPERTY(Thm21Path, "os19.thm2.1.path")
THMCHECK_CLAIM_PROPERTY(Cor23Distance, "os19.cor2.3.distance")
THMCHECK_CLAIM_PROPERTY(Cor23Path, "os19.cor2.3.path")
THMCHECK_CLAIM_PROPERTY(Thm93Rate, "os19.thm9.3.rate")
THMCHECK_CLAIM_PROPERTY(Thm93Potential, "os19.thm9.3.potential")
THMCHECK_CLAIM_PROPERTY(Thm93PotentialAsProved, "os19.thm9.3.potential.as-proved")
THMCHECK_CLAIM_PROPERTY(Thm93Distance, "os19.thm9.3.distance")
THMCHECK_CLAIM_PROPERTY(Thm93DistanceAsProved, "os19.thm9.3.distance.as-proved")
THMCHECK_CLAIM_PROPERTY(Thm93Path, "os19.thm9.3.path")
THMCHECK_CLAIM_PROPERTY(Thm93PathAsProved, "os19.thm9.3.path.as-proved")
THMCHECK_CLAIM_PROPERTY(Thm93PathResidual, "os19.thm9.3.path.residual")
THMCHECK_CLAIM_PROPERTY(Thm22, "os19.thm2.2")
THMCHECK_CLAIM_PROPERTY(Thm41Rate, "os19.thm4.1.rate")
THMCHECK_CLAIM_PROPERTY(Thm41Path, "os19.thm4.1.path")
THMCHECK_CLAIM_PROPERTY(Thm52Rate, "os19.thm5.2.rate")
THMCHECK_CLAIM_PROPERTY(Thm52Potential, "os19.thm5.2.potential")
THMCHECK_CLAIM_PROPERTY(Thm52Path, "os19.thm5.2.path")
THMCHECK_CLAIM_PROPERTY(Cor53Distance, "os19.cor5.3.distance")
THMCHECK_CLAIM_PROPERTY(Cor53Path, "os19.cor5.3.path")
THMCHECK_CLAIM_PROPERTY(Thm43Rate, "os19.thm4.3.rate")
THMCHECK_CLAIM_PROPERTY(Thm43Potential, "os19.thm4.3.potential")
THMCHECK_CLAIM_PROPERTY(Thm43RateAsProved, "os19.thm4.3.rate.as-proved")
THMCHECK_CLAIM_PROPERTY(Thm43PotentialAsProved, "os19.thm4.3.potential.as-proved")
THMCHECK_CLAIM_PROPERTY(Thm43RateProvedStep, "os19.thm4.3.rate.proved-step")
THMCHECK_CLAIM_PROPERTY(Thm31Stay, "os19.thm3.1.stay")
THMCHECK_CLAIM_PROPERTY(Thm31Expectation, "os19.thm3.1.expectation")
THMCHECK_CLAIM_PROPERTY(Thm42, "os19.thm4.2")

#undef THMCHECK_CLAIM_PROPERTY

}  // namespace
}  // namespace thmcheck::properties
