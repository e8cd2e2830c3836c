#include "thmcheck/mf22/deviation_sweep_instance.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "thmcheck/generators/random_data.hpp"

namespace thmcheck::mf22 {
namespace {

struct DeviationSweepParams {
  int dimension;
  int sparsity;
  int corruption_permille;  // p = permille / 1000
  int law;                  // index into generated_laws()
  int scale_exp;            // outlier scale 10^(scale_exp / 2)
  std::uint64_t seed;
};

// The same draws for both axes (the d sweep draws `dimension` too and ignores
// it), so the instances of a given seed do not depend on the axis.
rc::Gen<DeviationSweepParams> deviation_sweep_params(bool dense) {
  return rc::gen::build<DeviationSweepParams>(
      rc::gen::set(&DeviationSweepParams::dimension,
                   dense ? rc::gen::inRange(kDenseDimensionMin, kDenseDimensionMax + 1)
                         : rc::gen::inRange(kSparseDimensionMin, kSparseDimensionMax + 1)),
      rc::gen::set(&DeviationSweepParams::sparsity, rc::gen::inRange(1, kSweepSparsityMax + 1)),
      rc::gen::set(&DeviationSweepParams::corruption_permille, rc::gen::inRange(0, kPermilleMax + 1)),
      rc::gen::set(&DeviationSweepParams::law, rc::gen::inRange(0, static_cast<int>(generated_laws().size()))),
      rc::gen::set(&DeviationSweepParams::scale_exp, rc::gen::inRange(kScaleHalfExpMin, kScaleHalfExpMax + 1)),
      rc::gen::set(&DeviationSweepParams::seed, rc::gen::arbitrary<std::uint64_t>()));
}

// The fields both axes share.
DeviationSweepInstance common_fields(const DeviationSweepParams& q) {
  DeviationSweepInstance in;
  const double scale = std::pow(10.0, q.scale_exp / 2.0);
  static_cast<OutlierLawFields&>(in) = generated_law(q.law, short_decimal(scale, 6));
  in.corruption_permille = q.corruption_permille;
  // ||z|| spans three decades around the outlier scale, where psi varies.
  in.norm_min = Real::parse(short_decimal(scale * std::pow(10.0, -kNormHalfDecades), 6));
  in.norm_max = Real::parse(short_decimal(scale * std::pow(10.0, kNormHalfDecades), 6));
  in.seed = q.seed;
  return in;
}

void check_grid(const char* name, const std::vector<int>& grid, int lo, int hi) {
  for (int v : grid) {
    if (v < lo || v > hi) throw InputError(fmt::format("field '{}': entries in [{}, {}], got {}", name, lo, hi, v));
  }
}

}  // namespace

void DeviationSweepInstance::check() const {
  check_law();
  check_range("corruption_permille", corruption_permille, 0, 999);
  const double r = norm_min.as<double>(), big_r = norm_max.as<double>();
  if (!(r > 0 && big_r >= r)) throw InputError("fields 'norm_min', 'norm_max': need 0 < r <= R");
  check_range("sparsity", sparsity, 1, 100000);
  if (samples_grid) {
    if (samples || dimension_grid) {
      throw InputError("fields 'samples_grid' and 'samples'/'dimension_grid': give dimension + samples_grid "
                       "(m sweep) or samples + dimension_grid (d sweep), not both");
    }
    if (!dimension) throw InputError("missing field 'dimension' (the d of the m sweep in 'samples_grid')");
    check_range("dimension", *dimension, 1, 100000);
    check_grid("samples_grid", *samples_grid, 2, 1000000);
    return;
  }
  if (dimension) throw InputError("field 'dimension': only with 'samples_grid' (the m sweep)");
  if (!samples || !dimension_grid) {
    throw InputError("missing field 'samples_grid' (m sweep, with 'dimension') or 'samples' and "
                     "'dimension_grid' (d sweep)");
  }
  check_range("samples", *samples, 2, 1000000);
  check_grid("dimension_grid", *dimension_grid, 1, 100000);
}

rc::Gen<DeviationSweepInstance> deviation_sweep_instances(DeviationAxis axis) {
  const bool dense = axis == DeviationAxis::kDenseSamples;
  return rc::gen::map(deviation_sweep_params(dense), [axis, dense](const DeviationSweepParams& q) {
    DeviationSweepInstance in = common_fields(q);
    if (axis == DeviationAxis::kDimension) {
      in.samples = kDimensionSweepSamples;
      in.sparsity = std::min(q.sparsity, kDimensionSweepSparsityMax);
      in.dimension_grid = std::vector<int>(kDimensionSweepGrid.begin(), kDimensionSweepGrid.end());
      return in;
    }
    const int d = q.dimension;
    in.dimension = d;
    in.sparsity = dense ? d : std::min(q.sparsity, d / 2);
    // The same grid for every case (the engine pools all points into one
    // fit, which is unbiased only if the x values do not depend on the
    // case). Dense: d <= 20 and m >= 400 >= 4 d ln(4 d) >= d ln m at m = 400.
    const bool large = axis == DeviationAxis::kSparseLargeSamples;
    const int m0 = dense ? kDenseSamplesStart : (large ? kLargeSamplesStart : kSparseSamplesStart);
    const int count = dense ? kDenseSamplesCount : (large ? kLargeSamplesCount : kSparseSamplesCount);
    in.samples_grid.emplace();
    for (int i = 0; i < count; ++i) in.samples_grid->push_back(m0 << i);
    return in;
  });
}

std::string deviation_generator_info(DeviationAxis axis) {
  const std::string rest =
      fmt::format("p in {}, five outlier laws (Cauchy out of hypothesis), scale {}, ||z|| in scale 10^[{:g}, {:g}].",
                  drawn_rate_text(), drawn_scale_text(), -kNormHalfDecades, kNormHalfDecades);
  switch (axis) {
    case DeviationAxis::kSparseSamples:
      return fmt::format("d in [{}, {}], k in [1, min({}, d/2)], m = {} 2^i (i < {}), ", kSparseDimensionMin,
                         kSparseDimensionMax, kSweepSparsityMax, kSparseSamplesStart, kSparseSamplesCount) +
             rest;
    case DeviationAxis::kSparseLargeSamples:
      return fmt::format("d in [{}, {}], k in [1, min({}, d/2)], m = {} 2^i (i < {}), ", kSparseDimensionMin,
                         kSparseDimensionMax, kSweepSparsityMax, kLargeSamplesStart, kLargeSamplesCount) +
             rest;
    case DeviationAxis::kDenseSamples:
      return fmt::format("d in [{}, {}], k = d (dense z), m = {} 2^i (i < {}), so m >= 4 d ln(4d) >= d ln m, p in {}, "
                         "five outlier laws, ||z|| in scale 10^[{:g}, {:g}].",
                         kDenseDimensionMin, kDenseDimensionMax, kDenseSamplesStart, kDenseSamplesCount,
                         drawn_rate_text(), -kNormHalfDecades, kNormHalfDecades);
    case DeviationAxis::kDimension:
      return fmt::format("m = {}, d in {{{}, ..., {}}}, k in [1, {}], ", kDimensionSweepSamples,
                         kDimensionSweepGrid.front(), kDimensionSweepGrid.back(), kDimensionSweepSparsityMax) +
             rest;
  }
  return "";
}

}  // namespace thmcheck::mf22
