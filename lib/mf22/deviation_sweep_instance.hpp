// Instances of the sup-deviation sweeps of mf22 Proposition 1 (mf22.prop1,
// .dense, .dim and their .as-proved siblings): an outlier law, a corruption
// rate, a range r <= ||z|| <= R, a sparsity k, and a grid of m (at fixed d) or
// of d (at fixed m). One typed instance for both axes.
#pragma once

#include <rapidcheck.h>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "thmcheck/engine/typed_instance.hpp"
#include "thmcheck/mf22/outlier_law_instance.hpp"

namespace thmcheck::mf22 {

/// A deviation sweep: P_o, p = corruption_permille/1000, the range r =
/// norm_min <= ||z|| <= R = norm_max, the sparsity k of the searched z, the
/// data seed, and either d ("dimension") with a grid of m ("samples_grid") or
/// m ("samples") with a grid of d ("dimension_grid"); one data set per point.
struct DeviationSweepInstance : OutlierLawFields {
  int corruption_permille = 0;
  Real norm_min, norm_max;
  int sparsity = 0;
  std::uint64_t seed = 0;
  std::optional<int> dimension;
  std::optional<std::vector<int>> samples_grid;
  std::optional<int> samples;
  std::optional<std::vector<int>> dimension_grid;
  static constexpr auto fields = std::tuple_cat(
      law_fields,
      std::make_tuple(
          field("corruption_permille", &DeviationSweepInstance::corruption_permille, "1000 p, in [0, 999]"),
          field("norm_min", &DeviationSweepInstance::norm_min, "r > 0, the smallest ||z||"),
          field("norm_max", &DeviationSweepInstance::norm_max, "R >= r, the largest ||z||"),
          field("sparsity", &DeviationSweepInstance::sparsity, "k of the searched z, in [1, 100000] (at most d)"),
          field("seed", &DeviationSweepInstance::seed, "seed of the data sets and the search"),
          field("dimension", &DeviationSweepInstance::dimension, "d in [1, 100000] (m sweep, with samples_grid)"),
          field("samples_grid", &DeviationSweepInstance::samples_grid, "the m of the m sweep, in [2, 1000000]"),
          field("samples", &DeviationSweepInstance::samples, "m in [2, 1000000] (d sweep, with dimension_grid)"),
          field("dimension_grid", &DeviationSweepInstance::dimension_grid, "the d of the d sweep, in [1, 100000]")));
  void check() const;
  /// True for a sweep over m (samples_grid), false for one over d.
  bool by_samples() const { return samples_grid.has_value(); }
};

/// The sweeps the generators draw: over m at d in [20, 60] (k-sparse z), over
/// m at d in [3, 20] (dense z, k = d), or over d at m = 400; or over large m
/// (k-sparse z as kSparseSamples, m = 6400 2^i, where the printed psi's bias
/// outweighs the sampling noise).
enum class DeviationAxis { kSparseSamples, kDenseSamples, kDimension, kSparseLargeSamples };

/// The drawn ranges: d of the sparse and of the dense m sweeps, the cap on k,
/// the m grids (m0 2^i, i < count), and the d sweep's m, d grid and cap on k.
constexpr int kSparseDimensionMin = 20, kSparseDimensionMax = 60;
constexpr int kDenseDimensionMin = 3, kDenseDimensionMax = 20;
constexpr int kSweepSparsityMax = 20;
constexpr int kSparseSamplesStart = 100, kSparseSamplesCount = 7;
constexpr int kLargeSamplesStart = 6400, kLargeSamplesCount = 6;
constexpr int kDenseSamplesStart = 400, kDenseSamplesCount = 5;
constexpr int kDimensionSweepSamples = 400;
constexpr std::array<int, 6> kDimensionSweepGrid = {50, 100, 200, 400, 800, 1600};
constexpr int kDimensionSweepSparsityMax = 5;
/// ||z|| in scale 10^[-kNormHalfDecades, kNormHalfDecades].
constexpr double kNormHalfDecades = 1.5;

/// Sweeps over m at fixed d (kSparseSamples: d in [20, 60], k in [1, min(20,
/// d/2)], m = 100 2^i, i < 7; kDenseSamples: d in [3, 20], k = d, m = 400 2^i,
/// i < 5) or over d at m = 400 (kDimension: d in {50, ..., 1600}, k in [1,
/// 5]). p in [0, 0.45], five laws of scale 10^[-1, 2], ||z|| in scale
/// 10^[-1.5, 1.5]. Every axis draws the same parameters, so the instances of
/// a seed do not depend on the axis.
rc::Gen<DeviationSweepInstance> deviation_sweep_instances(DeviationAxis axis);

/// The generator text of the sweeps over `axis` (`generator_info`), from the
/// constants deviation_sweep_instances draws with.
std::string deviation_generator_info(DeviationAxis axis);

}  // namespace thmcheck::mf22
