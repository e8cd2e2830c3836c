// The alpha dependence of mf22 Theorem 2's (N = 2) and Theorem 3's (N = 3)
// error bounds. Theorem 2: at T-bar,
// ||w_1 (.) w_2 - theta*|| <~ eta theta*_max v sqrt(d^2 m) alpha^{1 - Theta~}
// (full version; the main text prints sqrt(d^2 m alpha) with the exponent lost
// in typesetting), and over the long-escape window the same with alpha^{0.5 -
// Theta~}. At a fixed eta the bound tends to the eta term as alpha -> 0, so
// alpha cannot be swept alone: the step is coupled, eta = c alpha, with c
// small enough that the alpha term is the larger (c theta*_max < sqrt(d^2 m)),
// and the whole bound falls like alpha^{1 - ...} (alpha^{0.5 - ...}).
// Theorem 3 (N >= 3) has N eta theta*_max v sqrt(d^2 m) alpha at T-bar (full
// version; sqrt(d^2 m alpha) in the main text) and N eta theta*_max v
// sqrt(d^2 m alpha) over the window (both texts): with N eta = N c alpha the
// bound falls like alpha (alpha^{0.5}).
// Typed instance: its fields give the reader, validator, writer and schema.
#pragma once

#include <rapidcheck.h>

#include <array>
#include <string>
#include <tuple>

#include "thmcheck/engine/claim.hpp"
#include "thmcheck/engine/typed_instance.hpp"
#include "thmcheck/mf22/convergence_instance.hpp"

namespace thmcheck::mf22 {

/// A coupled sweep: the data set, the ratio c = eta / alpha and the alphas.
struct CoupledAlphaInstance : ConvergenceData {
  Real step_per_alpha;
  RealVector alpha_grid;
  static constexpr auto fields = std::tuple_cat(
      convergence_fields,
      std::make_tuple(field("step_per_alpha", &CoupledAlphaInstance::step_per_alpha, "c = eta / alpha, > 0"),
                      field("alpha_grid", &CoupledAlphaInstance::alpha_grid,
                            "the initialization scales alpha, non-empty, each in (0, 1)")));
  void check() const;
};

/// The drawn sweep: the data of the step sweeps of N = 2 (`deep` false) or
/// N = 3 (`deep`), alpha in {1e-4, 3e-4, 1e-3}, and c = 14 (N = 2: c
/// theta*_max <= 28 against sqrt(d^2 m) = 283) or c = 30 (N = 3: N c
/// theta*_max <= 180 < 283; N eta <= 0.09 at alpha = 1e-3, within eta <~
/// N^{-1} kappa^{-(N-2)/N} up to its constant).
constexpr const char* kCoupledStepPerAlpha = "14";
constexpr const char* kDeepCoupledStepPerAlpha = "30";
constexpr std::array<const char*, 3> kCoupledAlphaGrid = {"1e-4", "3e-4", "1e-3"};

rc::Gen<CoupledAlphaInstance> coupled_alpha_instances(bool deep);
std::string coupled_alpha_generator_info(bool deep);

/// Per alpha, the point (alpha, ||w_1 (.) w_2 - theta*|| at T-bar) (`window`
/// false) or (alpha, its max over T-bar <= t <= sqrt(m (1-p)^2 / k) T-bar),
/// SubGM at eta = c alpha.
template <class S>
Outcome coupled_alpha_outcome(const CoupledAlphaInstance& in, bool window);

extern template Outcome coupled_alpha_outcome<double>(const CoupledAlphaInstance&, bool);
extern template Outcome coupled_alpha_outcome<Mp50>(const CoupledAlphaInstance&, bool);
extern template Outcome coupled_alpha_outcome<Mp100>(const CoupledAlphaInstance&, bool);

}  // namespace thmcheck::mf22
