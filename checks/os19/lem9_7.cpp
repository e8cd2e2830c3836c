// os19 Lemma 9.7 (Section 9.2, proof in 9.2.2): for theta in P(theta0, R_zeta),
// 0 <= zeta <= alpha, and either Assumption 2(a) with eta <= 1/beta^2 or
// Assumption 2(b) with eta <= 1/beta^2 min(1, 2 (1 - lambda) alpha^2 /
// (L ||f(theta0) - y||)), the step theta+ = theta - eta grad L(theta) obeys
//   C(theta) := J(theta+, theta) J(theta)^T >= lambda J(theta) J(theta)^T,
// read as quadratic forms (C is not symmetric; the proof compares x^T C x).
// One claim per alternative hypothesis: os19.lem9.7.a and os19.lem9.7.b.
// Measured lambda against kappa = min_x x^T C x / x^T J J^T x, on GLMs, where
// the average Jacobian is exact: J(theta+, theta) = diag(a) X with a_i the
// divided difference of phi (lib/os19/one_step.hpp).
#include <fmt/format.h>

#include <algorithm>

#include "thmcheck/engine/registry.hpp"
#include "thmcheck/engine/typed_instance.hpp"
#include "thmcheck/os19/one_step_setup.hpp"

namespace thmcheck::checks {
namespace {

template <class S>
Outcome evaluate_lemma9_7(const os19::OneStepInstance& in, os19::OneStepUse use) {
  using std::abs;
  os19::OneStepSetup<S> s = os19::one_step_setup<S>(in, use);
  const Matrix<S>& x = s.model.features();
  const os19::Activation<S>& phi = s.model.activation();
  const S alpha = s.ball.alpha, beta = s.ball.beta;
  if (use == os19::OneStepUse::kLemma97a) {
    const S allowed = (1 - s.lambda) * alpha * alpha / beta;
    s.hypotheses.push_back(
        {"assumption2a", alpha > 0 && s.ball.deviation <= allowed, Evidence::kCertified,
         fmt::format("||J(t2) - J(t1)|| <= {} on D vs (1 - lambda) alpha^2/beta = {}; when this sufficient bound "
                     "fails the case counts outside", to_decimal(s.ball.deviation, 8), to_decimal(allowed, 8))});
  } else {
    s.hypotheses.push_back({"assumption2b", true, Evidence::kCertified,
                            fmt::format("L = {} on D (max |phi''| ||X||_2,inf ||X||)", to_decimal(s.ball.lipschitz, 8))});
  }
  Outcome o;
  o.relation = Relation::kLessEqual;
  const Vector<S> z = x * s.theta, w = x * s.theta_plus;
  const os19::AverageSlopes<S> avg = os19::glm_average_slopes(phi, z, w);
  Vector<S> slopes(z.size());
  for (Eigen::Index i = 0; i < z.size(); ++i) slopes(i) = phi.derivative(z(i));
  const Matrix<S> j = slopes.asDiagonal() * x;
  const Matrix<S> jbar = avg.a.asDiagonal() * x;
  const Matrix<S> c = jbar * j.transpose();
  const Matrix<S> csym = (c + c.transpose()) / S(2);
  const Matrix<S> g = j * j.transpose();
  const os19::GeneralizedMin<S> kappa = os19::generalized_min_eigenvalue(csym, g);
  if (!kappa.ok) {
    o.ok = false;
    o.message = "J(theta) J(theta)^T is not positive definite at this precision (Cholesky failed)";
    o.hypotheses = s.hypotheses;
    return o;
  }
  o.measured = widen(s.lambda);
  o.bound = widen(kappa.value);
  // Error of kappa: perturbing C by E_C and G by E_G moves it by at most
  // (||E_C|| + |kappa| ||E_G||)/lambda_min(G) (first order). E_C: the slopes'
  // error max_i |da_i| ||X|| ||J|| plus rounding gamma ||Jbar||_F ||J||_F; E_G:
  // gamma ||J||_F^2; Cholesky and the eigensolver add gamma (||C|| + |kappa| ||G||).
  const S jf = j.norm(), jbf = jbar.norm(), xn = x.norm();
  // lambda_min(J J^T) = min_x x^T G x / x^T x.
  const S gmin = os19::generalized_min_eigenvalue(g, Matrix<S>(Matrix<S>::Identity(g.rows(), g.cols()))).value;
  const S kabs = abs(kappa.value);
  o.error = widen(S((avg.error * xn * jf + 2 * s.gamma * (jbf * jf + kabs * jf * jf)) / gmin));
  o.hypotheses = s.hypotheses;
  o.details = {{"n", std::to_string(s.model.samples())},
               {"p", std::to_string(s.model.parameters())},
               {"phi", phi.describe()},
               {"eta beta^2", to_decimal(S(s.eta * beta * beta), 8)},
               {"potential / R_zeta", s.radius > 0 ? to_decimal(S(s.potential / s.radius), 12) : "-"},
               {"lambda_min(J J^T)", to_decimal(gmin, 8)},
               {"alpha^2", to_decimal(S(alpha * alpha), 8)}};
  return o;
}

ClaimInfo lemma9_7_info(bool part_a) {
  const std::string common =
      "Consider a point theta in R^p and the result of a gradient update theta+ = theta - eta grad L(theta) starting "
      "from theta. Suppose Assumption 1 and one of the following two statements hold over D = B(theta0, ||f(theta0) - "
      "y||/zeta) for a zeta obeying 0 <= zeta <= alpha: Assumption 2(a) holds over D and eta <= 1/beta^2; Assumption "
      "2(b) holds over D and eta <= 1/beta^2 min(1, 2(1 - lambda) alpha^2/(L ||f(theta0) - y||)). Then for all theta "
      "in P(theta0, ||f(theta0) - y||/zeta), C(theta) := J(theta+, theta) J(theta)^T >= lambda J(theta) J(theta)^T.";
  ClaimInfo c{
      .id = part_a ? "os19.lem9.7.a" : "os19.lem9.7.b",
      .paper = "os19",
      .source = part_a ? "Lemma 9.7 (Section 9.2), first alternative: Assumption 2(a)"
                       : "Lemma 9.7 (Section 9.2), second alternative: Assumption 2(b)",
      .statement = common,
      .summary = part_a ? "bounded Jacobian deviation, eta <= 1/beta^2: J(theta+, theta) J(theta)^T >= lambda J J^T"
                        : "Lipschitz Jacobian, eta <= min(1, 2(1-lambda) alpha^2/(L ||r0||))/beta^2: C >= lambda J J^T",
      .kind = ClaimKind::kExplicit,
      .hypotheses = {{"assumption1", "alpha <= sigma_min(J) <= ||J|| <= beta over D, beta >= alpha > 0"},
                     {"zeta", "0 < zeta <= alpha (zeta = 0 leaves P undefined, Definition 9.4)"},
                     {"step", part_a ? "eta <= 1/beta^2" : "eta <= 1/beta^2 min(1, 2(1 - lambda) alpha^2/(L ||r0||))"},
                     {"lambda", "0 <= lambda <= 1"},
                     {"theta.in.P", "theta in P(theta0, R_zeta)"},
                     part_a ? HypothesisSpec{"assumption2a", "||J(t2) - J(t1)|| <= (1 - lambda) alpha^2/beta on D"}
                            : HypothesisSpec{"assumption2b", "||J(t2) - J(t1)|| <= L ||t2 - t1|| on D"}},
      .measurement = "lambda against kappa = min_x x^T C(theta) x / x^T J(theta) J(theta)^T x (C >= lambda J J^T as "
                     "quadratic forms <=> lambda <= kappa)",
      .generator_info = os19::kOneStepGeneratorInfo,
      .instance_schema = {},
      .notes =
          std::string("GLMs f = phi(X theta): J(theta+, theta) = diag(a) X exactly, a_i = (phi(w_i) - phi(z_i))/(w_i - "
                      "z_i) (Definition 9.1 integrates phi' along the segment). alpha, beta, L and the deviation are "
                      "certified over D = B(theta0, R_zeta) from the ranges of phi', |phi''| on the intervals x_i^T "
                      "theta0 +- ||x_i|| R_zeta (glm_ball_constants, lib/os19/local_bounds.hpp); ") +
          (part_a ? "Assumption 2(a) is certified by ||J(a) - J(b)|| <= max_i (range of phi' on I_i) ||X||, a "
                    "sufficient bound: when it fails the case counts outside. lambda is drawn at the largest value "
                    "this certificate allows. "
                  : "lambda in [0, 1] is free; L = max_i max |phi''(I_i)| ||X||_{2,inf} ||X||. ") +
          "For phi = identity C = J J^T and kappa = 1, so the bound is tight at lambda = 1 only; for nonlinear phi "
          "the certified constants are worst cases over D, which leaves slack (kappa above lambda): the check "
          "exercises the lemma inside its hypotheses, it cannot reach a tight nonlinear case. '>=' is read "
          "as x^T C x >= lambda x^T J J^T x for all x (how the proof and Lemma 9.6 use it; C is not symmetric). "
          "Error: first-order perturbation of the generalized eigenvalue, (||E_C|| + |kappa| ||E_G||)/lambda_min(J J^T), "
          "with the slopes' error bound and 8 (n + p + 10) u rounding; the engine recomputes at 50 and 100 digits.",
      .proof_note = {},
      .default_cases = 200,
  };
  return c;
}

}  // namespace

THMCHECK_REGISTER(os19_lem9_7) {
  registry.add(typed_claim<os19::OneStepInstance>(
      lemma9_7_info(true), os19::one_step_generator(os19::OneStepUse::kLemma97a),
      []<class S>(const os19::OneStepInstance& in) { return evaluate_lemma9_7<S>(in, os19::OneStepUse::kLemma97a); }));
  registry.add(typed_claim<os19::OneStepInstance>(
      lemma9_7_info(false), os19::one_step_generator(os19::OneStepUse::kLemma97b),
      []<class S>(const os19::OneStepInstance& in) { return evaluate_lemma9_7<S>(in, os19::OneStepUse::kLemma97b); }));
}

}  // namespace thmcheck::checks
