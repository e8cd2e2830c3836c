#include "thmcheck/mf22/gamma_sweep.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace thmcheck::mf22 {

template <class S>
bool GammaSweep<S>::add(std::size_t g, double gamma, const LossChangeBracket<S>& n, const S& x, const S& y) {
  if (!(y > n.rounding)) {
    outcome_.ok = false;
    outcome_.message = fmt::format("measured value {} not above its rounding error {} at gamma = {}",
                                   to_decimal(y, 3), to_decimal(n.rounding, 3), gamma);
    return false;
  }
  worst_support_ = std::min(worst_support_, n.support_derivative);
  outcome_.points.emplace_back(widen(x), widen(y));
  local_.emplace_back(std::log(gamma), std::log(scalar_cast<double>(y)));
  series_ += fmt::format("{}gamma={}: decrease in [{}, {}] (family {}), increase >= {}{}", g ? "; " : "",
                         gamma, to_decimal(n.decrease_lower, 4), to_decimal(n.decrease_upper, 4),
                         to_decimal(n.family_decrease_lower, 4), to_decimal(n.increase_lower, 4),
                         n.increase_exact ? " (exact)" : "");
  return true;
}

template <class S>
Outcome GammaSweep<S>::finish(int layers) const {
  // Per-case slope in log gamma (least squares), for the report.
  double sx = 0, sy = 0, sxx = 0, sxy = 0;
  for (auto [a, b] : local_) sx += a, sy += b, sxx += a * a, sxy += a * b;
  const double k = static_cast<double>(local_.size());
  const double slope = (k * sxy - sx * sy) / (k * sxx - sx * sx);
  Outcome o = outcome_;
  o.details = {{"series", series_},
               {"N", std::to_string(layers)},
               {"local exponent in gamma", fmt::format("{:.4f}", slope)}};
  return o;
}

template class GammaSweep<double>;
template class GammaSweep<Mp50>;
template class GammaSweep<Mp100>;

}  // namespace thmcheck::mf22
