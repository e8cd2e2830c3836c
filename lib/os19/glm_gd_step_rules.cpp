#include "thmcheck/os19/glm_gd_step_rules.hpp"

#include <algorithm>

#include "thmcheck/os19/ball_glm_bounds.hpp"

namespace thmcheck::os19 {

template <class S>
GlmGdProblem<S>::GlmGdProblem(const GlmData& in)
    : x(as_matrix<S>(in.x)),
      n(x.rows()),
      p(x.cols()),
      y(as_vector<S>(in.y)),
      theta0(as_vector<S>(in.theta0)),
      phi(in.phi.at<S>()),
      iterations(in.iterations),
      model(x, y, phi),
      matrix(matrix_bounds(x)),
      bounds(glm_bounds(matrix, phi)),
      r0(model.residual(theta0).norm()),
      u(unit_roundoff<S>()) {}

namespace {

/// The certified GLM constants and the hypotheses every GLM claim checks:
/// Assumption 1 (alpha, beta) and Assumption 2 (b) (L), both on R^p.
template <class S>
GdConstants<S> certified_constants(const GlmGdProblem<S>& g) {
  const JacobianBounds<S>& b = g.bounds;
  GdConstants<S> c;
  c.alpha = b.alpha;
  c.beta = b.beta;
  c.lipschitz = b.lipschitz;
  c.hypotheses.push_back({"assumption1", b.alpha > 0, Evidence::kCertified,
                          "alpha = " + to_decimal(b.alpha, 8) + ", beta = " + to_decimal(b.beta, 8) +
                              " on R^p: " + b.derivation});
  c.hypotheses.push_back({"assumption2b", true, Evidence::kCertified,
                          "L = " + to_decimal(b.lipschitz, 8) + " on R^p (Section 9.7 argument)"});
  return c;
}

}  // namespace

template <class S>
GdConstants<S> thm2_1_constants(const GlmGdProblem<S>& g, const GlmGdInstance&) {
  // D = B(theta0, 4 ||r0|| / alpha) with alpha, beta, L of D itself; ||r0||
  // rounded up (a length-n sum of squares of residuals, each of n + p terms).
  const S r0_up = g.r0 * (1 + 4 * S(static_cast<double>(g.n + g.p + 8)) * g.u);
  const BallGlmBounds<S> b = self_consistent_glm_bounds(g.x, g.theta0, g.phi, S(4 * r0_up), g.matrix);
  GdConstants<S> c;
  c.alpha = b.alpha;
  c.beta = b.beta;
  c.lipschitz = b.lipschitz;
  const S &alpha = c.alpha, &beta = c.beta, &lip = c.lipschitz, &r0 = g.r0;
  c.hypotheses.push_back({"assumption1", alpha > 0, Evidence::kCertified,
                          "alpha = " + to_decimal(alpha, 8) + ", beta = " + to_decimal(beta, 8) +
                              " on D = B(theta0, 4 ||r0||/alpha): " + b.derivation});
  // Branch (a) with lambda = 1/2: sup_D ||J(a) - J(b)|| <= (1 - 1/2) alpha^2 / beta.
  const S allowed = alpha > 0 ? S(alpha * alpha / (2 * beta)) : S(0);
  const bool branch_a = alpha > 0 && b.deviation <= allowed;
  const S a = lip * r0 > 0 ? S(alpha * alpha / (lip * r0)) : S(1);
  const S min_ratio = lip * r0 > 0 ? std::min(S(1), a) : S(1);  // min(1, alpha^2/(L ||r0||))
  c.limit = (branch_a ? S(1) : min_ratio) / (2 * beta * beta);
  c.hypotheses.push_back(
      {"assumption2b", true, Evidence::kCertified,
       std::string(branch_a ? "branch (a), eta <= 1/(2 beta^2)" : "branch (b)") + ": sup_D ||J(a) - J(b)|| <= " +
           to_decimal(b.deviation, 8) + (branch_a ? " <= " : " > ") + "alpha^2/(2 beta) = " + to_decimal(allowed, 8) +
           "; L = " + to_decimal(lip, 8) + " on D"});
  return c;
}

template <class S>
GdConstants<S> thm9_3_constants(const GlmGdProblem<S>& g, const GlmGdInstance& in) {
  GdConstants<S> c = certified_constants(g);
  const S &alpha = c.alpha, &beta = c.beta, &lip = c.lipschitz, &r0 = g.r0;
  S& lambda = c.lambda;
  if (in.lambda) lambda = in.lambda->as<S>();
  const S second = lip * r0 > 0 ? S(2 * (1 - lambda) * alpha * alpha / (lip * r0)) : lambda;
  c.limit = std::min(lambda, second) / (beta * beta);
  c.hypotheses.push_back({"lambda", lambda > 0 && lambda <= 1, Evidence::kCertified,
                          "lambda = " + to_decimal(lambda, 6)});
  return c;
}

template <class S>
GdConstants<S> thm2_2_constants(const GlmGdProblem<S>& g, const GlmGdInstance&) {
  using std::abs;
  GdConstants<S> c = certified_constants(g);
  const S &lip = c.lipschitz, &r0 = g.r0, &u = g.u;
  const MatrixBounds<S> j0 = jacobian_at_point<S>(g.model.jacobian(g.theta0));
  c.alpha = j0.sigma_min_lower / 2;
  c.beta = 2 * j0.norm_upper;
  const S &alpha = c.alpha, &beta = c.beta;
  c.limit = S(1) / (2 * beta * beta);
  c.hypotheses[0] = {"conditions.at.theta0", alpha > 0, Evidence::kCertified,
                     "2 alpha = sigma_min(J(theta0)) >= " + to_decimal(j0.sigma_min_lower, 8) +
                         ", beta/2 = ||J(theta0)|| <= " + to_decimal(j0.norm_upper, 8) +
                         " (Weyl-shifted SVD of the computed Jacobian)"};
  const S lhs = alpha * alpha, rhs = 4 * lip * r0;
  c.hypotheses.push_back({"eq2.6", lhs >= rhs,
                          abs(lhs - rhs) > 64 * u * (lhs + rhs) ? Evidence::kCertified : Evidence::kEstimated,
                          "alpha^2 = " + to_decimal(lhs, 8) + " vs 4 L ||y - f(theta0)|| = " +
                              to_decimal(rhs, 8)});
  return c;
}

template <class S>
GdConstants<S> thm4_1_constants(const GlmGdProblem<S>& g, const GlmGdInstance&) {
  GdConstants<S> c = certified_constants(g);
  const MatrixBounds<S>& mb = g.matrix;
  c.limit = S(1) / (mb.norm_upper * mb.norm_upper * g.phi.big_gamma() * g.phi.big_gamma());
  return c;
}

template <class S>
GdConstants<S> thm5_2_constants(const GlmGdProblem<S>& g, const GlmGdInstance&) {
  GdConstants<S> c = certified_constants(g);
  const S &alpha = c.alpha, &beta = c.beta, &r0 = g.r0, &u = g.u;
  const MatrixBounds<S>& mb = g.matrix;
  // Local PL with mu = alpha^2 (||grad L||^2 = ||J^T r||^2 >= alpha^2 ||r||^2 = 2 alpha^2 L),
  // smoothness on D = B(theta0, R), R = sqrt(8 L(theta0)/mu) = 2 ||r0|| / alpha:
  // ||Hess L|| <= beta^2 + M ||r|| ||X||_{2,inf} ||X||_F with ||r|| <= ||r0|| + beta R on D.
  c.mu = alpha * alpha;
  const S radius = alpha > 0 ? S(2 * r0 / alpha) : S(0);
  c.smooth = beta * beta + g.phi.curvature() * mb.row_norm_upper * mb.frobenius *
                               (1 + 8 * u * S(static_cast<double>(g.n + g.p))) * (r0 + beta * radius);
  c.limit = S(1) / c.smooth;
  c.hypotheses[0] = {"local.pl", c.mu > 0, Evidence::kCertified,
                     "mu = alpha^2 = " + to_decimal(c.mu, 8) + " on R^p (||J^T r|| >= alpha ||r||)"};
  c.hypotheses[1] = {"smoothness", true, Evidence::kCertified,
                     "L = beta^2 + M ||X||_2,inf ||X||_F (||r0|| + beta R) = " + to_decimal(c.smooth, 8) +
                         " on B(theta0, R)"};
  return c;
}

template <class S>
StepChoice<S> choose_step(const std::optional<Real>& given_eta, const std::optional<Real>& eta_fraction, const S& limit,
                          const MatrixBounds<S>& mb) {
  const S u = unit_roundoff<S>();
  StepChoice<S> c;
  S& eta = c.eta;
  HypothesisCheck& step = c.hypothesis;
  if (given_eta) {
    eta = given_eta->as<S>();
    // The limit is computed from certified (conservative) constants; a step
    // above it but within the enclosure width of those constants may still
    // satisfy the hypothesis with the exact constants: undecided, estimated.
    const S width = 64 * u + 8 * mb.shift / std::max(mb.sigma_min_lower, S(mb.shift));
    step.holds = eta <= limit * (1 + width);
    step.evidence = eta <= limit || eta > limit * (1 + width) ? Evidence::kCertified
                                                              : Evidence::kEstimated;
  } else {
    const S fraction = eta_fraction->as<S>();
    eta = fraction * limit;
    step.holds = fraction <= 1;
  }
  return c;
}

GdStepRuleText thm2_1_rule_text() {
  GdStepRuleText t{"Theorem 2.1: under Assumption 2 (a) with lambda = 1/2, eta <= 1/(2 beta^2); under (b), "
                   "eta <= 1/(2 beta^2) min(1, alpha^2/(L ||f(theta0) - y||)) (the larger limit of the branches "
                   "that hold on the instance)",
                   {},
                   false};
  t.assumption1 =
      "Assumption 1 over D = B(theta0, 4 ||f(theta0) - y||/alpha): alpha = min_i inf |phi'| sigma_min(X), beta = "
      "max_i sup |phi'| ||X|| over the intervals x_i^T theta0 +- ||x_i|| R (certified), alpha consistent with R";
  t.assumption2 =
      "Assumption 2 over D: (a) with lambda = 1/2, sup_D ||J(a) - J(b)|| <= alpha^2/(2 beta) (bounded by max_i "
      "(sup - inf of phi') ||X||), or (b) with L = max_i sup |phi''| ||X||_2,inf ||X|| on D";
  t.ball_constants = true;
  return t;
}

GdStepRuleText thm9_3_rule_text() {
  return {"Theorem 9.3 (Assumption 2(b) branch): eta <= 1/beta^2 min(lambda, 2(1-lambda) alpha^2/(L ||r0||)), "
          "0 < lambda <= 1; certified GLM constants",
          {{"lambda", "0 < lambda <= 1"}},
          true};
}

GdStepRuleText thm2_2_rule_text() {
  return {"Theorem 2.2: 2 alpha <= sigma_min(J(theta0)) <= ||J(theta0)|| <= beta/2 (alpha, beta taken "
          "as sigma_min/2 and 2 ||J(theta0)||), Assumption 2 with the certified L, (2.6) alpha^2 >= "
          "4 L ||y - f(theta0)||, eta <= 1/(2 beta^2)",
          {{"eq2.6", "alpha^2 >= 4 L ||y - f(theta0)|| (2.6)"}},
          false};
}

GdStepRuleText thm4_1_rule_text() {
  return {"Theorem 4.1: phi strictly increasing with gamma <= phi' <= Gamma, n <= p, eta <= 1/(||X||^2 Gamma^2)",
          {},
          false};
}

GdStepRuleText thm5_2_rule_text() {
  return {"Theorem 5.2: local PL with mu = alpha^2 = gamma^2 sigma_min(X)^2 and L-smoothness over "
          "B(theta0, sqrt(8 L(theta0)/mu)) with L = beta^2 + M ||X||_2,inf ||X||_F (||r0|| + beta R) "
          "(both certified), eta <= 1/L",
          {},
          false};
}

#define THMCHECK_OS19_GD_INSTANTIATE(S)                                        \
  template struct GlmGdProblem<S>;                                             \
  template StepChoice<S> choose_step(const std::optional<Real>&, const std::optional<Real>&, const S&,     \
                                     const MatrixBounds<S>&);                                               \
  template GdConstants<S> thm2_1_constants(const GlmGdProblem<S>&, const GlmGdInstance&); \
  template GdConstants<S> thm9_3_constants(const GlmGdProblem<S>&, const GlmGdInstance&); \
  template GdConstants<S> thm2_2_constants(const GlmGdProblem<S>&, const GlmGdInstance&); \
  template GdConstants<S> thm4_1_constants(const GlmGdProblem<S>&, const GlmGdInstance&); \
  template GdConstants<S> thm5_2_constants(const GlmGdProblem<S>&, const GlmGdInstance&);
THMCHECK_OS19_GD_INSTANTIATE(double)
THMCHECK_OS19_GD_INSTANTIATE(Mp50)
THMCHECK_OS19_GD_INSTANTIATE(Mp100)

}  // namespace thmcheck::os19
