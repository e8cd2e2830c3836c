// One RapidCheck property per mf22 claim (generated instances judged with the
// certification ladder) and the claim's verdict at default settings against
// reports/expectations.json. The mf22 building blocks have their own
// properties in mf22_properties.cpp.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "properties/claim_properties.hpp"

namespace thmcheck::properties {
namespace {

#define THMCHECK_CLAIM_PROPERTY(Name, id)                              \
  RC_GTEST_PROP(Mf22Claims, Name, ()) { check_generated_case(id); } \
  TEST(Mf22Verdicts, Name) { expect_default_verdict(id); }

THMCHECK_CLAIM_PROPERTY(Prop1Psi, "mf22.prop1.psi")
THMCHECK_CLAIM_PROPERTY(Prop1PsiAsProved, "mf22.prop1.psi.as-proved")
THMCHECK_CLAIM_PROPERTY(Prop1, "mf22.prop1")
THMCHECK_CLAIM_PROPERTY(Prop1AsProved, "mf22.prop1.as-proved")
THMCHECK_CLAIM_PROPERTY(Prop1Dense, "mf22.prop1.dense")
THMCHECK_CLAIM_PROPERTY(Prop1DenseAsProved, "mf22.prop1.dense.as-proved")
THMCHECK_CLAIM_PROPERTY(Prop1Dim, "mf22.prop1.dim")
THMCHECK_CLAIM_PROPERTY(Prop1DimAsProved, "mf22.prop1.dim.as-proved")
THMCHECK_CLAIM_PROPERTY(Thm4, "mf22.thm4")
THMCHECK_CLAIM_PROPERTY(Thm4AsProved, "mf22.thm4.as-proved")
THMCHECK_CLAIM_PROPERTY(Thm4GammaN1, "mf22.thm4.gamma.N1")
THMCHECK_CLAIM_PROPERTY(Thm4GammaN2, "mf22.thm4.gamma.N2")
THMCHECK_CLAIM_PROPERTY(Thm4GammaN3, "mf22.thm4.gamma.N3")
THMCHECK_CLAIM_PROPERTY(Thm4GammaN4, "mf22.thm4.gamma.N4")
THMCHECK_CLAIM_PROPERTY(Thm4GammaN5, "mf22.thm4.gamma.N5")
THMCHECK_CLAIM_PROPERTY(Thm4Constant, "mf22.thm4.constant")
THMCHECK_CLAIM_PROPERTY(Thm4ConstantMSlow, "mf22.thm4.constant.m")
THMCHECK_CLAIM_PROPERTY(Thm1Over, "mf22.thm1.over")
THMCHECK_CLAIM_PROPERTY(Thm1OverGamma, "mf22.thm1.over.gamma")
THMCHECK_CLAIM_PROPERTY(Thm1Under, "mf22.thm1.under")
THMCHECK_CLAIM_PROPERTY(Thm2, "mf22.thm2")
THMCHECK_CLAIM_PROPERTY(Thm3, "mf22.thm3")
THMCHECK_CLAIM_PROPERTY(Thm2Balanced, "mf22.thm2.balanced")
THMCHECK_CLAIM_PROPERTY(Thm3Balanced, "mf22.thm3.balanced")
THMCHECK_CLAIM_PROPERTY(Thm2Error, "mf22.thm2.error")
THMCHECK_CLAIM_PROPERTY(Thm2ErrorAsProved, "mf22.thm2.error.as-proved")
THMCHECK_CLAIM_PROPERTY(Thm3ErrorSlow, "mf22.thm3.error")  // ~10 s per case

#undef THMCHECK_CLAIM_PROPERTY

}  // namespace
}  // namespace thmcheck::properties
