#include "thmcheck/mf22/landscape_instance.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace thmcheck::mf22 {
namespace {

struct LandscapeParams {
  int d_exp;       // d = 100 2^(d_exp/2)
  int m_tenths;    // m = d * m_tenths / 100 (<= 0.1 d)
  int sparsity;
  int corruption_percent;
  int law;
  int layers;
  std::uint64_t seed;
};

// Every family draws every field (the sweeps ignore d_exp and m_tenths).
rc::Gen<LandscapeParams> landscape_params() {
  return rc::gen::build<LandscapeParams>(
      rc::gen::set(&LandscapeParams::d_exp, rc::gen::inRange(0, kLandscapeDimensionHalfExpMax + 1)),
      rc::gen::set(&LandscapeParams::m_tenths, rc::gen::inRange(kLandscapeTenthsMin, kLandscapeTenthsMax + 1)),
      rc::gen::set(&LandscapeParams::sparsity, rc::gen::inRange(1, kLandscapeSparsityMax + 1)),
      rc::gen::set(&LandscapeParams::corruption_percent,
                   rc::gen::inRange(kLandscapePercentMin, kLandscapePercentMax + 1)),
      rc::gen::set(&LandscapeParams::law, rc::gen::inRange(0, static_cast<int>(generated_laws().size()))),
      rc::gen::set(&LandscapeParams::layers, rc::gen::inRange(kLandscapeLayersMin, kLandscapeLayersMax + 1)),
      rc::gen::set(&LandscapeParams::seed, rc::gen::arbitrary<std::uint64_t>()));
}

// The data set at dimension d and m samples; `layers` <= 0 takes N from the
// draw.
RegressionData landscape_data(const LandscapeParams& q, int d, int m, int layers) {
  RegressionData in;
  in.dimension = d;
  in.samples = m;
  in.sparsity = q.sparsity;
  in.corrupted = std::max(1, static_cast<int>(std::lround(m * q.corruption_percent / 100.0)));
  in.theta_min = Real::parse("1");
  in.theta_max = Real::parse("2");
  static_cast<OutlierLawFields&>(in) = generated_law(q.law, fmt::format("{:g}", kLandscapeOutlierScale));
  in.layers = layers > 0 ? layers : q.layers;
  in.seed = q.seed;
  return in;
}

void check_gamma(const Real& gamma) {
  if (!(gamma.as<double>() > 0)) throw InputError("field 'gamma': must be positive");
}

void check_sizes(const char* name, const std::vector<int>& grid, int at_least) {
  for (int v : grid) {
    if (v < std::max(2, at_least) || v > 100000) {
      throw InputError(fmt::format("field '{}': entries must be integers in [{}, 100000], got {}", name,
                                   std::max(2, at_least), v));
    }
  }
}

/// "k in [1, 4], p in [0.05, 0.45]": the drawn ranges every family shares.
std::string sparsity_and_rate_text() {
  return fmt::format("k in [1, {}], p in [{:g}, {:g}]", kLandscapeSparsityMax, kLandscapePercentMin / 100.0,
                     kLandscapePercentMax / 100.0);
}

}  // namespace

void GammaGridInstance::check() const {
  check_data();
  if (gamma_grid.empty()) throw InputError("field 'gamma_grid': must not be empty");
  for (const Real& g : gamma_grid) {
    if (!(g.as<double>() > 0)) throw InputError("field 'gamma_grid': entries must be positive");
  }
}

void ConstantDimensionInstance::check() const {
  check_data();
  check_gamma(gamma);
  // Each grid point is a data set of that dimension with k = sparsity.
  check_sizes("dimension_grid", dimension_grid, sparsity);
}

void ConstantSamplesInstance::check() const {
  check_data();
  check_gamma(gamma);
  check_sizes("samples_grid", samples_grid, 2);
}

rc::Gen<GammaGridInstance> landscape_gamma_instances(int layers) {
  return rc::gen::map(landscape_params(), [layers](const LandscapeParams& q) {
    const int d = static_cast<int>(std::lround(100 * std::pow(2.0, q.d_exp / 2.0)));
    const int m = std::max(kLandscapeMinSamples, d * q.m_tenths / 100);
    GammaGridInstance in;
    static_cast<RegressionData&>(in) = landscape_data(q, d, m, layers);
    for (const char* g : kGammaGrid) in.gamma_grid.push_back(Real::parse(g));
    return in;
  });
}

rc::Gen<ConstantDimensionInstance> landscape_dimension_instances() {
  return rc::gen::map(landscape_params(), [](const LandscapeParams& q) {
    ConstantDimensionInstance in;
    static_cast<RegressionData&>(in) = landscape_data(q, kConstantDimensionGrid.front(), kConstantSamples, -1);
    in.dimension_grid.assign(kConstantDimensionGrid.begin(), kConstantDimensionGrid.end());
    in.gamma = Real::parse(kSweepGamma);
    return in;
  });
}

rc::Gen<ConstantSamplesInstance> landscape_samples_instances() {
  return rc::gen::map(landscape_params(), [](const LandscapeParams& q) {
    ConstantSamplesInstance in;
    static_cast<RegressionData&>(in) = landscape_data(q, kConstantSamplesDimension, kConstantSamples, -1);
    // m <= 0.1 d = 80: Theorem 4's over-parameterized regime at every point.
    in.samples_grid.assign(kConstantSamplesGrid.begin(), kConstantSamplesGrid.end());
    in.gamma = Real::parse(kSweepGamma);
    return in;
  });
}

std::string landscape_layers_text() { return fmt::format("[{}, {}]", kLandscapeLayersMin, kLandscapeLayersMax); }

std::string landscape_gamma_generator_info() {
  const int d_max = static_cast<int>(std::lround(100 * std::pow(2.0, kLandscapeDimensionHalfExpMax / 2.0)));
  return fmt::format(
      "d in 100 2^{{[0, {:g}]}} (100 to {}), m = d [{}, {}]/100 (<= 0.1 d), {}, five outlier laws of scale {:g} "
      "(t0 = {:g}), theta* entries in [1, 2], gamma in {{{}}}.",
      kLandscapeDimensionHalfExpMax / 2.0, d_max, kLandscapeTenthsMin, kLandscapeTenthsMax, sparsity_and_rate_text(),
      kLandscapeOutlierScale, kLandscapeOutlierScale / 2, fmt::join(kGammaGrid, ", "));
}

std::string landscape_dimension_generator_info() {
  return fmt::format(
      "m = {}, d in {{{}}}, {}, five outlier laws of scale {:g}, N in {}, gamma = {} (<= t0/sqrt({}) = {:g}).",
      kConstantSamples, fmt::join(kConstantDimensionGrid, ", "), sparsity_and_rate_text(), kLandscapeOutlierScale,
      landscape_layers_text(), kSweepGamma, kConstantDimensionGrid.back(),
      kLandscapeOutlierScale / 2 / std::sqrt(double(kConstantDimensionGrid.back())));
}

std::string landscape_samples_generator_info() {
  return fmt::format("d = {}, m in {{{}}} (<= 0.1 d), {}, five outlier laws of scale {:g}, N in {}, gamma = {}.",
                     kConstantSamplesDimension, fmt::join(kConstantSamplesGrid, ", "), sparsity_and_rate_text(),
                     kLandscapeOutlierScale, landscape_layers_text(), kSweepGamma);
}

}  // namespace thmcheck::mf22
