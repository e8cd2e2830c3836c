// The instance types of a registry, for the hardening tests: claims grouped
// by the schema of their instance files (one typed reader and validator per
// group), each with valid instances to start from: generated cases and the
// shipped counterexample files of its claims.
#pragma once

#include <string>
#include <vector>

#include "thmcheck/engine/registry.hpp"

namespace thmcheck::fuzz {

/// One instance type: the claims that read it, and valid instances of it.
struct InstanceType {
  std::string name;                    ///< its first claim's id, e.g. "cmr22.lem2.7"
  std::vector<const Claim*> claims;    ///< in registry order
  std::vector<Json> seeds;             ///< valid instances (parsed as a file is)
  std::vector<size_t> seed_claim;      ///< the index in `claims` of each seed's claim
};

/// The instance types of `registry`, in registry order of their first claim.
/// Seeds: `draws` generated cases of each claim (seed 1), then every file
/// reports/counterexamples/<claim id>-case*.json under `source_dir`.
std::vector<InstanceType> instance_types(const Registry& registry, const std::string& source_dir, int draws);

/// An id as a GoogleTest name: "os19.thm2.4" -> "os19_thm2_4".
std::string test_name(std::string id);

}  // namespace thmcheck::fuzz
