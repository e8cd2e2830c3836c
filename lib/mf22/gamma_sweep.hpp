// The points of a gamma-grid sweep of the landscape (mf22 Theorems 1 and 4):
// each claim chooses x and y from the bracket at each gamma; this collects
// the points, the series text of the report and the per-case slope.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "thmcheck/engine/claim.hpp"
#include "thmcheck/mf22/loss_change_bracket.hpp"

namespace thmcheck::mf22 {

/// Accumulates the points (x, y) of one instance's gamma grid.
template <class S>
class GammaSweep {
 public:
  /// Adds the point (x, y) measured at grid index g (radius `gamma`) from the
  /// bracket n. Returns false, and marks outcome() as failed, when y is not
  /// above n.rounding (the point would not be certified).
  bool add(std::size_t g, double gamma, const LossChangeBracket<S>& n, const S& x, const S& y);
  /// The points so far (and, after a failed add, ok = false and the message).
  const Outcome& outcome() const { return outcome_; }
  /// min over the points of the support directional derivative (<= 0).
  double worst_support() const { return worst_support_; }
  /// The outcome with its details: the series, N = `layers`, and the least-
  /// squares slope of log y against log gamma over this case's points.
  Outcome finish(int layers) const;

 private:
  Outcome outcome_;
  std::string series_;
  std::vector<std::pair<double, double>> local_;  // (log gamma, log y)
  double worst_support_ = 0;
};

extern template class GammaSweep<double>;
extern template class GammaSweep<Mp50>;
extern template class GammaSweep<Mp100>;

}  // namespace thmcheck::mf22
