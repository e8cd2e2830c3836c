#include "thmcheck/engine/claim.hpp"

namespace thmcheck {

std::string to_string(ClaimKind k) {
  switch (k) {
    case ClaimKind::kExplicit: return "explicit";
    case ClaimKind::kFrequency: return "frequency";
    case ClaimKind::kScaling: return "scaling";
  }
  return "?";
}

std::string to_string(Evidence e) {
  switch (e) {
    case Evidence::kCertified: return "certified";
    case Evidence::kEstimated: return "estimated";
    case Evidence::kUnchecked: return "unchecked";
  }
  return "?";
}

std::string to_string(Relation r) {
  switch (r) {
    case Relation::kLessEqual: return "<=";
    case Relation::kEqual: return "==";
  }
  return "?";
}

Wide Outcome::margin() const {
  if (relation == Relation::kEqual) return -abs(bound - measured);
  return bound - measured;
}

Outcome Evaluator::operator()(const Json& instance, Precision p) const {
  switch (p) {
    case Precision::kDouble: return at_double(instance);
    case Precision::kMp50: return at_mp50(instance);
    case Precision::kMp100: return at_mp100(instance);
  }
  return at_mp100(instance);
}

}  // namespace thmcheck
