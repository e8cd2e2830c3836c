// The claim catalog.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "lib/engine/claim.hpp"

namespace thmcheck {

/// All known claims, in registration order; ids are unique.
class Registry {
 public:
  /// Adds a claim; throws std::logic_error on a duplicate or malformed id.
  void add(Claim claim);
  const std::vector<Claim>& claims() const { return claims_; }
  /// The claim with this id, or nullptr.
  const Claim* find(std::string_view id) const;
  /// Claims whose id matches any of the patterns (shell globs: * ? [..]),
  /// in catalog order, without duplicates. Throws InputError naming a pattern
  /// that matches nothing.
  std::vector<const Claim*> select(const std::vector<std::string>& patterns) const;

 private:
  std::vector<Claim> claims_;
};

/// The registry with every claim of checks/ (built once).
const Registry& catalog();

}  // namespace thmcheck
