// The robust-regression data set every landscape and SubGM instance of mf22
// carries (RegressionData), and the instances of Theorem 1 (mf22.thm1.over,
// .under). Typed instances: their fields give the reader, validator, writer
// and schema.
#pragma once

#include <rapidcheck.h>

#include <cstdint>
#include <string>
#include <tuple>

#include "thmcheck/engine/typed_instance.hpp"
#include "thmcheck/mf22/outlier_law_instance.hpp"
#include "thmcheck/mf22/robust_regression.hpp"

namespace thmcheck::mf22 {

/// The data set of Section 2 (d, m, k = ||theta*||_0, |S| = p m, the range of
/// theta*'s nonzero entries, P_o and the seed they are drawn from) and the
/// depth N of the diagonal network.
struct RegressionData : OutlierLawFields {
  int dimension = 0;
  int samples = 0;
  int sparsity = 0;
  int corrupted = 0;
  Real theta_min, theta_max;
  int layers = 0;
  std::uint64_t seed = 0;
  static constexpr auto data_fields = std::tuple_cat(
      std::make_tuple(field("dimension", &RegressionData::dimension, "d, in [1, 5000]"),
                      field("samples", &RegressionData::samples, "m, in [1, 100000]"),
                      field("sparsity", &RegressionData::sparsity, "k = ||theta*||_0, in [0, d]"),
                      field("corrupted", &RegressionData::corrupted, "|S| = p m, in [0, m]"),
                      field("theta_min", &RegressionData::theta_min, ">= 0, smallest nonzero entry of theta*"),
                      field("theta_max", &RegressionData::theta_max, ">= theta_min, largest nonzero entry of theta*")),
      law_fields,
      std::make_tuple(field("layers", &RegressionData::layers, "N, the depth, in [1, 10]"),
                      field("seed", &RegressionData::seed, "seed of the data set (X, theta*, S, eps)")));
  /// The ranges above and a positive outlier scale; throws InputError naming
  /// the field.
  void check_data() const;
  /// The data set's parameters (after check_data).
  RobustRegressionSpec spec() const;
};

/// Theorem 1, over-parameterized regime: the data set and the radius gamma of
/// the ell_inf ball around the true solution.
struct OverInstance : RegressionData {
  Real gamma;
  static constexpr auto fields =
      std::tuple_cat(data_fields, std::make_tuple(field("gamma", &OverInstance::gamma, "the radius gamma, > 0")));
  void check() const;
};

/// Theorem 1, under-parameterized regime: the data set only (its N is read
/// but does not enter: theta* minimizes the convex L(theta) or not).
struct UnderInstance : RegressionData {
  static constexpr auto fields = data_fields;
  void check() const { check_data(); }
};

/// The drawn ranges of Theorem 1's instances (over: m = d ratio/100; under:
/// m = ceil(2 pi d 2^(ratio/2) / (1-2p)^2), d lowered so that m <= 16000 and
/// d m <= 20000;
/// gamma = t0 10^(e/2), t0 = 5).
constexpr int kOverDimensionMin = 50, kOverDimensionMax = 300;
constexpr int kOverRatioMin = 3, kOverRatioMax = 10;
constexpr int kOverPercentMin = 5, kOverPercentMax = 50;
constexpr int kOverGammaHalfExpMin = -6, kOverGammaHalfExpMax = -2;
constexpr int kUnderDimensionMin = 1, kUnderDimensionMax = 40;
constexpr int kUnderRatioMin = 0, kUnderRatioMax = 4;
constexpr int kUnderPercentMax = 49, kUnderCornerPercentMin = 40;
/// The under regime's caps: m <= 16000 and the LP's size d m <= 20000 (GLPK's
/// simplex takes ~0.3 s at d m = 2e4, ~5 s at d = 40, m = 6280).
constexpr int kUnderSamplesMax = 16000, kUnderSizeMax = 20000;
constexpr int kTheorem1SparsityMax = 4, kTheorem1LayersMax = 5;
/// The outlier scale of Theorem 1's instances (t0 = scale/2).
constexpr double kTheorem1OutlierScale = 10;

/// Theorem 1's over-parameterized regime (m <= 0.1 d): d in [50, 300], m =
/// max(2, d [3, 10]/100), k in [1, 4], p in [0.05, 0.5] with |S| >= 1 (0 < p),
/// five laws of scale 10 (t0 = 5), N in [1, 5], gamma = t0 10^{[-3, -1]}.
rc::Gen<OverInstance> overparameterized_instances();

/// Theorem 1's under-parameterized regime (m >~ d/(1-2p)^2, its constant
/// instantiated as 2 pi): p = percent/100 with percent in [0, 49] (half the
/// draws) or in the corner [40, 49] (the other half), m = ceil(2 pi d f /
/// (1-2p)^2) with f = 2^{[0, 4]/2} in [1, 4], d drawn in [1, 40] and then
/// lowered to the largest d with m <= 16000 and d m <= 20000 (at d = 1, f is
/// lowered to the largest f >= 1 within the caps, and f = 1 when none: m =
/// 15708 at p = 0.49), five laws of scale 10, k in [1, 4] (at most d), N in
/// [1, 5] (no gamma).
rc::Gen<UnderInstance> underparameterized_instances();

/// The generator texts of the Theorem 1 claims (`generator_info`), from the
/// constants the generators draw with.
std::string overparameterized_generator_info();
std::string underparameterized_generator_info();

}  // namespace thmcheck::mf22
