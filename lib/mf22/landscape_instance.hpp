// Instances of the landscape claims of mf22 Theorems 1 and 4 (mf22.thm4.*,
// mf22.thm1.over.gamma): a data set with m <= 0.1 d and outlier scale 100
// (t0 = 50), a depth N, and a grid of gamma (or a fixed gamma and a grid of d
// or of m, for the constant d/sqrt(m)). Typed instances: their fields give the
// reader, validator, writer and schema.
#pragma once

#include <rapidcheck.h>

#include <array>
#include <string>
#include <tuple>
#include <vector>

#include "thmcheck/engine/typed_instance.hpp"
#include "thmcheck/mf22/regression_instance.hpp"

namespace thmcheck::mf22 {

/// A landscape instance over radii: the data set and the radii gamma of the
/// ell_inf balls around the true solution (one loss-change bracket each).
struct GammaGridInstance : RegressionData {
  RealVector gamma_grid;
  static constexpr auto fields = std::tuple_cat(
      data_fields,
      std::make_tuple(field("gamma_grid", &GammaGridInstance::gamma_grid, "the radii gamma, non-empty, each > 0")));
  void check() const;
};

/// The constant d/sqrt(m) of Theorem 4 against d: the data set (its
/// dimension is replaced by each grid point), gamma and the grid of d.
struct ConstantDimensionInstance : RegressionData {
  Real gamma;
  std::vector<int> dimension_grid;
  static constexpr auto fields = std::tuple_cat(
      data_fields,
      std::make_tuple(field("gamma", &ConstantDimensionInstance::gamma, "the radius gamma, > 0"),
                      field("dimension_grid", &ConstantDimensionInstance::dimension_grid,
                            "the d of the sweep, integers in [2, 100000], each >= sparsity")));
  void check() const;
};

/// The constant d/sqrt(m) of Theorem 4 against m: the data set (its samples
/// are replaced by each grid point, keeping the corrupted fraction), gamma
/// and the grid of m.
struct ConstantSamplesInstance : RegressionData {
  Real gamma;
  std::vector<int> samples_grid;
  static constexpr auto fields = std::tuple_cat(
      data_fields, std::make_tuple(field("gamma", &ConstantSamplesInstance::gamma, "the radius gamma, > 0"),
                                   field("samples_grid", &ConstantSamplesInstance::samples_grid,
                                         "the m of the sweep, integers in [2, 100000]")));
  void check() const;
};

/// The drawn ranges: d = 100 2^(e/2), e in [0, kLandscapeDimensionHalfExpMax];
/// m = max(4, d tenths/100), tenths in [4, 10]; k, p = percent/100, N.
constexpr int kLandscapeDimensionHalfExpMax = 4;
constexpr int kLandscapeTenthsMin = 4, kLandscapeTenthsMax = 10, kLandscapeMinSamples = 4;
constexpr int kLandscapeSparsityMax = 4;
constexpr int kLandscapePercentMin = 5, kLandscapePercentMax = 45;
constexpr int kLandscapeLayersMin = 2, kLandscapeLayersMax = 5;
/// The outlier scale of every landscape instance (t0 = 50).
constexpr double kLandscapeOutlierScale = 100;
/// The radii of the gamma grids (0.01 2^i, <= t0/sqrt(d) for d <= 400).
constexpr std::array<const char*, 5> kGammaGrid = {"0.01", "0.02", "0.04", "0.08", "0.16"};
/// The sweeps for the constant: gamma, m = 20 (the d sweep's m, and the m
/// whose corrupted fraction the m sweep keeps), the d grid, and the m grid at
/// d = 800 (<= 0.1 d).
constexpr const char* kSweepGamma = "0.05";
constexpr int kConstantSamples = 20;
constexpr std::array<int, 4> kConstantDimensionGrid = {200, 400, 800, 1600};
constexpr int kConstantSamplesDimension = 800;
constexpr std::array<int, 4> kConstantSamplesGrid = {10, 20, 40, 80};

/// gamma grids: d = 100 2^{i/2} (i in [0, 4]: 100 to 400), m = d
/// [4, 10]/100 (>= 4), k in [1, 4], p in [0.05, 0.45] (|S| >= 1), five laws of
/// scale 100, theta* entries in [1, 2], N = `layers` (or drawn in [2, 5] when
/// `layers` <= 0), gamma in {0.01, 0.02, 0.04, 0.08, 0.16}.
rc::Gen<GammaGridInstance> landscape_gamma_instances(int layers);

/// d sweeps for the constant: m = 20, d in {200, 400, 800, 1600}, gamma = 0.05,
/// N in [2, 5], the rest as landscape_gamma_instances.
rc::Gen<ConstantDimensionInstance> landscape_dimension_instances();

/// m sweeps for the constant: d = 800, m in {10, 20, 40, 80} (<= 0.1 d; the
/// corrupted fraction of the instance's m = 20 is kept), gamma = 0.05.
rc::Gen<ConstantSamplesInstance> landscape_samples_instances();

/// The generator ranges of landscape_gamma_instances, of the d sweeps and of
/// the m sweeps, for the report (from the constants they draw with).
std::string landscape_gamma_generator_info();
std::string landscape_dimension_generator_info();
std::string landscape_samples_generator_info();
/// "[2, 5]": the drawn N of the landscape instances (when not fixed).
std::string landscape_layers_text();

}  // namespace thmcheck::mf22
