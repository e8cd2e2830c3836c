// The theta*-scale dependence of mf22 Theorem 2's error bound (N = 2; Theorem
// 3's for N = 3, whose eta term is N eta theta*_max): the convergence
// guarantee and long escape time bound ||prod w - theta*||
// by eta theta*_max v an alpha term that does not involve theta*. At a fixed
// step and an alpha small enough that the eta term dominates, rescaling
// theta* by s (its nonzero entries uniform in [s theta_min, s theta_max],
// the same uniform draws) must scale the error at most like s. Typed
// instance: its fields give the reader, validator, writer and schema.
#pragma once

#include <rapidcheck.h>

#include <array>
#include <string>
#include <tuple>

#include "thmcheck/engine/claim.hpp"
#include "thmcheck/engine/typed_instance.hpp"
#include "thmcheck/mf22/convergence_instance.hpp"

namespace thmcheck::mf22 {

/// A theta*-scale sweep: the data set (theta_min, theta_max times each
/// grid factor), the step eta and alpha.
struct ThetaScaleInstance : ConvergenceData {
  Real step;
  Real alpha;
  RealVector theta_scale_grid;
  static constexpr auto fields = std::tuple_cat(
      convergence_fields,
      std::make_tuple(field("step", &ThetaScaleInstance::step, "the step eta, > 0"),
                      field("alpha", &ThetaScaleInstance::alpha, "the initialization scale alpha, in (0, 1)"),
                      field("theta_scale_grid", &ThetaScaleInstance::theta_scale_grid,
                            "the factors s on theta*, non-empty, each > 0")));
  void check() const;
};

/// The drawn sweep: the data of the step sweeps (d = 20, m = 200, k in [1, 3],
/// p in [0, 0.3], five laws of scale 10, theta* in [1, 2], perturbed or not)
/// of N = 2 (`deep` false: eta = 0.005, alpha = escape_claim_alpha(2)) or N =
/// 3 (`deep`: N eta = 0.08, alpha = 1e-9, where sqrt(d^2 m alpha) = 8.9e-3 is
/// below N eta theta*_max >= 0.08 by 9x and T-bar ~ 7e4 iterations, 1/20 of
/// what alpha = 1e-10 costs), s in {1, 2, 4}.
constexpr std::array<const char*, 3> kThetaScaleGrid = {"1", "2", "4"};
constexpr const char* kThetaScaleStep = "0.005";
constexpr double kDeepThetaScaleNEta = 0.08;
constexpr const char* kDeepThetaScaleAlpha = "1e-9";

rc::Gen<ThetaScaleInstance> theta_scale_instances(bool deep);
std::string theta_scale_generator_info(bool deep);

/// Per s of the grid, the point (eta theta*_max (N eta theta*_max for N >= 3;
/// with `proved_power`, N eta theta*_max^{(2N-2)/N}, the proof's eq. (82)),
/// max over T-bar <= t <= min(window_cap, sqrt(m (1-p)^window_power / k))
/// T-bar of ||prod w - theta*||).
template <class S>
Outcome theta_scale_outcome(const ThetaScaleInstance& in, int window_power, double window_cap = 1e300,
                            bool proved_power = false);

extern template Outcome theta_scale_outcome<double>(const ThetaScaleInstance&, int, double, bool);
extern template Outcome theta_scale_outcome<Mp50>(const ThetaScaleInstance&, int, double, bool);
extern template Outcome theta_scale_outcome<Mp100>(const ThetaScaleInstance&, int, double, bool);

}  // namespace thmcheck::mf22
