// The value at T-bar of mf22 Theorem 3's "furthermore" curve (N >= 3): for
// every t > T-bar, ||prod w - theta*|| <~ N eta theta*_max v (A / (A N eta
// d^{-(N-1)/N} (t - T-bar) + 1))^{N/(N-2)}, A = sqrt(d^2 m) alpha (full
// version) or sqrt(d^2 m alpha) (main text). At t -> T-bar the curve is
// A^{N/(N-2)}, not A (the proof's eq. (96) writes 1/||E_T-bar|| where solving
// its recursion (95) gives ||E_T-bar||^{-(N-2)/N}). With the step coupled to
// the curve, N eta = c alpha^q and c alpha^q theta*_max below A^{N/(N-2)}, the
// whole bound at T-bar is C A^{N/(N-2)}, a power of alpha. Small data (d = 5,
// m = 100) put the crossover of A^3 and the residual ~ alpha near alpha = 4e-3,
// where T-bar ~ alpha^{-1/3}/(N eta) stays short. Typed instance: its fields
// give the reader, validator, writer and schema.
#pragma once

#include <rapidcheck.h>

#include <array>
#include <string>
#include <tuple>

#include "thmcheck/engine/claim.hpp"
#include "thmcheck/engine/typed_instance.hpp"
#include "thmcheck/mf22/convergence_instance.hpp"

namespace thmcheck::mf22 {

/// A curve-coupled alpha sweep: the data set, N eta = coefficient alpha^power,
/// and the alphas.
struct DecayTbarInstance : ConvergenceData {
  Real step_coefficient;
  Real step_power;
  RealVector alpha_grid;
  static constexpr auto fields = std::tuple_cat(
      convergence_fields,
      std::make_tuple(field("step_coefficient", &DecayTbarInstance::step_coefficient,
                            "c in N eta = c alpha^q, > 0"),
                      field("step_power", &DecayTbarInstance::step_power, "q in N eta = c alpha^q, > 0"),
                      field("alpha_grid", &DecayTbarInstance::alpha_grid,
                            "the initialization scales alpha, non-empty, each in (0, 1)")));
  void check() const;
};

/// Which text's A: sqrt(d^2 m) alpha (full version) or sqrt(d^2 m alpha) (main text).
enum class CurveText { kFullVersion, kMainText };

/// The drawn sweeps: the data of the N = 3 step sweeps (k in [1, 3], p in [0,
/// 0.3], five laws of scale 10, theta* in [1, 2], perturbed or not) on d = 5,
/// m = 100, with N eta = A^3 / 8 (so N eta theta*_max <= A^3 / 4): c = (d
/// sqrt(m))^3 / 8 = 15625 and q = 3, alpha in {2e-3, 2.8e-3, 4e-3} (full
/// version: A^3 = 1e-3 .. 8e-3), or q = 1.5, alpha in {1e-5, 2e-5, 4e-5} (main
/// text: A^3 = 4e-3 .. 3.2e-2).
constexpr int kDecayDimension = 5, kDecaySamples = 100;
constexpr const char* kDecayStepCoefficient = "15625";
constexpr std::array<const char*, 3> kDecayFullAlphaGrid = {"2e-3", "2.8e-3", "4e-3"};
constexpr std::array<const char*, 3> kDecayMainAlphaGrid = {"1e-5", "2e-5", "4e-5"};

rc::Gen<DecayTbarInstance> decay_tbar_instances(CurveText text);
std::string decay_tbar_generator_info(CurveText text);

/// Per alpha, the point (alpha, ||prod w - theta*|| at T-bar = 2T), SubGM at
/// N eta = c alpha^q; the details carry A^{N/(N-2)} in both readings and
/// N eta theta*_max per alpha.
template <class S>
Outcome decay_tbar_outcome(const DecayTbarInstance& in);

extern template Outcome decay_tbar_outcome<double>(const DecayTbarInstance&);
extern template Outcome decay_tbar_outcome<Mp50>(const DecayTbarInstance&);
extern template Outcome decay_tbar_outcome<Mp100>(const DecayTbarInstance&);

}  // namespace thmcheck::mf22
