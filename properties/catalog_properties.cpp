// The catalog and the expectations file agree: every claim has an expected
// verdict with a note, and the file names no claim that does not exist.
#include <gtest/gtest.h>

#include "thmcheck/engine/registry.hpp"
#include "thmcheck/report/expectations.hpp"

namespace thmcheck {
namespace {

TEST(Catalog, EveryClaimHasAnExpectedVerdictAndEveryExpectationAClaim) {
  const Expectations ex = load_expectations(std::string(THMCHECK_SOURCE_DIR) + "/reports/expectations.json");
  for (const Claim& c : linked_registry().claims()) {
    auto it = ex.find(c.id);
    ASSERT_NE(it, ex.end()) << c.id << " has no expected verdict in reports/expectations.json";
    EXPECT_FALSE(it->second.note.empty()) << c.id << ": say why this verdict is expected";
  }
  for (const auto& [id, e] : ex) EXPECT_NE(linked_registry().find(id), nullptr) << id << " is not in the catalog";
}

TEST(Catalog, EveryClaimIsDescribed) {
  for (const Claim& c : linked_registry().claims()) {
    EXPECT_FALSE(c.source.empty()) << c.id;
    EXPECT_FALSE(c.statement.empty()) << c.id;
    EXPECT_FALSE(c.summary.empty()) << c.id;
    EXPECT_FALSE(c.generator_info.empty()) << c.id;
    EXPECT_FALSE(c.instance_schema.empty()) << c.id;
    EXPECT_TRUE(c.evaluate.at_double && c.evaluate.at_mp50 && c.evaluate.at_mp100) << c.id;
  }
}

}  // namespace
}  // namespace thmcheck
