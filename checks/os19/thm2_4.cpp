// os19 Theorem 2.4 (Section 2, proof in Section 9.3): the lower bound
//   (2.15) ||y - f(theta)|| + beta ||theta - theta0|| >= ||y - f(theta0)||
// for all theta in D under Assumption 1 (os19.thm2.4, on linear regression),
// and the two existence statements, checked on the construction of Section
// 9.3 (lib/os19/orthogonal_rows_instance.hpp): (2.16) a problem where the
// bound holds with alpha in place of beta (os19.thm2.4.ex16), and (2.17) one
// where GD from theta0 = 0 with a small step attains it with equality at every
// iterate (os19.thm2.4.ex17).
#include <fmt/format.h>

#include <algorithm>
#include <string>

#include "thmcheck/engine/registry.hpp"
#include "thmcheck/engine/typed_instance.hpp"
#include "thmcheck/models/linear_regression.hpp"
#include "thmcheck/numerics/linalg.hpp"
#include "thmcheck/os19/linear_regression_instance.hpp"
#include "thmcheck/os19/orthogonal_rows_instance.hpp"
#include "thmcheck/solvers/gradient_descent.hpp"

namespace thmcheck::checks {
namespace {

using os19::construction_hypothesis;

/// Higham's gamma_{k+2} = (k + 2) u / (1 - (k + 2) u), taken as (k + 2) u: the
/// relative error bound of a dot product or 2-norm of length k (Higham,
/// Accuracy and Stability, Thm 3.5 and eq. (3.4)); callers pass k = the
/// longest dot product involved and multiply by the magnitudes involved.
template <class S>
S rounding_gamma(Eigen::Index k) {
  return S(static_cast<double>(k + 2)) * unit_roundoff<S>();
}

/// A quantity computed with an a-priori error bound is labelled certified when
/// it clears that bound 1000-fold (the bounds are Higham-style first-order
/// bounds; the factor absorbs their unstated constants), estimated otherwise.
template <class S>
Evidence evidence_from_gap(const S& gap, const S& error_bound) {
  return abs(gap) > 1000 * error_bound ? Evidence::kCertified : Evidence::kEstimated;
}

// os19.thm2.4 — inequality (2.15) for linear regression.

template <class S>
Outcome evaluate_lower_bound(const os19::LowerBoundInstance& in) {
  using std::sqrt;
  Matrix<S> x = as_matrix<S>(in.x);
  const Eigen::Index n = x.rows(), p = x.cols();
  LinearRegression<S> model(x, as_vector<S>(in.y));
  const Vector<S> theta0 = as_vector<S>(in.theta0);
  const Vector<S> theta = as_vector<S>(in.theta);
  const S norm_x = spectral_norm(x);
  const bool beta_given = in.beta.has_value();
  const S beta = beta_given ? in.beta->as<S>() : norm_x;
  const S frob = x.norm();
  const S u = unit_roundoff<S>();
  // Error of the computed ||X||: Gram formation (gamma_{n+p} ||X||_F^2) plus a
  // backward-stable eigensolver (gamma_n ||X||_F^2), divided by 2 ||X||.
  const S norm_error = rounding_gamma<S>(n + p) * 2 * frob * frob / (2 * std::max(norm_x, frob * u));

  Outcome o;
  o.relation = Relation::kLessEqual;
  const S r0 = model.residual(theta0).norm();
  const S r = model.residual(theta).norm();
  const Vector<S> d = theta - theta0;
  const S dist = d.norm();
  o.measured = widen(r0);
  o.bound = widen(r + beta * dist);
  // Margin error: each residual norm carries gamma_{n+p} (||y|| + ||X||_F ||theta||);
  // the distance carries gamma_p (||theta|| + ||theta0||); beta carries
  // norm_error when it is computed.
  const S ynorm = model.labels().norm();
  const S residual_error0 = rounding_gamma<S>(n + p) * (ynorm + frob * theta0.norm());
  const S residual_error1 = rounding_gamma<S>(n + p) * (ynorm + frob * theta.norm());
  const S dist_error = rounding_gamma<S>(p) * (theta.norm() + theta0.norm());
  const S beta_error = beta_given ? S(0) : norm_error;
  o.error = widen(residual_error0 + residual_error1 + beta * dist_error + beta_error * dist);

  HypothesisCheck upper{"assumption1.upper", false, Evidence::kCertified, ""};
  if (!beta_given) {
    upper.holds = true;
    upper.detail = "beta := ||X|| (the Jacobian of a linear model is X everywhere)";
  } else {
    const S gap = beta - norm_x;
    upper.holds = gap >= 0;
    upper.evidence = evidence_from_gap(gap, norm_error);
    upper.detail = fmt::format("beta = {} vs ||X|| = {}", to_decimal(beta, 8), to_decimal(norm_x, 8));
  }
  HypothesisCheck lower{"assumption1.lower", false, Evidence::kCertified, ""};
  if (n > p) {
    lower.holds = false;
    lower.detail = fmt::format("n = {} > p = {}: sigma_min(X) = 0, no alpha > 0", n, p);
  } else {
    const S smin = smallest_singular_value(x);
    // JacobiSVD is accurate to about gamma_p ||X||_F in absolute terms.
    const S smin_error = rounding_gamma<S>(n + p) * frob;
    lower.holds = smin > 0;
    lower.evidence = evidence_from_gap(smin, smin_error);
    lower.detail = fmt::format("sigma_min(X) = {} (alpha may be any value in (0, sigma_min])",
                               to_decimal(smin, 6));
  }
  // J = X everywhere, so wherever Assumption 1 holds it holds on D = R^p: D
  // contains theta0, theta and the segment between them (used by the proof).
  const std::string d_detail = lower.holds ? "J = X is constant: Assumption 1 holds on D = R^p"
                                           : "Assumption 1 holds nowhere (sigma_min(X) = 0); D is empty";
  o.hypotheses = {upper, lower,
                  {"theta0.in.D", lower.holds, Evidence::kCertified, d_detail},
                  {"segment.in.D", lower.holds, Evidence::kCertified, d_detail}};
  o.details = {{"n", std::to_string(n)}, {"p", std::to_string(p)},
               {"||theta - theta0||", to_decimal(dist, 6)}};
  return o;
}

// os19.thm2.4.ex16 — the alpha-example (2.16) on the construction of Section 9.3.

template <class S>
Outcome evaluate_alpha_example(const os19::AlphaExampleInstance& in) {
  const S alpha = in.alpha.as<S>();
  const S beta = in.beta.as<S>();
  const Vector<S> norms = as_vector<S>(in.row_norms);
  const Eigen::Index n = in.rows(), p = in.cols();
  const Matrix<S> x = in.matrix<S>();
  // Section 9.3: theta* = gamma x_1 / ||x_1|| with gamma = beta / alpha,
  // y = X theta*, theta0 = 0.
  const S gamma_value = beta / alpha;
  const Vector<S> theta_star = gamma_value * x.row(0).transpose() / x.row(0).norm();
  LinearRegression<S> model(x, x * theta_star);
  Vector<S> theta = as_vector<S>(in.theta);
  if (in.theta_along_star) theta += in.theta_along_star->as<S>() * theta_star;
  const Vector<S> theta0 = Vector<S>::Zero(p);

  Outcome o;
  o.relation = Relation::kLessEqual;
  const S r0 = model.residual(theta0).norm();
  const S r = model.residual(theta).norm();
  o.measured = widen(r0);
  o.bound = widen(r + alpha * (theta - theta0).norm());
  // Rounding: building X (Householder then scaling: gamma_p relative per
  // entry, so ||X^ - X|| <= gamma_p ||X||_F), y = X theta*, the two residual
  // norms and ||theta||: each gamma_{n+p} times ||X||_F (gamma + ||theta||),
  // the magnitudes of the products involved (||X||_F <= sqrt(n) beta).
  const S frob = x.norm();
  const S scale = frob * (gamma_value + theta.norm()) + alpha * theta.norm();
  o.error = widen(S(4) * rounding_gamma<S>(n + p) * scale);
  o.hypotheses = {construction_hypothesis(alpha, beta, norms)};
  o.details = {{"n", std::to_string(n)}, {"p", std::to_string(p)},
               {"gamma", to_decimal(gamma_value, 6)}};
  return o;
}

// os19.thm2.4.ex17 — GD on the beta-example (2.17).

template <class S>
Outcome evaluate_gd_example(const os19::GdExampleInstance& in) {
  const S alpha = in.alpha.as<S>();
  const S beta = in.beta.as<S>();
  const Vector<S> norms = as_vector<S>(in.row_norms);
  const Eigen::Index n = in.rows(), p = in.cols();
  const Matrix<S> x = in.matrix<S>();
  // Section 9.3 takes gamma = beta / alpha; the identity holds for any gamma > 0.
  const S gamma_value = in.gamma ? in.gamma->as<S>() : S(beta / alpha);
  const S c = in.step_times_beta_squared.as<S>();
  const long iterations = in.iterations;
  // Section 9.3: theta* = gamma x_n / ||x_n||, y = X theta*, theta0 = 0.
  const Vector<S> theta_star = gamma_value * x.row(n - 1).transpose() / x.row(n - 1).norm();
  LinearRegression<S> model(x, x * theta_star);
  const S r0 = model.labels().norm();  // ||y - f(theta0)|| with theta0 = 0

  GradientDescentOptions<S> options;
  options.step = c / (beta * beta);
  options.max_iterations = iterations;
  // Rounding analysis (g = gamma_{n+p}, F = ||X||_F): the computed X differs
  // from the construction by at most g F; one GD step adds at most
  // g (||theta|| + c (F / beta) (||theta|| + gamma)) to the iterate, and the
  // step map is non-expansive for eta <= 2 / beta^2, so after k steps the
  // iterate is off by k times that; the left side then moves by at most
  // 2 beta times the iterate error, plus 4 g F (gamma + ||theta_k||) for the
  // construction, y and the two norms.
  const S g = rounding_gamma<S>(n + p);
  const S frob = x.norm();
  S max_theta = 0;
  // Report the iterate that is farthest from equality relative to its own
  // error bound (largest |gap| - error).
  S worst_excess = 0, worst_lhs = r0, worst_error = 4 * g * frob * gamma_value;
  long worst_iteration = 0;
  bool first = true;
  auto observer = [&](long k, const Vector<S>& theta) {
    const S norm_theta = theta.norm();
    max_theta = std::max(max_theta, norm_theta);
    const S lhs = model.residual(theta).norm() + beta * norm_theta;
    const S per_step = g * (max_theta + c * (frob / beta) * (max_theta + gamma_value));
    const S error = 2 * beta * per_step * S(static_cast<double>(k)) + 4 * g * frob * (gamma_value + norm_theta);
    const S excess = abs(lhs - r0) - error;
    if (first || excess > worst_excess) {
      first = false;
      worst_excess = excess;
      worst_lhs = lhs;
      worst_error = error;
      worst_iteration = k;
    }
    return false;
  };
  auto result = gradient_descent<S>(model, Vector<S>::Zero(p), options, observer);
  Outcome o;
  if (!result.ok()) {
    o.ok = false;
    o.message = "gradient descent: " + result.message;
    return o;
  }
  o.relation = Relation::kEqual;
  o.measured = widen(worst_lhs);
  o.bound = widen(r0);
  o.error = widen(worst_error);
  HypothesisCheck step{"step.small", c <= 1, Evidence::kCertified,
                       fmt::format("eta beta^2 = {} (Section 9.3 uses eta <= 1/beta^2)",
                                   to_decimal(c, 6))};
  o.hypotheses = {construction_hypothesis(alpha, beta, norms), step};
  o.details = {{"n", std::to_string(n)}, {"p", std::to_string(p)},
               {"worst iteration", std::to_string(worst_iteration)},
               {"iterations", std::to_string(iterations)}};
  return o;
}


}  // namespace

THMCHECK_REGISTER(os19_thm2_4) {
  {
    Claim c;
    c.id = "os19.thm2.4";
    c.paper = "os19";
    c.source = "Theorem 2.4, eq. (2.15)";
    c.summary = "||y - f(theta)|| + beta ||theta - theta0|| >= ||y - f(theta0)|| under Assumption 1";
    c.statement =
        "Suppose the Jacobian mapping associated with f obeys Assumption 1 over a set D around a "
        "point theta0. Then ||y - f(theta)||_2 + beta ||theta - theta0||_2 >= ||y - f(theta0)||_2 "
        "holds for all theta in D.   (2.15)";
    c.kind = ClaimKind::kExplicit;
    c.hypotheses = {
        {"assumption1.upper", "||J(theta)|| <= beta on D (Assumption 1, upper)"},
        {"assumption1.lower", "alpha <= sigma_min(J(theta)) with beta >= alpha > 0 (Assumption 1, lower)"},
        {"theta0.in.D", "theta0 lies in D (Assumption 1)"},
        {"segment.in.D", "the segment from theta0 to theta lies in D (used by the proof, Section 9.3)"}};
    c.measurement =
        "Linear regression f(theta) = X theta, so J = X and beta = ||X|| unless given. Measured: "
        "||y - X theta0||; bound: ||y - X theta|| + beta ||theta - theta0||.";
    c.generator_info = os19::kLowerBoundGeneratorInfo;
    c.notes =
        "Checked for linear f only (J = X, beta = ||X||), where (2.15) reduces to the triangle "
        "inequality; nonlinear models with certified Jacobian bounds are os19's issue. sigma_min(J) "
        "is read as the n-th singular value of the n x p Jacobian (sqrt of lambda_min(J J^T)), the "
        "reading the paper's proofs use (J J^T >= alpha^2 I): with n > p it is 0 and Assumption 1 "
        "fails. Hypotheses computed numerically are certified when they clear their rounding bound "
        "1000-fold, estimated otherwise.";
    c.default_cases = 300;
    set_instances<os19::LowerBoundInstance>(c, os19::lower_bound_generator(),
                                     []<class S>(const os19::LowerBoundInstance& in) { return evaluate_lower_bound<S>(in); });
    registry.add(std::move(c));
  }
  {
    Claim c;
    c.id = "os19.thm2.4.ex16";
    c.paper = "os19";
    c.source = "Theorem 2.4, eq. (2.16); construction in Section 9.3";
    c.summary = "a problem with ||y - f(theta)|| + alpha ||theta - theta0|| >= ||y - f(theta0)|| for all theta";
    c.statement =
        "For any alpha and beta obeying alpha, beta >= 0 and beta >= alpha, there exists a linear "
        "regression problem such that ||y - f(theta)||_2 + alpha ||theta - theta0||_2 >= "
        "||y - f(theta0)||_2 holds for all theta.   (2.16)";
    c.kind = ClaimKind::kExplicit;
    c.hypotheses = {{"assumption1", "X obeys Assumption 1 with these alpha, beta (beta >= alpha > 0)"}};
    c.measurement =
        "The Section 9.3 construction: X with orthogonal rows (a Householder reflection's rows "
        "scaled), ||x_1|| = alpha smallest, ||x_n|| = beta largest, theta* = gamma x_1/||x_1|| with "
        "gamma = beta/alpha, y = X theta*, theta0 = 0. Measured ||y||; bound ||y - X theta|| + "
        "alpha ||theta||.";
    c.generator_info = os19::kAlphaExampleGeneratorInfo;
    c.notes =
        "The statement allows alpha = 0, Assumption 1 requires alpha > 0, and the proof's "
        "construction (gamma = beta/alpha) needs alpha > 0; generators use alpha > 0.";
    c.default_cases = 200;
    set_instances<os19::AlphaExampleInstance>(c, os19::alpha_example_generator(),
                                     []<class S>(const os19::AlphaExampleInstance& in) { return evaluate_alpha_example<S>(in); });
    registry.add(std::move(c));
  }
  {
    Claim c;
    c.id = "os19.thm2.4.ex17";
    c.paper = "os19";
    c.source = "Theorem 2.4, eq. (2.17); construction in Section 9.3";
    c.summary = "GD from 0 keeps ||y - f(theta_t)|| + beta ||theta_t - theta0|| = ||y - f(theta0)||";
    c.statement =
        "For any alpha and beta obeying alpha, beta >= 0 and beta >= alpha, there also exists a "
        "linear regression problem where running gradient descent theta_{t+1} = theta_t - eta "
        "grad L(theta_t) from theta0 = 0 with a sufficiently small learning rate eta, all iterates "
        "obey ||y - f(theta_t)||_2 + beta ||theta_t - theta0||_2 = ||y - f(theta0)||_2.   (2.17)";
    c.kind = ClaimKind::kExplicit;
    c.hypotheses = {
        {"assumption1", "X obeys Assumption 1 with these alpha, beta (beta >= alpha > 0)"},
        {"step.small", "eta <= 1/beta^2 (the proof's 'sufficiently small')"}};
    c.measurement =
        "The Section 9.3 construction with theta* = gamma x_n/||x_n||, y = X theta*, GD from 0 "
        "with eta = c/beta^2. Every iterate is checked; the iterate farthest from equality relative "
        "to its own rounding bound is reported: measured ||y - X theta_t|| + beta ||theta_t||, "
        "bound ||y||.";
    c.generator_info = os19::kGdExampleGeneratorInfo;
    c.notes =
        "The statement allows alpha = 0, which Assumption 1 (beta >= alpha > 0) and the "
        "construction's row norms exclude; (2.17) itself does not involve alpha. The step condition "
        "eta <= 1/beta^2 is sharp: for eta beta^2 = c in (1, 2) the first iterate is c gamma along "
        "x_n and the left side is beta gamma (2c - 1) > beta gamma.";
    c.default_cases = 200;
    set_instances<os19::GdExampleInstance>(c, os19::gd_example_generator(),
                                     []<class S>(const os19::GdExampleInstance& in) { return evaluate_gd_example<S>(in); });
    registry.add(std::move(c));
  }
}

}  // namespace thmcheck::checks
