// Instances of os19 Lemmas 9.5 and 9.7 (one gradient step from a point of the
// potential set P(theta0, R_zeta), Definition 9.4) on GLMs f = phi(X theta):
// X, y, phi, theta0, the point theta, zeta as a fraction of the certified
// alpha, the step (eta, or eta_fraction of the lemma's printed limit) and, for
// Lemma 9.7, lambda. zeta is a fraction of the global alpha (glm_bounds); the
// Assumption 1/2 constants are then certified over D = B(theta0, R_zeta)
// (glm_ball_constants, one_step_setup.hpp).
#pragma once

#include <rapidcheck.h>

#include <optional>
#include <tuple>

#include "thmcheck/engine/typed_instance.hpp"
#include "thmcheck/os19/activation.hpp"

namespace thmcheck::os19 {

struct OneStepInstance {
  RealMatrix x;
  RealVector y;
  ActivationSpec phi;
  RealVector theta0, theta;
  Real zeta_fraction;
  std::optional<Real> eta, eta_fraction, lambda;
  static constexpr auto fields = std::make_tuple(
      field("X", &OneStepInstance::x, "n x p, the data matrix (n <= p)"),
      field("y", &OneStepInstance::y, "[n], the labels"),
      field("phi", &OneStepInstance::phi, "the activation (identity: linear regression)"),
      field("theta0", &OneStepInstance::theta0, "[p], the initial point theta0"),
      field("theta", &OneStepInstance::theta, "[p], the point theta (the lemmas assume theta in P)"),
      field("zeta_fraction", &OneStepInstance::zeta_fraction,
            "> 0: zeta = zeta_fraction * alpha_global (gamma sigma_min(X)); in hypothesis while zeta <= alpha over D"),
      field("eta", &OneStepInstance::eta, "the step > 0 (give eta or eta_fraction)"),
      field("eta_fraction", &OneStepInstance::eta_fraction, "the step as a fraction > 0 of the lemma's limit"),
      field("lambda", &OneStepInstance::lambda, "Lemma 9.7 only: lambda in [0, 1]; default 0.5"));
  void check() const;
};

/// Which claim a generator draws for (the step limit and lambda differ).
enum class OneStepUse { kLemma95, kLemma97a, kLemma97b };

/// Generator ranges, for the report (one_step_instance_test.cpp holds them to the draws).
extern const char* const kOneStepGeneratorInfo;

/// n in [1, 6], p = n + [0, 6]; X with cond in [1, 100] or orthogonal rows of
/// equal norm (alpha = beta up to rounding), ||X|| in [0.1, 10]; phi identity
/// (40%), tanh_plus with |c| <= 0.3 or leaky_softplus with a in [0.7, 1];
/// zeta at 1 - 1e-9, 1 - 1e-6 or [0.05, 1] of the largest zeta with zeta <= alpha
/// over B(theta0, ||r0||/zeta); theta on the ray from theta0 along
/// -grad L(theta0) (plus noise) at a fraction 1 - 1e-9, 1 - 1e-5 or [0, 1] of
/// the boundary of P (10%: 1.2, outside); eta at the limit (40%), below, or
/// above (10%, outside); lambda (9.7) at the largest certified value times
/// 1 - 1e-9 .. (a) or in [0, 1) (b).
rc::Gen<OneStepInstance> one_step_generator(OneStepUse use);

}  // namespace thmcheck::os19
