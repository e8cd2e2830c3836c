// The common part of os19 Lemmas 9.5 and 9.7 on a OneStepInstance: zeta =
// zeta_fraction times the global alpha of glm_bounds, D = B(theta0, R_zeta), the
// certified Assumption 1/2 constants over D (glm_ball_constants: slope ranges on
// the intervals x_i^T theta0 +- ||x_i|| R_zeta), zeta,
// the radius R_zeta = ||r0||/zeta, the step and its printed limit, the
// hypothesis checks they share (Assumption 1, 0 < zeta <= alpha, the step
// limit, theta in P(theta0, R_zeta)) and the step theta+ = theta - eta grad L.
#pragma once

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <vector>

#include "thmcheck/engine/claim.hpp"
#include "thmcheck/os19/jacobian_bounds.hpp"
#include "thmcheck/os19/local_bounds.hpp"
#include "thmcheck/os19/models.hpp"
#include "thmcheck/os19/one_step.hpp"
#include "thmcheck/os19/one_step_instance.hpp"

namespace thmcheck::os19 {

template <class S>
struct OneStepSetup {
  GlmModel<S> model;
  Vector<S> theta0, theta, theta_plus;
  JacobianBounds<S> bounds;  ///< global (R^p): zeta is a fraction of bounds.alpha
  BallConstants<S> ball{};   ///< over D = B(theta0, R_zeta): alpha, beta, deviation, L of the lemmas
  S zeta = 0, radius = 0, r0 = 0, eta = 0, step_limit = 0, lambda = 0;
  S u = 0, gamma = 0;  ///< unit roundoff; 8 (n + p + 10) u (first-order Higham factor with margin 8)
  S potential = 0, potential_error = 0;
  S step_error = 0;  ///< bound on the rounding of ||theta+ - theta0|| and of R
  std::vector<HypothesisCheck> hypotheses{};
};

/// The step limit of each use: 1/beta^2 (Lemma 9.5, 9.7(a)) or
/// 1/beta^2 min(1, 2 (1 - lambda) alpha^2 / (L ||r0||)) (9.7(b); 1/beta^2 when L ||r0|| = 0).
template <class S>
OneStepSetup<S> one_step_setup(const OneStepInstance& in, OneStepUse use) {
  using std::abs;
  using std::min;
  const Matrix<S> x = as_matrix<S>(in.x);
  const Vector<S> y = as_vector<S>(in.y);
  const Activation<S> phi = in.phi.at<S>();
  OneStepSetup<S> s{GlmModel<S>(x, y, phi), as_vector<S>(in.theta0), as_vector<S>(in.theta), {}, {}};
  const Eigen::Index n = x.rows(), p = x.cols();
  s.u = unit_roundoff<S>();
  s.gamma = 8 * S(static_cast<double>(n + p + 10)) * s.u;
  s.bounds = glm_bounds(x, phi);
  s.lambda = in.lambda ? in.lambda->as<S>() : S(0.5);
  const S zf = in.zeta_fraction.as<S>();
  s.zeta = zf * s.bounds.alpha;
  s.r0 = s.model.residual(s.theta0).norm();
  s.radius = s.zeta > 0 ? S(s.r0 / s.zeta) : S(0);
  s.ball = glm_ball_constants(x, phi, s.theta0, s.radius);
  const S alpha = s.ball.alpha, beta = s.ball.beta;
  s.step_limit = 1 / (beta * beta);
  if (use == OneStepUse::kLemma97b && s.ball.lipschitz * s.r0 > 0) {
    s.step_limit *= min(S(1), S(2 * (1 - s.lambda) * alpha * alpha / (s.ball.lipschitz * s.r0)));
  }
  s.eta = in.eta ? in.eta->as<S>() : S(in.eta_fraction->as<S>() * s.step_limit);
  s.hypotheses.push_back({"assumption1", alpha > 0, Evidence::kCertified,
                          s.ball.derivation});
  s.hypotheses.push_back({"zeta", s.zeta > 0 && s.zeta <= alpha, Evidence::kCertified,
                          fmt::format("zeta = {} x global alpha {} = {} vs alpha over D = {} (0 < zeta <= alpha; "
                                      "alpha is a certified lower bound, so a larger zeta counts outside)",
                                      in.zeta_fraction.text(), to_decimal(s.bounds.alpha, 8), to_decimal(s.zeta, 8),
                                      to_decimal(alpha, 8))});
  const bool by_fraction = !in.eta;
  s.hypotheses.push_back({"step", by_fraction ? in.eta_fraction->as<S>() <= 1 : s.eta <= s.step_limit,
                          Evidence::kCertified,
                          fmt::format("eta = {} vs the limit {}", to_decimal(s.eta, 8), to_decimal(s.step_limit, 8))});
  if (use != OneStepUse::kLemma95) {
    s.hypotheses.push_back({"lambda", s.lambda >= 0 && s.lambda <= 1, Evidence::kCertified,
                            fmt::format("lambda = {}", to_decimal(s.lambda, 8))});
  }
  // theta in P(theta0, R_zeta): ||theta - theta0|| + ||r(theta)||/zeta <= R_zeta.
  HypothesisCheck in_p{"theta.in.P", false, Evidence::kCertified, ""};
  const S ynorm = y.norm(), xf = x.norm();
  const S fnorm = s.model.predict(s.theta).norm(), f0norm = s.model.predict(s.theta0).norm();
  if (s.zeta > 0) {
    s.potential = potential(s.model, s.theta0, s.theta, s.zeta);
    // Rounding of the potential and of R: gamma (||theta|| + ||theta0||) for the
    // distance, gamma (||y|| + ||f|| + Gamma ||X||_F ||theta||) / zeta per residual norm.
    const S g = phi.big_gamma();
    s.potential_error = s.gamma * (S(s.theta.norm()) + S(s.theta0.norm()) +
                                   (ynorm + fnorm + g * xf * S(s.theta.norm()) + ynorm + f0norm +
                                    g * xf * S(s.theta0.norm())) / s.zeta);
    const S gap = s.radius - s.potential;
    in_p.holds = gap >= 0;
    in_p.evidence = abs(gap) > s.potential_error ? Evidence::kCertified : Evidence::kEstimated;
    in_p.detail = fmt::format("||theta - theta0|| + ||r(theta)||/zeta = {} vs R_zeta = {}", to_decimal(s.potential, 10),
                              to_decimal(s.radius, 10));
  } else {
    in_p.detail = "zeta = 0: P(theta0, R_zeta) is undefined (Definition 9.4 needs zeta > 0)";
  }
  s.hypotheses.push_back(in_p);
  const Vector<S> grad = s.model.gradient(s.theta);
  s.theta_plus = s.theta - s.eta * grad;
  // ||theta+ - theta0||: the gradient X^T diag(phi') r carries gamma Gamma ||X||_F (||y|| + ||f|| + ...).
  s.step_error = s.gamma * (S(s.theta.norm()) + S(s.theta0.norm()) +
                            s.eta * phi.big_gamma() * xf * (ynorm + fnorm + phi.big_gamma() * xf * S(s.theta.norm()))) +
                 s.potential_error;
  return s;
}

}  // namespace thmcheck::os19
