#include "thmcheck/mf22/regression_instance.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <utility>

#include "thmcheck/generators/random_data.hpp"

namespace thmcheck::mf22 {

void RegressionData::check_data() const {
  check_range("dimension", dimension, 1, 5000);
  check_range("samples", samples, 1, 100000);
  check_range("sparsity", sparsity, 0, dimension);
  check_range("corrupted", corrupted, 0, samples);
  if (!(theta_min.as<double>() >= 0 && theta_max.as<double>() >= theta_min.as<double>())) {
    throw InputError("fields 'theta_min', 'theta_max': need 0 <= theta_min <= theta_max");
  }
  check_law();
  check_range("layers", layers, 1, 10);
}

RobustRegressionSpec RegressionData::spec() const {
  RobustRegressionSpec s;
  s.dimension = dimension;
  s.samples = samples;
  s.sparsity = sparsity;
  s.corrupted = corrupted;
  s.theta_min = theta_min.as<double>();
  s.theta_max = theta_max.as<double>();
  s.outliers = outlier_law<double>();
  s.seed = seed;
  return s;
}

void OverInstance::check() const {
  check_data();
  if (!(gamma.as<double>() > 0)) throw InputError("field 'gamma': must be positive");
}

namespace {

struct Theorem1Params {
  int dimension;
  int ratio;  // over: m = d ratio/100 (ratio in [3, 10]); under: m = ceil(2 pi d 2^(ratio/2) / (1-2p)^2)
  int sparsity;
  int corruption_percent;
  int law;
  int layers;
  int gamma_exp;  // over: gamma = t0 10^(gamma_exp/2), gamma_exp in [-6, -2]
  std::uint64_t seed;
};

// Both regimes draw every field (the under regime ignores gamma_exp).
rc::Gen<Theorem1Params> theorem1_params(bool over) {
  return rc::gen::build<Theorem1Params>(
      rc::gen::set(&Theorem1Params::dimension, over ? rc::gen::inRange(kOverDimensionMin, kOverDimensionMax + 1)
                                                    : rc::gen::inRange(kUnderDimensionMin, kUnderDimensionMax + 1)),
      rc::gen::set(&Theorem1Params::ratio, over ? rc::gen::inRange(kOverRatioMin, kOverRatioMax + 1)
                                                : rc::gen::inRange(kUnderRatioMin, kUnderRatioMax + 1)),
      rc::gen::set(&Theorem1Params::sparsity, rc::gen::inRange(1, kTheorem1SparsityMax + 1)),
      rc::gen::set(&Theorem1Params::corruption_percent,
                   over ? rc::gen::inRange(kOverPercentMin, kOverPercentMax + 1)
                        : rc::gen::oneOf(rc::gen::inRange(0, kUnderPercentMax + 1),
                                         rc::gen::inRange(kUnderCornerPercentMin, kUnderPercentMax + 1))),
      rc::gen::set(&Theorem1Params::law, rc::gen::inRange(0, static_cast<int>(generated_laws().size()))),
      rc::gen::set(&Theorem1Params::layers, rc::gen::inRange(1, kTheorem1LayersMax + 1)),
      rc::gen::set(&Theorem1Params::gamma_exp, rc::gen::inRange(kOverGammaHalfExpMin, kOverGammaHalfExpMax + 1)),
      rc::gen::set(&Theorem1Params::seed, rc::gen::arbitrary<std::uint64_t>()));
}

/// The under regime's (d, m): m = ceil(2 pi d f / (1-2p)^2), f = 2^(ratio/2),
/// with d (then f, down to 1) lowered so that m <= kUnderSamplesMax and the
/// LP's size d m <= kUnderSizeMax.
std::pair<int, int> under_size(int dimension, int ratio, double p) {
  const double unit = 2 * M_PI / ((1 - 2 * p) * (1 - 2 * p));  // m per unit of d f
  double f = std::pow(2.0, ratio / 2.0);
  // d f unit <= samples cap and d^2 f unit <= size cap.
  const double d_cap = std::min(kUnderSamplesMax / (unit * f), std::sqrt(kUnderSizeMax / (unit * f)));
  const int d = std::max(1, std::min(dimension, static_cast<int>(std::floor(d_cap))));
  if (d == 1) f = std::max(1.0, std::min(f, std::min(kUnderSamplesMax, kUnderSizeMax) / unit));
  int m = static_cast<int>(std::ceil(unit * d * f));
  // unit (cap / unit) may round up past the cap; the cap still meets m >= unit d then.
  const int m_cap = std::min(kUnderSamplesMax, kUnderSizeMax / d);
  if (m > m_cap && unit * d <= m_cap) m = m_cap;
  return {d, m};
}

// The data set of one draw in either regime.
RegressionData theorem1_data(const Theorem1Params& q, bool over) {
  RegressionData in;
  const double p = q.corruption_percent / 100.0;
  const auto [d, m] = over ? std::pair<int, int>{q.dimension, std::max(2, q.dimension * q.ratio / 100)}
                           : under_size(q.dimension, q.ratio, p);
  in.dimension = d;
  in.samples = m;
  in.sparsity = std::min(q.sparsity, d);
  // Theorem 1 assumes 0 < p: at least one corrupted sample in the over regime.
  // Under: |S| = floor(m p), so |S|/m <= p and m (1-2|S|/m)^2 >= 2 pi d holds as drawn.
  in.corrupted = over ? std::max(1, static_cast<int>(std::lround(m * p))) : static_cast<int>(std::floor(m * p));
  in.theta_min = Real::parse("1");
  in.theta_max = Real::parse("2");
  static_cast<OutlierLawFields&>(in) = generated_law(q.law, fmt::format("{:g}", kTheorem1OutlierScale));
  in.layers = q.layers;
  in.seed = q.seed;
  return in;
}

}  // namespace

rc::Gen<OverInstance> overparameterized_instances() {
  return rc::gen::map(theorem1_params(true), [](const Theorem1Params& q) {
    OverInstance in;
    static_cast<RegressionData&>(in) = theorem1_data(q, true);
    in.gamma = Real::parse(short_decimal(kTheorem1OutlierScale / 2 * std::pow(10.0, q.gamma_exp / 2.0), 6));
    return in;
  });
}

rc::Gen<UnderInstance> underparameterized_instances() {
  return rc::gen::map(theorem1_params(false), [](const Theorem1Params& q) {
    UnderInstance in;
    static_cast<RegressionData&>(in) = theorem1_data(q, false);
    return in;
  });
}

std::string overparameterized_generator_info() {
  return fmt::format(
      "d in [{}, {}], m = d [{}, {}]/100 (at least 2), k in [1, {}], p in [{:g}, {:g}] (|S| >= 1), five "
      "outlier laws of scale {:g} (t0 = {:g}), N in [1, {}], gamma = {:g} 10^{{[{:g}, {:g}]}}.",
      kOverDimensionMin, kOverDimensionMax, kOverRatioMin, kOverRatioMax, kTheorem1SparsityMax,
      kOverPercentMin / 100.0, kOverPercentMax / 100.0, kTheorem1OutlierScale, kTheorem1OutlierScale / 2,
      kTheorem1LayersMax, kTheorem1OutlierScale / 2, kOverGammaHalfExpMin / 2.0, kOverGammaHalfExpMax / 2.0);
}

std::string underparameterized_generator_info() {
  return fmt::format(
      "p in [0, {:g}] (half the draws) or [{:g}, {:g}] (the other half), m = ceil(2 pi d f / (1-2p)^2) with f = "
      "2^{{[{}, {}]/2}}, d in [{}, {}] lowered (at d = 1, f lowered to >= 1) so that m <= {} and d m <= {}, five "
      "outlier laws of scale {:g}, k in [1, {}] (at most d).",
      kUnderPercentMax / 100.0, kUnderCornerPercentMin / 100.0, kUnderPercentMax / 100.0, kUnderRatioMin,
      kUnderRatioMax, kUnderDimensionMin, kUnderDimensionMax, kUnderSamplesMax, kUnderSizeMax,
      kTheorem1OutlierScale, kTheorem1SparsityMax);
}

}  // namespace thmcheck::mf22
