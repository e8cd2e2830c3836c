#include "thmcheck/engine/registry.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace thmcheck {
namespace {

Claim named(const std::string& id) {
  Claim c;
  c.id = id;
  return c;
}

Experiment experiment(const std::string& id, bool slow) {
  Experiment e;
  e.id = id;
  e.slow = slow;
  return e;
}

TEST(RegistryTest, NaturalOrderComparesNumbersByValue) {
  EXPECT_TRUE(natural_less("os19.thm2.4", "os19.thm10.1"));
  EXPECT_FALSE(natural_less("os19.thm10.1", "os19.thm2.4"));
  EXPECT_TRUE(natural_less("os19.thm2.4", "os19.thm2.4.ex16"));
  EXPECT_TRUE(natural_less("os19.thm2.4.ex16", "os19.thm2.4.ex17"));
  EXPECT_FALSE(natural_less("a.b1", "a.b1"));
  EXPECT_TRUE(natural_less("a.b01x", "a.b2"));
}

TEST(RegistryTest, RejectsDuplicateAndMalformedIdsAndSortsNaturally) {
  Registry r;
  r.add(named("p.thm10.1"));
  r.add(named("p.thm2.4"));
  EXPECT_THROW(r.add(named("p.thm2.4")), std::logic_error);
  EXPECT_THROW(r.add(named("no-dot")), std::logic_error);
  r.sort();
  ASSERT_EQ(r.claims().size(), 2u);
  EXPECT_EQ(r.claims()[0].id, "p.thm2.4");
  EXPECT_NE(r.find("p.thm10.1"), nullptr);
  EXPECT_EQ(r.find("p.thm3"), nullptr);
}

TEST(RegistryTest, SelectMatchesGlobsInRegistryOrderAndNamesAPatternThatMatchesNothing) {
  Registry r;
  for (const char* id : {"p.a.1", "p.a.2", "q.b"}) r.add(named(id));
  const auto chosen = r.select({"q.*", "p.a.*", "p.a.1"});
  ASSERT_EQ(chosen.size(), 3u);
  EXPECT_EQ(chosen[0]->id, "p.a.1");
  EXPECT_EQ(chosen[2]->id, "q.b");
  try {
    r.select({"p.*", "zz.*"});
    FAIL() << "an unmatched pattern was accepted";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("zz.*"), std::string::npos);
  }
}

TEST(RegistryTest, SlowExperimentsRunOnlyWhenAskedOrNamed) {
  Registry r;
  r.add(experiment("p.fig1", false));
  r.add(experiment("p.fig2", true));
  EXPECT_THROW(r.add(experiment("p.fig1", false)), std::logic_error);
  EXPECT_THROW(r.select_experiments({"no-such-experiment.*"}, true), InputError);
  auto fast = r.select_experiments({"*"}, false);
  ASSERT_EQ(fast.size(), 1u);
  EXPECT_EQ(fast[0]->id, "p.fig1");
  EXPECT_EQ(r.select_experiments({"*"}, true).size(), 2u);
  auto named_slow = r.select_experiments({"p.fig2"}, false);
  ASSERT_EQ(named_slow.size(), 1u);
  EXPECT_EQ(named_slow[0]->id, "p.fig2");
}

// The linked registry holds what THMCHECK_REGISTER bodies added, sorted.
THMCHECK_REGISTER(registry_test_claims) { registry.add(named("zzregistrytest.b10")); registry.add(named("zzregistrytest.b9")); }

TEST(RegistryTest, RegisteredClaimsAreLinkedAndSorted) {
  const Registry& r = linked_registry();
  const Claim* b9 = r.find("zzregistrytest.b9");
  const Claim* b10 = r.find("zzregistrytest.b10");
  ASSERT_NE(b9, nullptr);
  ASSERT_NE(b10, nullptr);
  EXPECT_LT(b9, b10);  // same vector, natural order
}

}  // namespace
}  // namespace thmcheck
