// Claims of Oymak & Soltanolkotabi (2019), "Overparameterized nonlinear
// learning: gradient descent takes the shortest path?" (os19).
//
// Theorem 2.4 (Section 2, proof in Section 9.3):
//   (2.15) ||y - f(theta)|| + beta ||theta - theta0|| >= ||y - f(theta0)||
//          for all theta in D, under Assumption 1 over D;
//   (2.16) for any beta >= alpha there is a linear regression problem with
//          ||y - f(theta)|| + alpha ||theta - theta0|| >= ||y - f(theta0)|| for all theta;
//   (2.17) and one where GD from theta0 = 0 with a sufficiently small step keeps
//          ||y - f(theta_t)|| + beta ||theta_t - theta0|| = ||y - f(theta0)||.
// The existence statements are checked on the construction of Section 9.3.
//
// Gradient descent on GLM instances f = phi(X theta) (phi from the family of
// lib/os19/activation.hpp; identity = linear regression), with alpha, beta, L
// certified on all of R^p (lib/os19/jacobian_bounds.hpp), every iterate
// checked, the worst reported:
//   os19.thm2.1.{rate,potential,path}      (2.3) (2.4) (2.5)
//   os19.cor2.3.{distance,path}            (2.9) (2.10), theta* = closest optimum
//   os19.thm9.3.rate                       (9.2), general lambda
//   os19.thm9.3.{potential,distance,path}  (2.12) (2.13) (2.14) as printed in
//       Section 2, with .as-proved siblings (9.3) (9.5) (9.6) (coefficient
//       zeta = (lambda - eta beta^2/2) alpha instead of alpha), and
//   os19.thm9.3.path.residual              (9.4)
//   os19.thm2.2                            conditions at theta0 only (+ (2.6))
//   os19.thm4.1.{rate,path}                (4.2) (4.3)
//   os19.thm5.2.{rate,potential,path}      (5.1)-(5.3), mu = alpha^2, certified smoothness
//   os19.cor5.3.{distance,path}            (5.4) (5.5)
// One-hidden-layer network (Theorem 4.3): os19.thm4.3.{rate,potential} as
// printed ((4.7), (4.8), step without M) and .as-proved (Theorem 2.1's step
// and rate, Section 9.7).
// SGD (Theorem 3.1): os19.thm3.1.stay (frequency: never leaves D) and
// os19.thm3.1.expectation ((3.2), Monte Carlo).
// Low-rank regression (Theorem 4.2): os19.thm4.2, the exponent of r in the
// geometric rate (scaling claim).
#include <fmt/format.h>
#include <rapidcheck.h>

#include <cmath>
#include <functional>
#include <limits>

#include "checks/catalog.hpp"
#include "thmcheck/engine/registry.hpp"
#include "thmcheck/generators/random_data.hpp"
#include "thmcheck/models/linear_regression.hpp"
#include "thmcheck/numerics/linalg.hpp"
#include "thmcheck/solvers/gradient_descent.hpp"
#include "thmcheck/os19/activation.hpp"
#include "thmcheck/os19/closest_optimum.hpp"
#include "thmcheck/os19/jacobian_bounds.hpp"
#include "thmcheck/os19/models.hpp"
#include "thmcheck/os19/sgd.hpp"
#include "thmcheck/os19/trajectory.hpp"

namespace thmcheck::checks {
namespace {

// ---------------------------------------------------------------------------
// Shared pieces.

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

/// The orthogonal-rows construction of os19 Section 9.3: X = diag(norms) H[0:n,:]
/// with H = I - 2 v v^T / v^T v a Householder reflection from an integer vector
/// v of length p. Rows are orthogonal with the given norms (up to rounding at
/// the working precision).
template <class S>
Matrix<S> orthogonal_rows(const Vector<S>& norms, const Vector<S>& v) {
  Matrix<S> h = householder_reflection(v);
  return norms.asDiagonal() * h.topRows(norms.size());
}

/// Validates the orthogonal-rows construction fields of (2.16)/(2.17).
void validate_construction(const Json& j) {
  const Eigen::Index p = vector_length(j, "householder");
  const Eigen::Index n = vector_length(j, "row_norms");
  if (p < 1) throw InputError("field 'householder': must have length p >= 1");
  if (n < 1 || n > p) {
    throw InputError(fmt::format("field 'row_norms': length {} must be in [1, p = {}]", n, p));
  }
  Vector<double> norms = read_vector<double>(j, "row_norms");
  read_vector<double>(j, "householder");
  read_real<double>(j, "alpha");
  read_real<double>(j, "beta");
  for (Eigen::Index i = 0; i < n; ++i) {
    if (!(norms(i) > 0)) throw InputError(fmt::format("field 'row_norms'[{}]: must be positive", i));
  }
}

/// Checks "beta >= alpha > 0 and the row norms lie in [alpha, beta], first =
/// alpha, last = beta": then Assumption 1 holds with (alpha, beta) because the
/// singular values of a matrix with orthogonal rows are its row norms.
template <class S>
HypothesisCheck construction_hypothesis(const S& alpha, const S& beta, const Vector<S>& norms) {
  HypothesisCheck h{"assumption1", false, Evidence::kCertified, ""};
  const Eigen::Index n = norms.size();
  bool ok = alpha > 0 && beta >= alpha;
  for (Eigen::Index i = 0; i < n; ++i) ok = ok && norms(i) >= alpha && norms(i) <= beta;
  ok = ok && norms(0) == alpha && norms(n - 1) == beta;
  h.holds = ok;
  h.detail = fmt::format("orthogonal rows with norms in [alpha, beta] = [{}, {}], ||x_1|| = alpha, "
                         "||x_n|| = beta: sigma(X) = row norms, so alpha <= sigma_min <= ||X|| <= beta",
                         to_decimal(alpha, 6), to_decimal(beta, 6));
  return h;
}

/// Draws the (alpha, beta, row norms, Householder vector) of the construction.
struct ConstructionParams {
  int n;
  int p_extra;
  int alpha_exp;       // alpha = 10^(alpha_exp/2)
  int ratio_exp;       // beta / alpha = 10^(ratio_exp/4)
  std::uint64_t seed;  // row norms in between and the Householder vector
};

rc::Gen<ConstructionParams> construction_params() {
  return rc::gen::build<ConstructionParams>(
      rc::gen::set(&ConstructionParams::n, rc::gen::inRange(1, 31)),
      rc::gen::set(&ConstructionParams::p_extra, rc::gen::inRange(0, 171)),
      rc::gen::set(&ConstructionParams::alpha_exp, rc::gen::inRange(-8, 7)),
      rc::gen::set(&ConstructionParams::ratio_exp, rc::gen::inRange(0, 17)),
      rc::gen::set(&ConstructionParams::seed, rc::gen::arbitrary<std::uint64_t>()));
}

Json construction_json(const ConstructionParams& c, RandomSource& rng) {
  const int n = c.n;
  const int p = c.n + c.p_extra;
  const double alpha = std::pow(10.0, c.alpha_exp / 2.0);
  // With one row, that row is both the smallest (alpha) and the largest (beta).
  const double beta = n == 1 ? alpha : alpha * std::pow(10.0, c.ratio_exp / 4.0);
  Json j;
  j["alpha"] = short_decimal(alpha, 6);
  j["beta"] = short_decimal(beta, 6);
  const double alpha6 = std::stod(j["alpha"].get<std::string>());
  const double beta6 = std::stod(j["beta"].get<std::string>());
  Json norms = Json::array();
  for (int i = 0; i < n; ++i) {
    if (i == 0) {
      norms.push_back(j["alpha"]);
    } else if (i == n - 1) {
      norms.push_back(j["beta"]);
    } else {
      // log-uniform in [alpha, beta], rounded to 6 digits and clamped inside.
      double r = alpha6 * std::pow(beta6 / alpha6, rng.uniform());
      std::string s = short_decimal(r, 6);
      double rs = std::stod(s);
      if (rs < alpha6) s = j["alpha"].get<std::string>();
      if (rs > beta6) s = j["beta"].get<std::string>();
      norms.push_back(s);
    }
  }
  j["row_norms"] = norms;
  Json v = Json::array();
  for (int i = 0; i < p; ++i) v.push_back(rng.integer(-9, 9));
  if (std::all_of(v.begin(), v.end(), [](const Json& x) { return x.get<int>() == 0; })) v[0] = 1;
  j["householder"] = v;
  return j;
}

// ---------------------------------------------------------------------------
// os19.thm2.4 — inequality (2.15) for linear regression.

struct LowerBoundParams {
  int n;
  int p_offset;        // p = max(1, n + p_offset); negative offsets give n > p
  int log_condition;   // kappa(X) = 10^(log_condition / 2)
  int log_scale;       // ||X|| about 10^(log_scale / 2)
  int distance_exp;    // ||theta - theta0|| = 10^(distance_exp / 2)
  int direction_mode;  // 0 random; 1 top right singular vector; 2 same, residual aligned (tight)
  int beta_mode;       // 0 beta = ||X|| (computed); 1 beta given above ||X||; 2 given below (out of hypothesis)
  std::uint64_t seed;
};

rc::Gen<Json> lower_bound_generator() {
  auto params = rc::gen::build<LowerBoundParams>(
      rc::gen::set(&LowerBoundParams::n, rc::gen::inRange(1, 41)),
      rc::gen::set(&LowerBoundParams::p_offset, rc::gen::inRange(-3, 461)),
      rc::gen::set(&LowerBoundParams::log_condition, rc::gen::inRange(0, 17)),
      rc::gen::set(&LowerBoundParams::log_scale, rc::gen::inRange(-6, 7)),
      rc::gen::set(&LowerBoundParams::distance_exp, rc::gen::inRange(-16, 7)),
      rc::gen::set(&LowerBoundParams::direction_mode, rc::gen::inRange(0, 3)),
      rc::gen::set(&LowerBoundParams::beta_mode,
                   rc::gen::weightedElement<int>({{6, 0}, {2, 1}, {2, 2}})),
      rc::gen::set(&LowerBoundParams::seed, rc::gen::arbitrary<std::uint64_t>()));
  return rc::gen::map(params, [](const LowerBoundParams& q) {
    RandomSource rng(q.seed);
    const int n = q.n;
    const int p = std::max(1, q.n + q.p_offset);
    Matrix<double> x = matrix_with_condition(n, p, std::pow(10.0, q.log_condition / 2.0), rng) *
                       std::pow(10.0, q.log_scale / 2.0);
    // Round X to 17 digits first: the instance is the decimal matrix.
    Json j;
    Matrix<double> xr(n, p);
    Json rows = Json::array();
    for (int i = 0; i < n; ++i) {
      Json row = Json::array();
      for (int k = 0; k < p; ++k) {
        std::string s = short_decimal(x(i, k));
        xr(i, k) = std::stod(s);
        row.push_back(s);
      }
      rows.push_back(row);
    }
    j["X"] = rows;
    Vector<double> theta0 = gaussian_vector(p, rng);
    Vector<double> d;
    if (q.direction_mode == 0) {
      d = random_unit_vector(p, rng);
    } else {
      Eigen::JacobiSVD<Matrix<double>> svd(xr, Eigen::ComputeFullV);
      d = svd.matrixV().col(0);
    }
    const double t = std::pow(10.0, q.distance_exp / 2.0);
    Vector<double> y;
    if (q.direction_mode == 2) {
      // y - X theta0 = R X d / ||X d|| with R > t ||X d||: moving along d shrinks
      // the residual as fast as beta allows, so (2.15) is tight.
      Vector<double> xd = xr * d;
      const double r = 2.0 * t * xd.norm() + 1.0;
      y = xr * theta0 + r * xd / std::max(xd.norm(), 1e-300);
    } else {
      y = xr * theta0 + gaussian_vector(n, rng);
    }
    Vector<double> theta = theta0 + t * d;
    j["y"] = vector_to_json<double>(y);
    j["theta0"] = vector_to_json<double>(theta0);
    j["theta"] = vector_to_json<double>(theta);
    if (q.beta_mode != 0) {
      const double norm = spectral_norm<double>(xr);
      // Given above ||X|| by at least 1e-4 relative, so rounding to 6 digits
      // (at most 5e-6 relative) keeps it above.
      const double factor = q.beta_mode == 1 ? 1.0 + rng.uniform(1e-4, 1.0) : rng.uniform(0.5, 0.999);
      j["beta"] = short_decimal(norm * factor, 6);
    }
    return j;
  });
}

void validate_lower_bound(const Json& j) {
  auto [n, p] = matrix_shape(j, "X");
  read_matrix<double>(j, "X");
  read_vector<double>(j, "y", n);
  read_vector<double>(j, "theta0", p);
  read_vector<double>(j, "theta", p);
  if (has_field(j, "beta")) {
    if (!(read_real<double>(j, "beta") >= 0)) throw InputError("field 'beta': must be >= 0");
  }
}

template <class S>
Outcome evaluate_lower_bound(const Json& j) {
  using std::sqrt;
  Matrix<S> x = read_matrix<S>(j, "X");
  const Eigen::Index n = x.rows(), p = x.cols();
  LinearRegression<S> model(x, read_vector<S>(j, "y", n));
  const Vector<S> theta0 = read_vector<S>(j, "theta0", p);
  const Vector<S> theta = read_vector<S>(j, "theta", p);
  const S norm_x = spectral_norm(x);
  const bool beta_given = has_field(j, "beta");
  const S beta = beta_given ? read_real<S>(j, "beta") : norm_x;
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

// ---------------------------------------------------------------------------
// os19.thm2.4.ex16 — the alpha-example (2.16) on the construction of Section 9.3.

struct AlphaExampleParams {
  ConstructionParams construction;
  int theta_mode;  // 0 random; 1 t theta*; 2 theta* + small noise
  int scale_exp;   // size of theta relative to gamma: 10^(scale_exp/4)
  std::uint64_t seed;
};

rc::Gen<Json> alpha_example_generator() {
  auto params = rc::gen::build<AlphaExampleParams>(
      rc::gen::set(&AlphaExampleParams::construction, construction_params()),
      rc::gen::set(&AlphaExampleParams::theta_mode, rc::gen::inRange(0, 3)),
      rc::gen::set(&AlphaExampleParams::scale_exp, rc::gen::inRange(-12, 9)),
      rc::gen::set(&AlphaExampleParams::seed, rc::gen::arbitrary<std::uint64_t>()));
  return rc::gen::map(params, [](const AlphaExampleParams& q) {
    RandomSource rng(q.seed);
    RandomSource crng(q.construction.seed);
    Json j = construction_json(q.construction, crng);
    const int p = q.construction.n + q.construction.p_extra;
    // theta is given relative to gamma e1-direction only loosely: the claim
    // builds theta* itself; here we draw theta of size 10^(scale/4) * gamma.
    const double alpha = std::stod(j["alpha"].get<std::string>());
    const double beta = std::stod(j["beta"].get<std::string>());
    const double gamma_value = beta / alpha;
    const double size = gamma_value * std::pow(10.0, q.scale_exp / 4.0);
    Json theta;
    if (q.theta_mode == 0) {
      theta = vector_to_json<double>(Vector<double>(size * random_unit_vector(p, rng)));
    } else {
      j["theta_along_star"] = short_decimal(std::pow(10.0, q.scale_exp / 4.0), 6);
      if (q.theta_mode == 2) {
        theta = vector_to_json<double>(Vector<double>(1e-8 * size * random_unit_vector(p, rng)));
      } else {
        theta = vector_to_json<double>(Vector<double>(Vector<double>::Zero(p)));
      }
    }
    j["theta"] = theta;
    return j;
  });
}

void validate_alpha_example(const Json& j) {
  validate_construction(j);
  const Eigen::Index p = vector_length(j, "householder");
  read_vector<double>(j, "theta", p);
  if (has_field(j, "theta_along_star")) read_real<double>(j, "theta_along_star");
}

template <class S>
Outcome evaluate_alpha_example(const Json& j) {
  const S alpha = read_real<S>(j, "alpha");
  const S beta = read_real<S>(j, "beta");
  const Vector<S> norms = read_vector<S>(j, "row_norms");
  const Vector<S> v = read_vector<S>(j, "householder");
  const Eigen::Index n = norms.size(), p = v.size();
  const Matrix<S> x = orthogonal_rows(norms, v);
  // Section 9.3: theta* = gamma x_1 / ||x_1|| with gamma = beta / alpha,
  // y = X theta*, theta0 = 0.
  const S gamma_value = beta / alpha;
  const Vector<S> theta_star = gamma_value * x.row(0).transpose() / x.row(0).norm();
  LinearRegression<S> model(x, x * theta_star);
  Vector<S> theta = read_vector<S>(j, "theta", p);
  if (has_field(j, "theta_along_star")) theta += read_real<S>(j, "theta_along_star") * theta_star;
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

// ---------------------------------------------------------------------------
// os19.thm2.4.ex17 — GD on the beta-example (2.17).

struct GdExampleParams {
  ConstructionParams construction;
  int gamma_mode;      // 0: gamma = beta/alpha as in Section 9.3 (field omitted); 1: free
  int gamma_exp;       // free gamma = 10^(gamma_exp / 2)
  int step_mode;       // 0..2: eta beta^2 = 10^(step_exp/4) in [1e-8, 1]; 3: 1 + overshoot/1000 in (1, 2)
  int step_exp;
  int overshoot;
  int horizon;         // iterations = min(5000, horizon / (eta beta^2)) inside; 1..200 outside
};

rc::Gen<Json> gd_example_generator() {
  auto params = rc::gen::build<GdExampleParams>(
      rc::gen::set(&GdExampleParams::construction, construction_params()),
      rc::gen::set(&GdExampleParams::gamma_mode, rc::gen::inRange(0, 2)),
      rc::gen::set(&GdExampleParams::gamma_exp, rc::gen::inRange(-6, 7)),
      rc::gen::set(&GdExampleParams::step_mode, rc::gen::inRange(0, 4)),
      rc::gen::set(&GdExampleParams::step_exp, rc::gen::inRange(-32, 1)),
      rc::gen::set(&GdExampleParams::overshoot, rc::gen::inRange(1, 1000)),
      rc::gen::set(&GdExampleParams::horizon, rc::gen::inRange(1, 11)));
  return rc::gen::map(params, [](const GdExampleParams& q) {
    RandomSource crng(q.construction.seed);
    Json j = construction_json(q.construction, crng);
    if (q.gamma_mode == 1) j["gamma"] = short_decimal(std::pow(10.0, q.gamma_exp / 2.0), 6);
    long iterations;
    if (q.step_mode < 3) {
      const std::string c = short_decimal(std::pow(10.0, q.step_exp / 4.0), 6);
      j["step_times_beta_squared"] = c;
      // Long enough to get within e^-horizon of theta*, capped for cost.
      iterations = static_cast<long>(std::min(5000.0, std::ceil(q.horizon / std::stod(c))));
    } else {
      j["step_times_beta_squared"] = short_decimal(1.0 + q.overshoot / 1000.0, 6);
      iterations = 20L * q.horizon;
    }
    j["iterations"] = iterations;
    return j;
  });
}

void validate_gd_example(const Json& j) {
  validate_construction(j);
  if (has_field(j, "gamma") && !(read_real<double>(j, "gamma") > 0)) {
    throw InputError("field 'gamma': must be positive");
  }
  if (!(read_real<double>(j, "step_times_beta_squared") > 0)) {
    throw InputError("field 'step_times_beta_squared': must be positive");
  }
  read_integer(j, "iterations", 0, 1000000);
}

template <class S>
Outcome evaluate_gd_example(const Json& j) {
  const S alpha = read_real<S>(j, "alpha");
  const S beta = read_real<S>(j, "beta");
  const Vector<S> norms = read_vector<S>(j, "row_norms");
  const Vector<S> v = read_vector<S>(j, "householder");
  const Eigen::Index n = norms.size(), p = v.size();
  const Matrix<S> x = orthogonal_rows(norms, v);
  // Section 9.3 takes gamma = beta / alpha; the identity holds for any gamma > 0.
  const S gamma_value = has_field(j, "gamma") ? read_real<S>(j, "gamma") : beta / alpha;
  const S c = read_real<S>(j, "step_times_beta_squared");
  const long iterations = static_cast<long>(read_integer(j, "iterations", 0, 1000000));
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


// ===========================================================================
// Gradient descent on GLM instances f(theta) = phi(X theta) (linear
// regression is phi = identity): Theorems 2.1, 2.2, 9.3 (and its Section 2
// forms (2.12)-(2.14)), 4.1, 5.2 and Corollaries 2.3, 5.3. One instance
// schema, one recorded run per instance, every iterate checked; the Outcome
// reports the worst iterate.

/// Which step-size rule (and constants) an instance's eta_fraction refers to.
enum class StepRule {
  kThm21,  ///< eta <= 1/(2 beta^2) min(1, alpha^2/(L ||r0||))       (Theorem 2.1, case (b))
  kThm93,  ///< eta <= 1/beta^2 min(lambda, 2(1-lambda) alpha^2/(L ||r0||)) (Theorem 9.3 (b))
  kThm22,  ///< eta <= 1/(2 beta^2), alpha, beta from J(theta0)      (Theorem 2.2)
  kThm41,  ///< eta <= 1/(||X||^2 Gamma^2)                           (Theorem 4.1)
  kThm52,  ///< eta <= 1/L_smooth                                    (Theorem 5.2)
};

/// The claims evaluated on a GLM gradient-descent run.
enum class GdClaim {
  kRate21, kPotential21, kPath21,      // (2.3) (2.4) (2.5)
  kDistance23, kPath23,                // (2.9) (2.10)
  kRate93, kPotential93, kPotential93Proved, kDistance93, kDistance93Proved,
  kPath93, kPath93Proved, kPathResidual93,  // (9.2) (2.12)/(9.3) (2.13)/(9.5) (2.14)/(9.6) (9.4)
  kAll22,                              // Theorem 2.2: (2.3)-(2.5) with alpha, beta from theta0
  kDistanceRate41, kPath41,            // (4.2) (4.3)
  kRate52, kPotential52, kPath52,      // (5.1) (5.2) (5.3)
  kDistance53, kPath53,                // (5.4) (5.5)
};

StepRule step_rule(GdClaim c) {
  switch (c) {
    case GdClaim::kRate21: case GdClaim::kPotential21: case GdClaim::kPath21:
    case GdClaim::kDistance23: case GdClaim::kPath23:
      return StepRule::kThm21;
    case GdClaim::kAll22: return StepRule::kThm22;
    case GdClaim::kDistanceRate41: case GdClaim::kPath41: return StepRule::kThm41;
    case GdClaim::kRate52: case GdClaim::kPotential52: case GdClaim::kPath52:
    case GdClaim::kDistance53: case GdClaim::kPath53:
      return StepRule::kThm52;
    default: return StepRule::kThm93;
  }
}

bool needs_optimum(GdClaim c) {
  switch (c) {
    case GdClaim::kDistance23: case GdClaim::kPath23: case GdClaim::kDistance93:
    case GdClaim::kDistance93Proved: case GdClaim::kPath93: case GdClaim::kPath93Proved:
    case GdClaim::kDistanceRate41: case GdClaim::kPath41: case GdClaim::kDistance53:
    case GdClaim::kPath53:
      return true;
    default: return false;
  }
}

constexpr const char* kGlmInstanceSchema =
    "{\"X\": n x p array of rows (n <= p, full row rank), \"y\": [n], \"phi\": "
    "{\"name\": \"identity\"} | {\"name\": \"tanh_plus\", \"c\": c > -1} | "
    "{\"name\": \"leaky_softplus\", \"a\": a in (0, 1]}, \"theta0\": [p], and either \"eta\": "
    "step size or \"eta_fraction\": step as a fraction of the theorem's limit (computed from the "
    "certified constants), \"iterations\": T in [1, 100000] (iterates 0..T are checked), "
    "\"lambda\": in (0, 1] (Theorem 9.3 claims only; default 0.5)}. Reals as JSON numbers or "
    "decimal strings.";

struct GlmGdParams {
  int large;  // 1: n in [50, 150], p = n + [0, 100], T <= 30 (10% of cases)
  int n;
  int p_extra;
  int log_cond;     // kappa(X) = 10^(log_cond / 4) in [1, 1e4]
  int log_scale;    // ||X|| = 10^(log_scale / 4)
  int phi_kind;     // 0 identity, 1 tanh_plus, 2 leaky_softplus
  int phi_param;    // c = -0.9 + 0.195 k (k in 0..20), a = (k + 1)/21
  int start_mode;   // 0 near a solution, 1 far (large theta0 and y), 2 theta0 = 0
  int start_exp;
  int step_mode;    // 0 at the limit, 1 below it, 2 above it (outside the hypothesis)
  int step_param;   // permille
  int iterations;
  int lambda_tenths;
  std::uint64_t seed;
};

rc::Gen<Json> glm_gd_generator(bool with_lambda) {
  auto params = rc::gen::build<GlmGdParams>(
      rc::gen::set(&GlmGdParams::large, rc::gen::weightedElement<int>({{9, 0}, {1, 1}})),
      rc::gen::set(&GlmGdParams::n, rc::gen::oneOf(rc::gen::inRange(1, 6), rc::gen::inRange(1, 31))),
      rc::gen::set(&GlmGdParams::p_extra,
                   rc::gen::oneOf(rc::gen::inRange(0, 4), rc::gen::inRange(0, 61))),
      rc::gen::set(&GlmGdParams::log_cond, rc::gen::inRange(0, 17)),
      rc::gen::set(&GlmGdParams::log_scale, rc::gen::inRange(-4, 5)),
      rc::gen::set(&GlmGdParams::phi_kind, rc::gen::weightedElement<int>({{3, 0}, {4, 1}, {3, 2}})),
      rc::gen::set(&GlmGdParams::phi_param, rc::gen::inRange(0, 21)),
      rc::gen::set(&GlmGdParams::start_mode, rc::gen::inRange(0, 3)),
      rc::gen::set(&GlmGdParams::start_exp, rc::gen::inRange(0, 13)),
      rc::gen::set(&GlmGdParams::step_mode, rc::gen::weightedElement<int>({{3, 0}, {6, 1}, {1, 2}})),
      rc::gen::set(&GlmGdParams::step_param, rc::gen::inRange(1, 1001)),
      rc::gen::set(&GlmGdParams::iterations, rc::gen::inRange(1, 301)),
      rc::gen::set(&GlmGdParams::lambda_tenths, rc::gen::inRange(1, 11)),
      rc::gen::set(&GlmGdParams::seed, rc::gen::arbitrary<std::uint64_t>()));
  return rc::gen::map(params, [with_lambda](const GlmGdParams& q) {
    RandomSource rng(q.seed);
    const int n = q.large ? 50 + static_cast<int>(rng.integer(0, 100)) : q.n;
    const int p = n + (q.large ? static_cast<int>(rng.integer(0, 100)) : q.p_extra);
    Matrix<double> x = matrix_with_condition(n, p, std::pow(10.0, q.log_cond / 4.0), rng) *
                       std::pow(10.0, q.log_scale / 4.0);
    Json j;
    Json rows = Json::array();
    for (int i = 0; i < n; ++i) {
      Json row = Json::array();
      for (int k = 0; k < p; ++k) {
        const std::string s = short_decimal(x(i, k), 12);
        x(i, k) = std::stod(s);
        row.push_back(s);
      }
      rows.push_back(row);
    }
    j["X"] = rows;
    os19::Activation<double> phi;
    if (q.phi_kind == 0) {
      j["phi"] = {{"name", "identity"}};
    } else if (q.phi_kind == 1) {
      const std::string c = short_decimal(-0.9 + 0.195 * q.phi_param, 6);
      j["phi"] = {{"name", "tanh_plus"}, {"c", c}};
      phi = {os19::ActivationKind::kTanhPlus, std::stod(c)};
    } else {
      const std::string a = short_decimal((q.phi_param + 1) / 21.0, 6);
      j["phi"] = {{"name", "leaky_softplus"}, {"a", a}};
      phi = {os19::ActivationKind::kLeakySoftplus, std::stod(a)};
    }
    Vector<double> theta0 = gaussian_vector(p, rng) / std::sqrt(static_cast<double>(p));
    Vector<double> y;
    if (q.start_mode == 0) {
      // y = phi(X (theta0 + delta)) with ||delta|| = 10^(-start_exp/2): a
      // solution at distance about ||delta|| (closer if delta hits null(X)).
      const Vector<double> target = theta0 + std::pow(10.0, -q.start_exp / 2.0) *
                                                 random_unit_vector(p, rng);
      y = x * target;
      for (int i = 0; i < n; ++i) y(i) = phi.value(y(i));
    } else if (q.start_mode == 1) {
      theta0 *= std::pow(10.0, q.start_exp / 4.0);
      y = gaussian_vector(n, rng) * std::pow(10.0, q.start_exp / 4.0);
    } else {
      theta0.setZero();
      y = gaussian_vector(n, rng);
    }
    j["theta0"] = Json::array();
    for (int k = 0; k < p; ++k) j["theta0"].push_back(short_decimal(theta0(k), 12));
    j["y"] = Json::array();
    for (int i = 0; i < n; ++i) j["y"].push_back(short_decimal(y(i), 12));
    double fraction = 1.0;
    if (q.step_mode == 1) fraction = q.step_param / 1000.0;
    if (q.step_mode == 2) fraction = 1.0 + q.step_param / 1000.0;
    j["eta_fraction"] = short_decimal(fraction, 6);
    j["iterations"] = q.large ? std::min(q.iterations, 30) : q.iterations;
    if (with_lambda) {
      int tenths = q.lambda_tenths;
      // With L > 0, lambda = 1 leaves no positive step (2(1 - lambda) = 0).
      if (q.phi_kind != 0 && tenths == 10) tenths = 9;
      j["lambda"] = short_decimal(tenths / 10.0, 3);
    }
    return j;
  });
}

void validate_glm_gd(const Json& j) {
  auto [n, p] = matrix_shape(j, "X");
  if (n < 1 || p < 1) throw InputError("field 'X': must be non-empty");
  if (n > p) throw InputError(fmt::format("field 'X': n = {} > p = {} (the theorems need n <= p)", n, p));
  read_matrix<double>(j, "X");
  read_vector<double>(j, "y", n);
  read_vector<double>(j, "theta0", p);
  os19::read_activation<double>(j, "phi");
  const bool has_eta = has_field(j, "eta"), has_fraction = has_field(j, "eta_fraction");
  if (has_eta == has_fraction) throw InputError("give exactly one of 'eta' and 'eta_fraction'");
  if (has_eta && !(read_real<double>(j, "eta") > 0)) throw InputError("field 'eta': must be > 0");
  if (has_fraction && !(read_real<double>(j, "eta_fraction") > 0)) {
    throw InputError("field 'eta_fraction': must be > 0");
  }
  read_integer(j, "iterations", 1, 100000);
  if (has_field(j, "lambda")) {
    const double l = read_real<double>(j, "lambda");
    if (!(l > 0 && l <= 1)) throw InputError("field 'lambda': must be in (0, 1]");
  }
}

/// Worst iterate of "lhs_t <= bound_t" over t = 1..T (t = 0 is equality or
/// trivial). Priority: a clear violation (lhs - err > bound; the largest
/// lhs/bound), else an iterate undecided at this precision (|lhs - bound| <=
/// err, so the engine climbs the precision ladder), else the clear pass with
/// the largest lhs/bound.
template <class S>
struct Worst {
  S measured = 0, bound = 0, error = 0, ratio = -1;
  long iteration = -1;
  int category = -1;  // 2 violation, 1 undecided, 0 pass
  /// Claim-specific slack, max over decided iterates (1 = attained): for rates
  /// log(q^t)/log(lhs_t/lhs_0) (promised over achieved exponent); for
  /// potentials c d_t / (||r_0|| - ||r_t||) (share of the residual decrease spent
  /// on distance); otherwise lhs/bound.
  S tightness = 0;
  /// Optional extra error term of an iterate (e.g. the sensitivity of the
  /// margin to the rounding of the constants alpha, beta, L, which differ
  /// between precisions by up to their enclosure width).
  std::function<S(long, const S&, const S&)> extra;
  void offer(long t, const S& lhs, const S& rhs, const S& err_in, const S& slack = S(-1)) {
    const S err = extra ? S(err_in + extra(t, lhs, rhs)) : err_in;
    const int cat = lhs - err > rhs ? 2 : (lhs + err >= rhs ? 1 : 0);
    const S r = rhs > 0 ? S(lhs / rhs) : S(lhs > 0 ? 1e300 : 0);
    if (cat != 1) {
      const S value = slack >= 0 ? slack : r;
      if (is_finite(value) && value > tightness) tightness = value;
    }
    if (iteration < 0 || cat > category || (cat == category && cat != 1 && r > ratio)) {
      category = cat;
      ratio = r;
      measured = lhs;
      bound = rhs;
      error = err;
      iteration = t;
    }
  }
};

template <class S>
Outcome evaluate_glm_gd(const Json& j, GdClaim claim) {
  using std::sqrt;
  using std::abs;
  const Matrix<S> x = read_matrix<S>(j, "X");
  const Eigen::Index n = x.rows(), p = x.cols();
  const Vector<S> y = read_vector<S>(j, "y", n);
  const Vector<S> theta0 = read_vector<S>(j, "theta0", p);
  const os19::Activation<S> phi = os19::read_activation<S>(j, "phi");
  const long iterations = static_cast<long>(read_integer(j, "iterations", 1, 100000));
  const os19::GlmModel<S> model(x, y, phi);
  const os19::JacobianBounds<S> b = os19::glm_bounds(x, phi);
  const os19::MatrixBounds<S> mb = os19::matrix_bounds(x);
  const S r0 = model.residual(theta0).norm();
  const S u = unit_roundoff<S>();
  const StepRule rule = step_rule(claim);
  Outcome o;

  // Constants and the step limit of the theorem the claim belongs to.
  S alpha = b.alpha, beta = b.beta, lip = b.lipschitz, limit = 0, lambda = S(1) / 2;
  S mu = 0, smooth = 0;
  std::vector<HypothesisCheck> hyps;
  hyps.push_back({"assumption1", b.alpha > 0, Evidence::kCertified,
                  "alpha = " + to_decimal(b.alpha, 8) + ", beta = " + to_decimal(b.beta, 8) +
                      " on R^p: " + b.derivation});
  hyps.push_back({"assumption2b", true, Evidence::kCertified,
                  "L = " + to_decimal(b.lipschitz, 8) + " on R^p (Section 9.7 argument)"});
  auto min_ratio = [&](const S& a) { return lip * r0 > 0 ? std::min(S(1), a) : S(1); };
  switch (rule) {
    case StepRule::kThm21:
      limit = min_ratio(lip * r0 > 0 ? S(alpha * alpha / (lip * r0)) : S(1)) / (2 * beta * beta);
      break;
    case StepRule::kThm93: {
      if (has_field(j, "lambda")) lambda = read_real<S>(j, "lambda");
      const S second = lip * r0 > 0 ? S(2 * (1 - lambda) * alpha * alpha / (lip * r0)) : lambda;
      limit = std::min(lambda, second) / (beta * beta);
      hyps.push_back({"lambda", lambda > 0 && lambda <= 1, Evidence::kCertified,
                      "lambda = " + to_decimal(lambda, 6)});
      break;
    }
    case StepRule::kThm22: {
      const os19::MatrixBounds<S> j0 = os19::jacobian_at_point<S>(model.jacobian(theta0));
      alpha = j0.sigma_min_lower / 2;
      beta = 2 * j0.norm_upper;
      limit = S(1) / (2 * beta * beta);
      hyps[0] = {"conditions.at.theta0", alpha > 0, Evidence::kCertified,
                 "2 alpha = sigma_min(J(theta0)) >= " + to_decimal(j0.sigma_min_lower, 8) +
                     ", beta/2 = ||J(theta0)|| <= " + to_decimal(j0.norm_upper, 8) +
                     " (Weyl-shifted SVD of the computed Jacobian)"};
      const S lhs = alpha * alpha, rhs = 4 * lip * r0;
      hyps.push_back({"eq2.6", lhs >= rhs,
                      abs(lhs - rhs) > 64 * u * (lhs + rhs) ? Evidence::kCertified : Evidence::kEstimated,
                      "alpha^2 = " + to_decimal(lhs, 8) + " vs 4 L ||y - f(theta0)|| = " +
                          to_decimal(rhs, 8)});
      break;
    }
    case StepRule::kThm41:
      limit = S(1) / (mb.norm_upper * mb.norm_upper * phi.big_gamma() * phi.big_gamma());
      break;
    case StepRule::kThm52: {
      // Local PL with mu = alpha^2 (||grad L||^2 = ||J^T r||^2 >= alpha^2 ||r||^2 = 2 alpha^2 L),
      // smoothness on D = B(theta0, R), R = sqrt(8 L(theta0)/mu) = 2 ||r0|| / alpha:
      // ||Hess L|| <= beta^2 + M ||r|| ||X||_{2,inf} ||X||_F with ||r|| <= ||r0|| + beta R on D.
      mu = alpha * alpha;
      const S radius = alpha > 0 ? S(2 * r0 / alpha) : S(0);
      smooth = beta * beta + phi.curvature() * mb.row_norm_upper * mb.frobenius *
                                 (1 + 8 * u * S(static_cast<double>(n + p))) * (r0 + beta * radius);
      limit = S(1) / smooth;
      hyps[0] = {"local.pl", mu > 0, Evidence::kCertified,
                 "mu = alpha^2 = " + to_decimal(mu, 8) + " on R^p (||J^T r|| >= alpha ||r||)"};
      hyps[1] = {"smoothness", true, Evidence::kCertified,
                 "L = beta^2 + M ||X||_2,inf ||X||_F (||r0|| + beta R) = " + to_decimal(smooth, 8) +
                     " on B(theta0, R)"};
      break;
    }
  }
  if (!(alpha > 0) || !(limit > 0)) {
    o.ok = false;
    o.message = "alpha = 0 or a zero step limit: the theorem allows no run on this instance";
    o.hypotheses = hyps;
    return o;
  }
  S eta;
  HypothesisCheck step{"step", false, Evidence::kCertified, ""};
  if (has_field(j, "eta")) {
    eta = read_real<S>(j, "eta");
    // The limit is computed from certified (conservative) constants; a step
    // above it but within the enclosure width of those constants may still
    // satisfy the hypothesis with the exact constants: undecided, estimated.
    const S width = 64 * u + 8 * mb.shift / std::max(mb.sigma_min_lower, S(mb.shift));
    step.holds = eta <= limit * (1 + width);
    step.evidence = eta <= limit || eta > limit * (1 + width) ? Evidence::kCertified
                                                              : Evidence::kEstimated;
  } else {
    const S fraction = read_real<S>(j, "eta_fraction");
    eta = fraction * limit;
    step.holds = fraction <= 1;
  }
  step.detail = "eta = " + to_decimal(eta, 8) + ", limit = " + to_decimal(limit, 8);
  hyps.push_back(step);

  os19::ClosestOptimumResult<S> star;
  if (needs_optimum(claim)) {
    star = os19::closest_glm_optimum(x, y, phi, theta0);
    if (!star.ok()) {
      o.ok = false;
      o.message = "closest optimum: " + star.message;
      return o;
    }
  }
  os19::TrajectoryOptions<S> topt;
  topt.step = eta;
  topt.iterations = iterations;
  topt.beta = b.beta;
  topt.jacobian_frobenius = phi.big_gamma() * mb.frobenius;
  topt.lipschitz = b.lipschitz;
  topt.flops_length = n + p;
  const os19::Trajectory<S> t = os19::record_gradient_descent<S>(
      model, theta0, topt, star.ok() ? star.theta_star : Vector<S>());
  if (!t.ok()) {
    o.ok = false;
    o.message = "gradient descent: " + t.message;
    o.hypotheses = hyps;
    return o;
  }
  // Error of ||theta* - theta0||: theta* - theta0 lies in the row space, so a
  // residual e in X theta* = phi^{-1}(y) moves it by at most e / sigma_min(X).
  const S dstar = star.distance;
  const S dstar_err = star.ok() ? S(star.residual_bound / mb.sigma_min_lower +
                                     8 * u * S(static_cast<double>(p)) * dstar)
                                : S(0);
  const S dr0 = t.residual_error[0];
  Worst<S> w;
  const long T = static_cast<long>(t.residual.size()) - 1;
  S qt = 1;
  auto rate_offer = [&](long k, const S& q_power, const S& rk, const S& drk) {
    // ||r_k||^2 against q^k ||r0||^2 (q^k may underflow to 0 when q = 0).
    const S bound = q_power * r0 * r0;
    const S err = ((rk + drk) * (rk + drk) - rk * rk) +
                  bound * (2 * dr0 / r0 + 4 * u * S(static_cast<double>(k + 1)));
    using std::log;
    const S slack = q_power > 0 && q_power < 1 && rk < r0 && rk > 0
                        ? S(log(q_power) / log(rk * rk / (r0 * r0)))
                        : S(0);
    w.offer(k, rk * rk, bound, err, slack);
  };
  auto spent = [&](const S& coefficient, const S& dk, const S& rk) {
    return rk < r0 ? S(coefficient * dk / (r0 - rk)) : S(0);
  };
  const S zeta = (lambda - eta * beta * beta / 2) * alpha;
  // Constants computed at this precision differ from the exact ones by their
  // enclosure width (relative crel); that moves bounds (by crel per constant,
  // and t crel (1 - q)/q for q^t) and, through eta = fraction * limit, the
  // iterates (a relative change of eta moves theta_t by at most that times the
  // path length, and r_t by beta times that).
  const S crel = 8 * mb.shift / mb.sigma_min_lower + 64 * u;
  S q_claim = 1;
  switch (claim) {
    case GdClaim::kRate21: case GdClaim::kAll22: q_claim = 1 - eta * alpha * alpha / 2; break;
    case GdClaim::kRate93: q_claim = 1 - alpha * alpha * lambda * eta; break;
    case GdClaim::kDistanceRate41:
      q_claim = 1 - eta * phi.gamma() * phi.gamma() * mb.sigma_min_lower * mb.sigma_min_lower;
      break;
    case GdClaim::kRate52: q_claim = 1 - eta * mu; break;
    default: break;
  }
  const S normaliser = claim == GdClaim::kAll22 ? S(r0) : S(1);
  w.extra = [&](long k, const S& lhs, const S& rhs) {
    using std::abs;
    const S qfactor = q_claim > 0 && q_claim < 1 ? S(S(static_cast<double>(k)) * (1 - q_claim) / q_claim) : S(0);
    return crel * (abs(lhs) + abs(rhs) * (1 + qfactor)) +
           crel * (beta + alpha) * (t.path[k] + t.distance[k]) * 2 * (r0 + beta * t.path[k]) /
               (normaliser * std::max(r0, S(1e-300)) * (claim == GdClaim::kAll22 ? S(1) : S(1)));
  };
  for (long k = 1; k <= T; ++k) {
    const S rk = t.residual[k], drk = t.residual_error[k];
    const S dk = t.distance[k], ddk = t.distance_error[k];
    const S pk = t.path[k], dpk = t.path_error[k];
    switch (claim) {
      case GdClaim::kRate21:
        qt *= 1 - eta * alpha * alpha / 2;
        rate_offer(k, qt, rk, drk);
        break;
      case GdClaim::kPotential21:
        w.offer(k, alpha / 4 * dk + rk, r0, alpha / 4 * ddk + drk + dr0, spent(alpha / 4, dk, rk));
        break;
      case GdClaim::kPath21:
        w.offer(k, pk, 4 * r0 / alpha, dpk + 4 * dr0 / alpha);
        break;
      case GdClaim::kDistance23:
        w.offer(k, dk, 4 * beta / alpha * dstar, ddk + 4 * beta / alpha * dstar_err);
        break;
      case GdClaim::kPath23:
        w.offer(k, pk, 4 * beta / alpha * dstar, dpk + 4 * beta / alpha * dstar_err);
        break;
      case GdClaim::kRate93:
        qt *= 1 - alpha * alpha * lambda * eta;
        rate_offer(k, qt, rk, drk);
        break;
      case GdClaim::kPotential93:
        w.offer(k, alpha * dk + rk, r0, alpha * ddk + drk + dr0, spent(alpha, dk, rk));
        break;
      case GdClaim::kPotential93Proved:
        w.offer(k, zeta * dk + rk, r0, zeta * ddk + drk + dr0, spent(zeta, dk, rk));
        break;
      case GdClaim::kDistance93:
        w.offer(k, dk, beta / alpha * dstar, ddk + beta / alpha * dstar_err);
        break;
      case GdClaim::kDistance93Proved:
        w.offer(k, dk, beta / zeta * dstar, ddk + beta / zeta * dstar_err);
        break;
      case GdClaim::kPath93:
        w.offer(k, pk, beta / alpha * dstar, dpk + beta / alpha * dstar_err);
        break;
      case GdClaim::kPath93Proved:
        w.offer(k, pk, beta / zeta * dstar, dpk + beta / zeta * dstar_err);
        break;
      case GdClaim::kPathResidual93:
        w.offer(k, pk, r0 / zeta, dpk + dr0 / zeta);
        break;
      case GdClaim::kAll22: {
        // All three conclusions of Theorem 2.1, normalised: the worst of
        // ||r_k||^2/(q^k ||r0||^2), (alpha/4 d_k + ||r_k||)/||r0||, P_k alpha/(4 ||r0||).
        qt *= 1 - eta * alpha * alpha / 2;
        {
          const S bound = qt * r0 * r0;
          const S err = (rk + drk) * (rk + drk) - rk * rk +
                        bound * (2 * dr0 / r0 + 4 * u * S(static_cast<double>(k + 1)));
          using std::log;
          w.offer(k, rk * rk / (r0 * r0), qt, err / (r0 * r0),
                  qt > 0 && qt < 1 && rk < r0 && rk > 0 ? S(log(qt) / log(rk * rk / (r0 * r0))) : S(0));
        }
        w.offer(k, (alpha / 4 * dk + rk) / r0, S(1), (alpha / 4 * ddk + drk + dr0) / r0,
                spent(alpha / 4, dk, rk));
        w.offer(k, pk * alpha / (4 * r0), S(1), (dpk + 4 * dr0 / alpha) * alpha / (4 * r0));
        break;
      }
      case GdClaim::kDistanceRate41: {
        qt *= 1 - eta * phi.gamma() * phi.gamma() * mb.sigma_min_lower * mb.sigma_min_lower;
        const S hk = t.to_reference[k], dhk = t.reference_error[k];
        const S bound = qt * dstar;
        using std::log;
        w.offer(k, hk, bound, dhk + qt * dstar_err + bound * 4 * u * S(static_cast<double>(k + 1)),
                qt > 0 && qt < 1 && hk < dstar && hk > 0 ? S(log(qt) / log(hk / dstar)) : S(0));
        break;
      }
      case GdClaim::kPath41: {
        const S g2 = phi.gamma() * phi.gamma(), G2 = phi.big_gamma() * phi.big_gamma();
        const S kappa2 = mb.norm_upper * mb.norm_upper / (mb.sigma_min_lower * mb.sigma_min_lower);
        w.offer(k, pk, G2 / g2 * kappa2 * dstar, dpk + G2 / g2 * kappa2 * dstar_err);
        break;
      }
      case GdClaim::kRate52: {
        // L(theta_k) <= (1 - eta mu)^k L(theta0) <=> ||r_k||^2 <= (1 - eta mu)^k ||r0||^2.
        qt *= 1 - eta * mu;
        rate_offer(k, qt, rk, drk);
        break;
      }
      case GdClaim::kPotential52: {
        // sqrt(mu/8) d + sqrt(L(theta_k)) <= sqrt(L(theta0)), sqrt(L) = ||r|| / sqrt 2.
        const S s2 = sqrt(S(2));
        w.offer(k, sqrt(mu / 8) * dk + rk / s2, r0 / s2,
                sqrt(mu / 8) * ddk + (drk + dr0) / s2 + 4 * u * r0, spent(sqrt(mu / 8) * s2, dk, rk));
        break;
      }
      case GdClaim::kPath52:
        w.offer(k, pk, sqrt(8 * (r0 * r0 / 2) / mu), dpk + 2 * dr0 / alpha + 4 * u * r0 / alpha);
        break;
      case GdClaim::kDistance53:
        w.offer(k, dk, 2 * smooth / mu * dstar, ddk + 2 * smooth / mu * dstar_err);
        break;
      case GdClaim::kPath53:
        w.offer(k, pk, 2 * smooth / mu * dstar, dpk + 2 * smooth / mu * dstar_err);
        break;
    }
  }
  o.relation = Relation::kLessEqual;
  o.measured = widen(w.measured);
  o.bound = widen(w.bound);
  o.error = widen(w.error);
  o.hypotheses = hyps;
  o.details = {{"n", std::to_string(n)},
               {"p", std::to_string(p)},
               {"phi", phi.describe()},
               {"alpha", to_decimal(alpha, 8)},
               {"beta", to_decimal(beta, 8)},
               {"L", to_decimal(lip, 8)},
               {"eta", to_decimal(eta, 8)},
               {"eta / limit", to_decimal(S(eta / limit), 6)},
               {"||y - f(theta0)||", to_decimal(r0, 8)},
               {"iterations", std::to_string(T)},
               {"worst iteration", std::to_string(w.iteration)},
               {"measured / bound", to_decimal(w.ratio, 10)},
               {"tightness", to_decimal(w.tightness, 6)},
               {"final residual", to_decimal(t.residual.back(), 6)}};
  if (star.ok()) o.details.push_back({"||theta* - theta0||", to_decimal(dstar, 8)});
  if (rule == StepRule::kThm93) o.details.push_back({"zeta", to_decimal(zeta, 8)});
  return o;
}

struct GdClaimSpec {
  GdClaim claim;
  const char* id;
  const char* source;
  const char* summary;
  const char* statement;
  const char* measurement;
  const char* notes;
};

const char* step_text(StepRule r) {
  switch (r) {
    case StepRule::kThm21:
      return "Theorem 2.1 (Assumption 2(b) branch): eta <= 1/(2 beta^2) min(1, alpha^2/(L ||f(theta0) - y||)); "
             "alpha = gamma sigma_min(X), beta = Gamma ||X||, L = M ||X||_2,inf ||X|| (certified on R^p)";
    case StepRule::kThm93:
      return "Theorem 9.3 (Assumption 2(b) branch): eta <= 1/beta^2 min(lambda, 2(1-lambda) alpha^2/(L ||r0||)), "
             "0 < lambda <= 1; certified GLM constants";
    case StepRule::kThm22:
      return "Theorem 2.2: 2 alpha <= sigma_min(J(theta0)) <= ||J(theta0)|| <= beta/2 (alpha, beta taken "
             "as sigma_min/2 and 2 ||J(theta0)||), Assumption 2 with the certified L, (2.6) alpha^2 >= "
             "4 L ||y - f(theta0)||, eta <= 1/(2 beta^2)";
    case StepRule::kThm41:
      return "Theorem 4.1: phi strictly increasing with gamma <= phi' <= Gamma, n <= p, eta <= 1/(||X||^2 Gamma^2)";
    case StepRule::kThm52:
      return "Theorem 5.2: local PL with mu = alpha^2 = gamma^2 sigma_min(X)^2 and L-smoothness over "
             "B(theta0, sqrt(8 L(theta0)/mu)) with L = beta^2 + M ||X||_2,inf ||X||_F (||r0|| + beta R) "
             "(both certified), eta <= 1/L";
  }
  return "";
}

void register_gd_claims(Registry& registry) {
  const GdClaimSpec specs[] = {
      {GdClaim::kRate21, "os19.thm2.1.rate", "Theorem 2.1, eq. (2.3)",
       "GD residual: ||f(theta_t) - y||^2 <= (1 - eta alpha^2/2)^t ||f(theta0) - y||^2",
       "Under Assumption 1 over B(theta0, 4||f(theta0)-y||/alpha) and Assumption 2 (a) with lambda = 1/2 "
       "and eta <= 1/(2beta^2), or (b) and eta <= 1/(2beta^2) min(1, alpha^2/(L||f(theta0)-y||)), all GD "
       "iterates obey ||f(theta_t) - y||^2 <= (1 - eta alpha^2/2)^t ||f(theta0) - y||^2.   (2.3)",
       "max over t = 1..T of ||r_t||^2 / ((1 - eta alpha^2/2)^t ||r_0||^2) against 1", ""},
      {GdClaim::kPotential21, "os19.thm2.1.potential", "Theorem 2.1, eq. (2.4)",
       "GD potential: alpha/4 ||theta_t - theta0|| + ||f(theta_t) - y|| <= ||f(theta0) - y||",
       "Under the hypotheses of Theorem 2.1, all GD iterates obey (1/4) alpha ||theta_t - theta0||_2 + "
       "||f(theta_t) - y||_2 <= ||f(theta0) - y||_2.   (2.4)",
       "max over t = 1..T of alpha/4 ||theta_t - theta0|| + ||r_t|| against ||r_0||", ""},
      {GdClaim::kPath21, "os19.thm2.1.path", "Theorem 2.1, eq. (2.5)",
       "GD path length: sum_t ||theta_{t+1} - theta_t|| <= 4 ||f(theta0) - y|| / alpha",
       "Furthermore, the total gradient path is bounded: sum_{t>=0} ||theta_{t+1} - theta_t||_2 <= "
       "4 ||f(theta0) - y||_2 / alpha.   (2.5)",
       "path length of the first T steps (the partial sums are checked; the tail after T is not "
       "measured) against 4 ||r_0|| / alpha", ""},
      {GdClaim::kDistance23, "os19.cor2.3.distance", "Corollary 2.3, eq. (2.9)",
       "GD stays within 4 beta/alpha ||theta* - theta0|| of theta0 (theta* closest optimum)",
       "Under the setting of Theorem 2.1, with theta* the global optimum closest to theta0, "
       "||theta_t - theta0||_2 <= 4 (beta/alpha) ||theta* - theta0||_2.   (2.9)",
       "max over t of ||theta_t - theta0|| against 4 beta/alpha ||theta* - theta0||, theta* = theta0 + "
       "X^T (X X^T)^{-1} (phi^{-1}(y) - X theta0)", ""},
      {GdClaim::kPath23, "os19.cor2.3.path", "Corollary 2.3, eq. (2.10)",
       "GD path length <= 4 beta/alpha ||theta* - theta0||",
       "Under the setting of Theorem 2.1, sum_{t>=0} ||theta_{t+1} - theta_t||_2 <= 4 (beta/alpha) "
       "||theta* - theta0||_2.   (2.10)",
       "path length of the first T steps against 4 beta/alpha ||theta* - theta0||", ""},
      {GdClaim::kRate93, "os19.thm9.3.rate", "Theorem 9.3, eq. (9.2)",
       "general lambda: ||f(theta_t) - y||^2 <= (1 - alpha^2 lambda eta)^t ||f(theta0) - y||^2",
       "Let 0 < lambda <= 1, Assumption 1 over B(theta0, ||r0||/((lambda - eta beta^2/2) alpha)), and (a) "
       "eta <= lambda/beta^2 or (b) eta <= 1/beta^2 min(lambda, 2(1-lambda) alpha^2/(L ||r0||)). Then "
       "||f(theta_t) - y||^2 <= (1 - alpha^2 lambda eta)^t ||f(theta0) - y||^2.   (9.2)",
       "max over t of ||r_t||^2 / ((1 - alpha^2 lambda eta)^t ||r_0||^2) against 1", ""},
      {GdClaim::kPotential93, "os19.thm9.3.potential", "Section 2, eq. (2.12) (Theorem 9.3 as summarised)",
       "improved potential as printed: alpha ||theta_t - theta0|| + ||f(theta_t) - y|| <= ||f(theta0) - y||",
       "[Theorem 9.3] allows the radius R as small as ||f(theta0) - y||/alpha (2.11) and (2.4) to be "
       "improved to alpha ||theta_t - theta0||_2 + ||f(theta_t) - y||_2 <= ||f(theta0) - y||_2.   (2.12) "
       "This requires a smaller learning rate.",
       "max over t of alpha ||theta_t - theta0|| + ||r_t|| against ||r_0||, under Theorem 9.3's step rule",
       "Theorem 9.3 itself proves the coefficient zeta = (lambda - eta beta^2/2) alpha < alpha for every "
       "eta > 0 (sibling os19.thm9.3.potential.as-proved); (2.12) is its limit lambda -> 1, eta -> 0."},
      {GdClaim::kPotential93Proved, "os19.thm9.3.potential.as-proved", "Theorem 9.3, eq. (9.3)",
       "(lambda - eta beta^2/2) alpha ||theta_t - theta0|| + ||f(theta_t) - y|| <= ||f(theta0) - y||",
       "(lambda - eta beta^2/2) alpha ||theta_t - theta0||_2 + ||f(theta_t) - y||_2 <= ||f(theta0) - y||_2.   (9.3)",
       "max over t of zeta ||theta_t - theta0|| + ||r_t|| against ||r_0||", ""},
      {GdClaim::kDistance93, "os19.thm9.3.distance", "Section 2, eq. (2.13)",
       "as printed: ||theta_t - theta0|| <= beta/alpha ||theta* - theta0||",
       "Also the approximation ratios in Corollary 2.3 can be improved to ||theta_t - theta0||_2 <= "
       "(beta/alpha) ||theta* - theta0||_2.   (2.13)",
       "max over t of ||theta_t - theta0|| against beta/alpha ||theta* - theta0||, under Theorem 9.3's step rule",
       "Theorem 9.3 proves beta/zeta instead (sibling .as-proved)."},
      {GdClaim::kDistance93Proved, "os19.thm9.3.distance.as-proved", "Theorem 9.3, eq. (9.5)",
       "||theta_t - theta0|| <= beta/((lambda - eta beta^2/2) alpha) ||theta* - theta0||",
       "||theta_t - theta0||_2 <= beta / ((lambda - eta beta^2/2) alpha) ||theta* - theta0||_2.   (9.5)",
       "max over t of ||theta_t - theta0|| against beta/zeta ||theta* - theta0||", ""},
      {GdClaim::kPath93, "os19.thm9.3.path", "Section 2, eq. (2.14)",
       "as printed: path length <= beta/alpha ||theta* - theta0||",
       "sum_{t>=0} ||theta_{t+1} - theta_t||_2 <= (beta/alpha) ||theta* - theta0||_2.   (2.14)",
       "path of the first T steps against beta/alpha ||theta* - theta0||, under Theorem 9.3's step rule",
       "Theorem 9.3 proves beta/zeta instead (sibling .as-proved)."},
      {GdClaim::kPath93Proved, "os19.thm9.3.path.as-proved", "Theorem 9.3, eq. (9.6)",
       "path length <= beta/((lambda - eta beta^2/2) alpha) ||theta* - theta0||",
       "sum_{t>=0} ||theta_{t+1} - theta_t||_2 <= beta / ((lambda - eta beta^2/2) alpha) ||theta* - theta0||_2.   (9.6)",
       "path of the first T steps against beta/zeta ||theta* - theta0||", ""},
      {GdClaim::kPathResidual93, "os19.thm9.3.path.residual", "Theorem 9.3, eq. (9.4)",
       "path length <= ||f(theta0) - y|| / ((lambda - eta beta^2/2) alpha)",
       "sum_{t>=0} ||theta_{t+1} - theta_t||_2 <= ||f(theta0) - y||_2 / ((lambda - eta beta^2/2) alpha).   (9.4)",
       "path of the first T steps against ||r_0|| / zeta", ""},
      {GdClaim::kAll22, "os19.thm2.2", "Theorem 2.2 (conclusions (2.3)-(2.5))",
       "conditions at theta0 only (+ (2.6)) give (2.3)-(2.5) with eta <= 1/(2 beta^2)",
       "Suppose 2 alpha <= sigma_min(J(theta0)) <= ||J(theta0)|| <= beta/2, Assumption 2 holds over "
       "B(theta0, 4||f(theta0)-y||/alpha) and alpha^2 >= 4 L ||y - f(theta0)|| (2.6). Then the conclusions "
       "of Theorem 2.1 hold with constant learning rate eta <= 1/(2 beta^2).",
       "max over t and over the three conclusions of the normalised ratios ||r_t||^2/((1 - eta alpha^2/2)^t "
       "||r_0||^2), (alpha/4 ||theta_t - theta0|| + ||r_t||)/||r_0||, path_t alpha/(4 ||r_0||), against 1",
       "alpha = sigma_min(J(theta0))/2 and beta = 2 ||J(theta0)|| are the largest/smallest values the "
       "hypothesis allows. The proof's (2.8) prints '>=' for '<='."},
      {GdClaim::kDistanceRate41, "os19.thm4.1.rate", "Theorem 4.1, eq. (4.2)",
       "GLM: ||theta_t - theta*|| <= (1 - eta gamma^2 lambda_min(X X^T))^t ||theta0 - theta*||",
       "phi strictly increasing, 0 < gamma <= phi' <= Gamma, n <= p, eta <= 1/(||X||^2 Gamma^2), theta* the "
       "closest global optimum: ||theta_t - theta*||_2 <= (1 - eta gamma^2 lambda_min(X X^T))^t ||theta0 - theta*||_2.   (4.2)",
       "max over t of ||theta_t - theta*|| / ((1 - eta gamma^2 sigma_min(X)^2)^t ||theta0 - theta*||) against 1",
       ""},
      {GdClaim::kPath41, "os19.thm4.1.path", "Theorem 4.1, eq. (4.3)",
       "GLM path length <= Gamma^2/gamma^2 lambda_max/lambda_min(X X^T) ||theta0 - theta*||",
       "With a step size on the order of 1/(||X||^2 Gamma^2) the total path length is bounded by "
       "sum_t ||theta_{t+1} - theta_t||_2 <= (Gamma^2/gamma^2) (lambda_max(X X^T)/lambda_min(X X^T)) ||theta0 - theta*||_2.   (4.3)",
       "path of the first T steps against the bound, for every eta <= 1/(||X||^2 Gamma^2)",
       "The proof (Section 9.5) states it for eta = 1/(Gamma^2 ||X||^2), but eta cancels in its argument, "
       "so it is checked for every eta up to that value."},
      {GdClaim::kRate52, "os19.thm5.2.rate", "Theorem 5.2, eq. (5.1)",
       "local PL: L(theta_t) <= (1 - eta mu)^t L(theta0) with eta <= 1/L",
       "Local PL with mu and L-smoothness over B(theta0, sqrt(8 L(theta0)/mu)), eta <= 1/L: "
       "L(theta_t) <= (1 - eta mu)^t L(theta0).   (5.1)",
       "max over t of L(theta_t)/((1 - eta mu)^t L(theta0)) against 1, on GLM least-squares losses", ""},
      {GdClaim::kPotential52, "os19.thm5.2.potential", "Theorem 5.2, eq. (5.2)",
       "sqrt(mu/8) ||theta_t - theta0|| + sqrt(L(theta_t)) <= sqrt(L(theta0))",
       "sqrt(mu/8) ||theta_t - theta0||_2 + sqrt(L(theta_t)) <= sqrt(L(theta0)).   (5.2)",
       "max over t of sqrt(mu/8) ||theta_t - theta0|| + sqrt(L(theta_t)) against sqrt(L(theta0))", ""},
      {GdClaim::kPath52, "os19.thm5.2.path", "Theorem 5.2, eq. (5.3)",
       "path length <= sqrt(8 L(theta0)/mu)",
       "sum_{t>=0} ||theta_{t+1} - theta_t||_2 <= sqrt(8 L(theta0)/mu).   (5.3)",
       "path of the first T steps against sqrt(8 L(theta0)/mu)", ""},
      {GdClaim::kDistance53, "os19.cor5.3.distance", "Corollary 5.3, eq. (5.4)",
       "||theta_t - theta0|| <= 2 L/mu ||theta* - theta0||",
       "||theta_t - theta0||_2 <= 2 (L/mu) ||theta* - theta0||_2.   (5.4)",
       "max over t of ||theta_t - theta0|| against 2 L/mu ||theta* - theta0||", ""},
      {GdClaim::kPath53, "os19.cor5.3.path", "Corollary 5.3, eq. (5.5)",
       "path length <= 2 L/mu ||theta* - theta0||",
       "sum_{t>=0} ||theta_{t+1} - theta_t||_2 <= 2 (L/mu) ||theta* - theta0||_2.   (5.5)",
       "path of the first T steps against 2 L/mu ||theta* - theta0||", ""},
  };
  for (const GdClaimSpec& s : specs) {
    Claim c;
    c.id = s.id;
    c.paper = "os19";
    c.source = s.source;
    c.summary = s.summary;
    c.statement = s.statement;
    c.kind = ClaimKind::kExplicit;
    const StepRule rule = step_rule(s.claim);
    c.hypotheses = {{"assumption1", "Assumption 1 (Jacobian spectrum) over the theorem's ball D"},
                    {"assumption2b", "Assumption 2 (b) (Lipschitz Jacobian) over D"},
                    {"step", step_text(rule)}};
    if (rule == StepRule::kThm93) c.hypotheses.push_back({"lambda", "0 < lambda <= 1"});
    if (rule == StepRule::kThm22) c.hypotheses.push_back({"eq2.6", "alpha^2 >= 4 L ||y - f(theta0)|| (2.6)"});
    c.measurement = std::string("GLM f = phi(X theta) (phi = identity: linear regression), GD from theta0 "
                                "for T steps; every iterate t = 1..T is checked and the worst reported. ") +
                    s.measurement + ".";
    c.generator_info =
        "n in [1, 30] (small n favoured), p = n + [0, 60] (10% of cases: n in [50, 150], p = n + [0, 100], "
        "T <= 30), cond(X) in [1, 1e4], ||X|| in [0.1, 10]; phi "
        "identity / tanh_plus c in [-0.9, 3] / leaky_softplus a in [0.05, 1]; theta0 near a solution "
        "(distance 1e-6..1), far (theta0, y of size up to 1e3) or theta0 = 0; eta at the theorem's "
        "limit (30%), below it (60%, fraction 1e-3..1) or above (10%, outside the hypothesis); T in [1, 300].";
    c.instance_schema = kGlmInstanceSchema;
    c.notes = s.notes;
    c.default_cases = 100;
    c.generator = glm_gd_generator(rule == StepRule::kThm93);
    c.validate = validate_glm_gd;
    const GdClaim which = s.claim;
    c.evaluate = make_evaluator([which]<class S>(const Json& j) { return evaluate_glm_gd<S>(j, which); });
    registry.add(std::move(c));
  }
}


// ===========================================================================
// Theorem 4.3: one-hidden-layer network x -> v^T phi(W x), trained over W
// with v fixed, ||v|| = 1, n <= d.

enum class NetClaim { kRate, kPotential, kRateProved, kPotentialProved, kRateAtProvedStep };

constexpr const char* kNetworkInstanceSchema =
    "{\"X\": n x d array of rows (n <= d), \"y\": [n], \"v\": [k] (unit norm), \"phi\": activation "
    "as for the GLM claims, \"W0\": k x d array of rows, and either \"eta\" or \"eta_fraction\" (of "
    "the step limit of the claim: printed (4.x) limit, or Theorem 2.1's for .as-proved), "
    "\"iterations\": T in [1, 100000]}";

struct NetParams {
  int adversarial;  // 1: two-sample sharp-activation search (see adversarial_network_json)
  int n;
  int d_extra;
  int k;
  int log_cond;
  int phi_kind;
  int phi_param;
  int sharp_exp;
  int start_mode;
  int start_exp;
  int step_mode;
  int step_param;
  int iterations;
  std::uint64_t seed;
};

/// Adversarial family for (4.7)/(4.8): n = d = 2, k = 1, v = (1), unit rows
/// x1 = (1, 0), x2 = (rho, sqrt(1 - rho^2)), phi = z + 30 tanh(s z)/s with
/// sharpness s in [1e3, 1e5] (gamma = 1, Gamma = 31 whatever s is; only M
/// grows with s), both pre-activations within 1/s of the sharp transition and
/// ||r0|| in [0.01, 0.03]. The printed step of Theorem 4.3 does not depend on
/// M, so it stays fixed while the Jacobian changes abruptly within one step.
/// Among 200 seeded candidates the generator keeps the one whose first five
/// GD steps (simulated in double with the printed step) come closest to, or
/// most exceed, the printed rate (4.7); the claim then judges that instance at
/// certified precision. eta_fraction is `fraction` (1: at the limit).
Json adversarial_network_json(RandomSource& rng, double fraction) {
  Json best;
  double best_ratio = -1;
  for (int candidate = 0; candidate < 200; ++candidate) {
    const double rho = rng.uniform(0.75, 0.95);
    const double s = std::pow(10.0, rng.uniform(3, 5));
    const double c = 30;
    Matrix<double> x(2, 2);
    x << 1, 0, rho, std::sqrt(1 - rho * rho);
    const double a = std::pow(10.0, rng.uniform(-2, -1.5));
    const double angle = rng.uniform(0, 2 * M_PI);
    Vector<double> z0(2);
    z0 << rng.uniform(-1, 1) / s, rng.uniform(-1, 1) / s;
    const Vector<double> w0 = x.partialPivLu().solve(z0);
    os19::Activation<double> phi{os19::ActivationKind::kTanhPlus, c};
    phi.sharpness = s;
    Vector<double> y(2);
    y << phi.value(z0(0)) - a * std::cos(angle), phi.value(z0(1)) - a * std::sin(angle);
    // Printed step: 1/(2 Gamma^2 ||X||^2) min(1, gamma^2 sigma_min^2/(||X||_2,inf ||X|| ||r0||)),
    // with ||X||^2 = 1 + rho, sigma_min^2 = 1 - rho, ||X||_2,inf = 1.
    const double G = 1 + c;
    const double eta = std::min(1.0, (1 - rho) / (std::sqrt(1 + rho) * a)) / (2 * G * G * (1 + rho));
    const double q = 1 - eta * (1 - rho);
    os19::NetworkModel<double> model(x, y, Vector<double>::Ones(1), phi);
    Vector<double> theta = w0;
    double ratio = 0, qt = 1;
    for (int t = 1; t <= 5; ++t) {
      theta -= eta * model.gradient(theta);
      qt *= q;
      ratio = std::max(ratio, model.residual(theta).norm() / (qt * a));
    }
    if (ratio > best_ratio) {
      best_ratio = ratio;
      best = Json::object();
      best["X"] = Json::array({Json::array({"1", "0"}),
                               Json::array({short_decimal(rho, 17), short_decimal(std::sqrt(1 - rho * rho), 17)})});
      best["y"] = vector_to_json<double>(y);
      best["v"] = Json::array({"1"});
      best["phi"] = {{"name", "tanh_plus"}, {"c", "30"}, {"s", short_decimal(s, 17)}};
      best["W0"] = Json::array({Json::array({short_decimal(w0(0), 17), short_decimal(w0(1), 17)})});
      best["eta_fraction"] = short_decimal(fraction, 6);
      best["iterations"] = 20;
    }
  }
  return best;
}

rc::Gen<Json> network_generator() {
  auto params = rc::gen::build<NetParams>(
      rc::gen::set(&NetParams::adversarial, rc::gen::weightedElement<int>({{3, 0}, {1, 1}})),
      rc::gen::set(&NetParams::n, rc::gen::inRange(1, 11)),
      rc::gen::set(&NetParams::d_extra, rc::gen::inRange(0, 21)),
      rc::gen::set(&NetParams::k, rc::gen::inRange(1, 7)),
      rc::gen::set(&NetParams::log_cond, rc::gen::inRange(0, 13)),
      rc::gen::set(&NetParams::phi_kind, rc::gen::weightedElement<int>({{1, 0}, {5, 1}, {3, 2}})),
      rc::gen::set(&NetParams::phi_param, rc::gen::inRange(0, 21)),
      rc::gen::set(&NetParams::sharp_exp, rc::gen::weightedElement<int>({{4, 0}, {1, 2}, {1, 4}, {1, 8}})),
      rc::gen::set(&NetParams::start_mode, rc::gen::inRange(0, 3)),
      rc::gen::set(&NetParams::start_exp, rc::gen::inRange(0, 9)),
      rc::gen::set(&NetParams::step_mode, rc::gen::weightedElement<int>({{3, 0}, {6, 1}, {1, 2}})),
      rc::gen::set(&NetParams::step_param, rc::gen::inRange(1, 1001)),
      rc::gen::set(&NetParams::iterations, rc::gen::inRange(1, 201)),
      rc::gen::set(&NetParams::seed, rc::gen::arbitrary<std::uint64_t>()));
  return rc::gen::map(params, [](const NetParams& q) {
    RandomSource rng(q.seed);
    if (q.adversarial == 1) return adversarial_network_json(rng, q.step_mode == 2 ? 1.5 : 1.0);
    const int n = q.n, d = q.n + q.d_extra, k = q.k;
    Matrix<double> x = matrix_with_condition(n, d, std::pow(10.0, q.log_cond / 4.0), rng);
    auto decimal_matrix = [](Matrix<double>& m) {
      Json rows = Json::array();
      for (Eigen::Index i = 0; i < m.rows(); ++i) {
        Json row = Json::array();
        for (Eigen::Index c = 0; c < m.cols(); ++c) {
          const std::string s = short_decimal(m(i, c), 12);
          m(i, c) = std::stod(s);
          row.push_back(s);
        }
        rows.push_back(row);
      }
      return rows;
    };
    Json j;
    j["X"] = decimal_matrix(x);
    // v: a unit vector with exactly representable entries would need care;
    // we give 17-digit decimals and the claim uses the exact ||v|| it reads.
    const Vector<double> v = random_unit_vector(k, rng);
    j["v"] = vector_to_json<double>(v);
    os19::Activation<double> phi;
    if (q.phi_kind == 0) {
      j["phi"] = {{"name", "identity"}};
    } else if (q.phi_kind == 1) {
      const std::string c = short_decimal(-0.9 + 0.195 * q.phi_param, 6);
      const std::string s = short_decimal(std::pow(10.0, q.sharp_exp / 4.0), 6);
      j["phi"] = {{"name", "tanh_plus"}, {"c", c}, {"s", s}};
      phi = {os19::ActivationKind::kTanhPlus, std::stod(c)};
      phi.sharpness = std::stod(s);
    } else {
      const std::string a = short_decimal((q.phi_param + 1) / 21.0, 6);
      j["phi"] = {{"name", "leaky_softplus"}, {"a", a}};
      phi = {os19::ActivationKind::kLeakySoftplus, std::stod(a)};
    }
    Matrix<double> w0 = gaussian_matrix(k, d, rng) / std::sqrt(static_cast<double>(d));
    if (q.start_mode == 1) w0 *= std::pow(10.0, q.start_exp / 4.0);
    if (q.start_mode == 2) w0.setZero();
    j["W0"] = decimal_matrix(w0);
    Vector<double> y(n);
    if (q.start_mode == 0) {
      // Labels from a nearby network: W0 + 10^(-start_exp/2) G.
      const Matrix<double> w = w0 + std::pow(10.0, -q.start_exp / 2.0) * gaussian_matrix(k, d, rng) /
                                        std::sqrt(static_cast<double>(k * d));
      for (int i = 0; i < n; ++i) {
        double f = 0;
        for (int l = 0; l < k; ++l) f += v(l) * phi.value(w.row(l).dot(x.row(i)));
        y(i) = f;
      }
    } else {
      y = gaussian_vector(n, rng) * std::pow(10.0, q.start_exp / 4.0);
    }
    j["y"] = Json::array();
    for (int i = 0; i < n; ++i) j["y"].push_back(short_decimal(y(i), 12));
    double fraction = 1.0;
    if (q.step_mode == 1) fraction = q.step_param / 1000.0;
    if (q.step_mode == 2) fraction = 1.0 + q.step_param / 1000.0;
    j["eta_fraction"] = short_decimal(fraction, 6);
    j["iterations"] = q.iterations;
    return j;
  });
}

void validate_network(const Json& j) {
  auto [n, d] = matrix_shape(j, "X");
  if (n < 1 || d < 1) throw InputError("field 'X': must be non-empty");
  if (n > d) throw InputError(fmt::format("field 'X': n = {} > d = {} (Theorem 4.3 needs n <= d)", n, d));
  read_matrix<double>(j, "X");
  read_vector<double>(j, "y", n);
  const Vector<double> v = read_vector<double>(j, "v");
  if (v.size() < 1) throw InputError("field 'v': must be non-empty");
  read_matrix<double>(j, "W0", v.size(), d);
  os19::read_activation<double>(j, "phi");
  const bool has_eta = has_field(j, "eta"), has_fraction = has_field(j, "eta_fraction");
  if (has_eta == has_fraction) throw InputError("give exactly one of 'eta' and 'eta_fraction'");
  if (has_eta && !(read_real<double>(j, "eta") > 0)) throw InputError("field 'eta': must be > 0");
  if (has_fraction && !(read_real<double>(j, "eta_fraction") > 0)) {
    throw InputError("field 'eta_fraction': must be > 0");
  }
  read_integer(j, "iterations", 1, 100000);
}

template <class S>
Outcome evaluate_network(const Json& j, NetClaim claim) {
  using std::abs;
  using std::log;
  const Matrix<S> x = read_matrix<S>(j, "X");
  const Eigen::Index n = x.rows(), d = x.cols();
  const Vector<S> y = read_vector<S>(j, "y", n);
  const Vector<S> v = read_vector<S>(j, "v");
  const Eigen::Index k = v.size();
  const Matrix<S> w0 = read_matrix<S>(j, "W0", k, d);
  const os19::Activation<S> phi = os19::read_activation<S>(j, "phi");
  const long iterations = static_cast<long>(read_integer(j, "iterations", 1, 100000));
  const os19::NetworkModel<S> model(x, y, v, phi);
  Vector<S> theta0(k * d);
  for (Eigen::Index l = 0; l < k; ++l) theta0.segment(l * d, d) = w0.row(l).transpose();
  const os19::MatrixBounds<S> mb = os19::matrix_bounds(x);
  const os19::JacobianBounds<S> b = os19::network_bounds(x, v, phi);
  const S r0 = model.residual(theta0).norm();
  const S u = unit_roundoff<S>();
  const S g = phi.gamma(), G = phi.big_gamma(), m = phi.curvature();
  const S smin = mb.sigma_min_lower, xn = mb.norm_upper, x2inf = mb.row_norm_upper;
  Outcome o;
  std::vector<HypothesisCheck> hyps;
  const S vnorm = v.norm();
  const S vtol = 16 * u * S(static_cast<double>(k + 2));
  hyps.push_back({"v.unit", abs(vnorm - 1) <= vtol,
                  abs(vnorm - 1) <= vtol ? Evidence::kCertified : Evidence::kCertified,
                  "||v|| = " + to_decimal(vnorm, 20)});
  hyps.push_back({"n.le.d", n <= d, Evidence::kCertified, fmt::format("n = {}, d = {}", n, d)});
  hyps.push_back({"phi.bounds", g > 0, Evidence::kCertified,
                  phi.describe() + ": gamma = " + to_decimal(g, 6) + ", Gamma = " + to_decimal(G, 6) +
                      ", M = " + to_decimal(m, 6)});
  const bool proved = claim == NetClaim::kRateProved || claim == NetClaim::kPotentialProved ||
                      claim == NetClaim::kRateAtProvedStep;
  // alpha = gamma sigma_min(X), beta = Gamma ||X|| (Section 9.7, ||v|| = 1); we use
  // the ||v||-aware certified values, equal to these up to rounding of ||v||.
  const S alpha = b.alpha, beta = b.beta, lip = b.lipschitz;
  S limit;
  if (proved) {
    // Theorem 2.1 with L = M ||X||_2,inf ||X|| (what the proof applies).
    limit = (lip * r0 > 0 ? std::min(S(1), S(alpha * alpha / (lip * r0))) : S(1)) / (2 * beta * beta);
  } else {
    // As printed: eta <= 1/(2 Gamma^2 ||X||^2) min(1, gamma^2 sigma_min(X)^2 /
    // (||X||_2,inf ||X|| ||f(W0) - y||)) -- no M.
    limit = std::min(S(1), S(g * g * smin * smin / (x2inf * xn * r0))) / (2 * G * G * xn * xn);
  }
  if (!(alpha > 0) || !(limit > 0) || !(r0 > 0)) {
    o.ok = false;
    o.message = "sigma_min(X) = 0, zero residual or zero step limit: nothing to run";
    o.hypotheses = hyps;
    return o;
  }
  S eta;
  HypothesisCheck step{"step", false, Evidence::kCertified, ""};
  if (has_field(j, "eta")) {
    eta = read_real<S>(j, "eta");
    const S width = 64 * u + 8 * mb.shift / std::max(smin, S(mb.shift));
    step.holds = eta <= limit * (1 + width);
    step.evidence = eta <= limit || eta > limit * (1 + width) ? Evidence::kCertified : Evidence::kEstimated;
  } else {
    const S fraction = read_real<S>(j, "eta_fraction");
    eta = fraction * limit;
    step.holds = fraction <= 1;
  }
  step.detail = "eta = " + to_decimal(eta, 8) + ", limit = " + to_decimal(limit, 8) +
                (proved ? " (Theorem 2.1 with L = M ||X||_2,inf ||X||)" : " (as printed in Theorem 4.3)");
  hyps.push_back(step);
  const S thm21_limit =
      (lip * r0 > 0 ? std::min(S(1), S(alpha * alpha / (lip * r0))) : S(1)) / (2 * beta * beta);

  os19::TrajectoryOptions<S> topt;
  topt.step = eta;
  topt.iterations = iterations;
  topt.beta = beta;
  topt.jacobian_frobenius = G * mb.frobenius * vnorm;
  topt.lipschitz = lip;
  topt.flops_length = n + k * d;
  const os19::Trajectory<S> t = os19::record_gradient_descent<S>(model, theta0, topt);
  if (!t.ok()) {
    o.ok = false;
    o.message = "gradient descent: " + t.message;
    o.hypotheses = hyps;
    return o;
  }
  const S dr0 = t.residual_error[0];
  Worst<S> w;
  const long T = static_cast<long>(t.residual.size()) - 1;
  S qt = 1;
  const S c = g * smin / 4;  // gamma sigma_min(X)/4 in (4.8)
  // Rounding of the constants between precisions (see evaluate_glm_gd).
  const S crel = 8 * mb.shift / smin + 64 * u;
  const S q_claim = claim == NetClaim::kRate || claim == NetClaim::kRateAtProvedStep
                        ? S(1 - eta * g * g * smin * smin)
                        : S(1 - eta * alpha * alpha / 2);
  w.extra = [&](long k, const S& lhs, const S& rhs) {
    const S qfactor = q_claim > 0 && q_claim < 1 ? S(S(static_cast<double>(k)) * (1 - q_claim) / q_claim) : S(0);
    return crel * (abs(lhs) + abs(rhs) * (1 + qfactor)) +
           crel * (beta + alpha) * (t.path[k] + t.distance[k]) * 2 * (r0 + beta * t.path[k]) / r0;
  };
  for (long s = 1; s <= T; ++s) {
    const S rk = t.residual[s], drk = t.residual_error[s];
    switch (claim) {
      case NetClaim::kRate:
      case NetClaim::kRateAtProvedStep: {
        qt *= 1 - eta * g * g * smin * smin;
        const S bound = qt * r0;
        w.offer(s, rk, bound, drk + qt * dr0 + bound * 4 * u * S(static_cast<double>(s + 1)),
                qt > 0 && qt < 1 && rk < r0 && rk > 0 ? S(log(qt) / log(rk / r0)) : S(0));
        break;
      }
      case NetClaim::kRateProved: {
        qt *= 1 - eta * alpha * alpha / 2;
        const S bound = qt * r0 * r0;
        w.offer(s, rk * rk, bound,
                (rk + drk) * (rk + drk) - rk * rk + bound * (2 * dr0 / r0 + 4 * u * S(static_cast<double>(s + 1))),
                qt > 0 && qt < 1 && rk < r0 && rk > 0 ? S(log(qt) / log(rk * rk / (r0 * r0))) : S(0));
        break;
      }
      case NetClaim::kPotential:
      case NetClaim::kPotentialProved:
        w.offer(s, c * t.distance[s] + rk, r0, c * t.distance_error[s] + drk + dr0,
                rk < r0 ? S(c * t.distance[s] / (r0 - rk)) : S(0));
        break;
    }
  }
  o.relation = Relation::kLessEqual;
  o.measured = widen(w.measured);
  o.bound = widen(w.bound);
  o.error = widen(w.error);
  o.hypotheses = hyps;
  o.details = {{"n", std::to_string(n)},
               {"d", std::to_string(d)},
               {"k", std::to_string(k)},
               {"phi", phi.describe()},
               {"alpha", to_decimal(alpha, 8)},
               {"beta", to_decimal(beta, 8)},
               {"L", to_decimal(lip, 8)},
               {"eta", to_decimal(eta, 8)},
               {"eta / Theorem 2.1 limit", to_decimal(S(eta / thm21_limit), 6)},
               {"||f(W0) - y||", to_decimal(r0, 8)},
               {"iterations", std::to_string(T)},
               {"worst iteration", std::to_string(w.iteration)},
               {"measured / bound", to_decimal(w.ratio, 10)},
               {"tightness", to_decimal(w.tightness, 6)},
               {"final residual", to_decimal(t.residual.back(), 6)}};
  return o;
}

void register_network_claims(Registry& registry) {
  struct Spec {
    NetClaim claim;
    const char* id;
    const char* source;
    const char* summary;
    const char* statement;
    const char* measurement;
    const char* notes;
  };
  const char* printed_step =
      "eta <= 1/(2 Gamma^2 ||X||^2) min(1, gamma^2/(||X||_2,inf ||X||) sigma_min(X)^2/||f(W0) - y||)";
  const Spec specs[] = {
      {NetClaim::kRate, "os19.thm4.3.rate", "Theorem 4.3, eq. (4.7)",
       "network: ||f(W_t) - y|| <= (1 - eta gamma^2 sigma_min(X)^2)^t ||f(W0) - y|| (printed step)",
       "n <= d, 0 < gamma <= phi' <= Gamma, phi'' <= M, ||v|| = 1, eta <= 1/(2 Gamma^2 ||X||^2) min(1, "
       "gamma^2/(||X||_2,inf ||X||) sigma_min(X)^2/||f(W0) - y||). Then all GD iterates obey "
       "||f(W_t) - y||_2 <= (1 - eta gamma^2 sigma_min^2(X))^t ||f(W0) - y||_2.   (4.7)",
       "max over t of ||r_t|| against (1 - eta gamma^2 sigma_min(X)^2)^t ||r_0||, step as printed",
       "The proof applies Theorem 2.1, which gives only ||r_t||^2 <= (1 - eta alpha^2/2)^t ||r_0||^2 "
       "(about half the printed exponent per step) and needs M in the step limit; see .as-proved."},
      {NetClaim::kPotential, "os19.thm4.3.potential", "Theorem 4.3, eq. (4.8)",
       "network: gamma sigma_min(X)/4 ||W_t - W0||_F + ||f(W_t) - y|| <= ||f(W0) - y|| (printed step)",
       "Under the hypotheses of Theorem 4.3: gamma sigma_min(X)/4 ||W_t - W0||_F + ||f(W_t) - y||_2 <= "
       "||f(W0) - y||_2.   (4.8)",
       "max over t of gamma sigma_min(X)/4 ||W_t - W0||_F + ||r_t|| against ||r_0||, step as printed",
       "The printed step omits M; the proof (Theorem 2.1 with L = M ||X||_2,inf ||X||) needs it. "
       "Sibling .as-proved uses Theorem 2.1's step."},
      {NetClaim::kRateProved, "os19.thm4.3.rate.as-proved", "Theorem 4.3 via Theorem 2.1 (Section 9.7)",
       "network: ||r_t||^2 <= (1 - eta alpha^2/2)^t ||r_0||^2, alpha = gamma sigma_min(X), step of Theorem 2.1",
       "Section 9.7: alpha = gamma sigma_min(X), beta = Gamma ||X||, L = M ||X||_2,inf ||X||, and Theorem "
       "2.1 applies: ||f(W_t) - y||^2 <= (1 - eta alpha^2/2)^t ||f(W0) - y||^2 for eta <= 1/(2 beta^2) "
       "min(1, alpha^2/(L ||f(W0) - y||)).",
       "max over t of ||r_t||^2 against (1 - eta alpha^2/2)^t ||r_0||^2", ""},
      {NetClaim::kRateAtProvedStep, "os19.thm4.3.rate.proved-step", "Theorem 4.3, eq. (4.7), at Theorem 2.1's step",
       "network: the printed rate (4.7) under the smaller step Theorem 2.1 allows (separates step from rate)",
       "(4.7) ||f(W_t) - y|| <= (1 - eta gamma^2 sigma_min^2(X))^t ||f(W0) - y|| with eta <= 1/(2 beta^2) "
       "min(1, alpha^2/(L ||f(W0) - y||)), L = M ||X||_2,inf ||X||.",
       "max over t of ||r_t|| against (1 - eta gamma^2 sigma_min(X)^2)^t ||r_0||, Theorem 2.1's step",
       "Diagnostic sibling: if os19.thm4.3.rate fails and this holds, the failure is due to the printed "
       "step (which omits M), not to the printed rate."},
      {NetClaim::kPotentialProved, "os19.thm4.3.potential.as-proved", "Theorem 4.3 via Theorem 2.1 (Section 9.7)",
       "network: (4.8) under Theorem 2.1's step (with M)",
       "(4.8) with eta <= 1/(2 beta^2) min(1, alpha^2/(L ||f(W0) - y||)), L = M ||X||_2,inf ||X||.",
       "max over t of gamma sigma_min(X)/4 ||W_t - W0||_F + ||r_t|| against ||r_0||", ""},
  };
  for (const Spec& s : specs) {
    Claim c;
    c.id = s.id;
    c.paper = "os19";
    c.source = s.source;
    c.summary = s.summary;
    c.statement = s.statement;
    c.kind = ClaimKind::kExplicit;
    const bool proved = s.claim == NetClaim::kRateProved || s.claim == NetClaim::kPotentialProved ||
                        s.claim == NetClaim::kRateAtProvedStep;
    c.hypotheses = {{"v.unit", "||v||_2 = 1"},
                    {"n.le.d", "n <= d"},
                    {"phi.bounds", "0 < gamma <= phi' <= Gamma, |phi''| <= M"},
                    {"step", proved ? "eta <= 1/(2 beta^2) min(1, alpha^2/(L ||f(W0) - y||))" : printed_step}};
    c.measurement = std::string("GD on W from W0 for T steps, every iterate checked: ") + s.measurement + ".";
    c.generator_info =
        "75%: n in [1, 10], d = n + [0, 20], k in [1, 6], v uniform on the sphere, cond(X) in [1, 1e3]; "
        "phi identity / tanh_plus c in [-0.9, 3], sharpness s in {1, 3.2, 10, 100} / leaky_softplus; W0 "
        "near a labelling network, large, or 0; eta at the limit (30%), below (60%) or above (10%); T "
        "in [1, 200]. 25%: adversarial two-sample family (n = d = 2, k = 1, tanh_plus c = 30 with "
        "sharpness 1e3..1e5, pre-activations at the sharp transition), the worst of 200 seeded "
        "candidates under the printed step, T = 20.";
    c.instance_schema = kNetworkInstanceSchema;
    c.notes = s.notes;
    c.default_cases = 100;
    c.generator = network_generator();
    c.validate = validate_network;
    const NetClaim which = s.claim;
    c.evaluate = make_evaluator([which]<class S>(const Json& j) { return evaluate_network<S>(j, which); });
    registry.add(std::move(c));
  }
}


// ===========================================================================
// Theorem 3.1: SGD (3.1) on GLM instances.

enum class SgdClaim { kStay, kExpectation };

/// The probability every generated instance of os19.thm3.1.stay is promised:
/// the generator keeps 1 - (4/nu)(beta/alpha)^(1/p) >= this (checked per case).
constexpr double kSgdClaimedProbability = 0.8;

constexpr const char* kSgdInstanceSchema =
    "{\"X\", \"y\", \"phi\", \"theta0\" as for the GLM claims, \"nu\": >= 3, either \"eta\" or "
    "\"eta_fraction\" (of alpha^2/(nu beta^2 B^2 + nu beta B L ||r0||)), \"iterations\": T in [1, "
    "100000], \"seed\": SGD index-sequence seed (integer), \"runs\": Monte Carlo runs (expectation "
    "claim, seeds seed..seed+runs-1)}";

struct SgdParams {
  int n;
  int p_extra;
  int log_cond;
  int phi_kind;
  int phi_param;
  int start_mode;
  int nu_exp;
  int step_mode;
  int step_param;
  int iterations;
  std::uint64_t seed;
};

rc::Gen<Json> sgd_generator(int runs) {
  auto params = rc::gen::build<SgdParams>(
      rc::gen::set(&SgdParams::n, rc::gen::inRange(1, 21)),
      rc::gen::set(&SgdParams::p_extra, rc::gen::inRange(0, 41)),
      rc::gen::set(&SgdParams::log_cond, rc::gen::inRange(0, 9)),
      rc::gen::set(&SgdParams::phi_kind, rc::gen::weightedElement<int>({{3, 0}, {4, 1}, {3, 2}})),
      rc::gen::set(&SgdParams::phi_param, rc::gen::inRange(0, 11)),
      rc::gen::set(&SgdParams::start_mode, rc::gen::inRange(0, 3)),
      rc::gen::set(&SgdParams::nu_exp, rc::gen::inRange(0, 5)),
      rc::gen::set(&SgdParams::step_mode, rc::gen::weightedElement<int>({{3, 0}, {6, 1}, {1, 2}})),
      rc::gen::set(&SgdParams::step_param, rc::gen::inRange(1, 1001)),
      rc::gen::set(&SgdParams::iterations, rc::gen::inRange(1, 301)),
      rc::gen::set(&SgdParams::seed, rc::gen::arbitrary<std::uint64_t>()));
  return rc::gen::map(params, [runs](const SgdParams& q) {
    RandomSource rng(q.seed);
    const int n = q.n;
    // p >= 8 keeps (beta/alpha)^(1/p) <= (20 * 100)^(1/8) < 2.6, so with nu >= 60
    // the promised probability 1 - (4/nu)(beta/alpha)^(1/p) stays >= 0.8.
    const int p = std::max(n, 8) + q.p_extra;
    Matrix<double> x = matrix_with_condition(n, p, std::pow(10.0, q.log_cond / 4.0), rng);
    Json j;
    Json rows = Json::array();
    for (int i = 0; i < n; ++i) {
      Json row = Json::array();
      for (int k = 0; k < p; ++k) {
        const std::string s = short_decimal(x(i, k), 12);
        x(i, k) = std::stod(s);
        row.push_back(s);
      }
      rows.push_back(row);
    }
    j["X"] = rows;
    os19::Activation<double> phi;
    if (q.phi_kind == 0) {
      j["phi"] = {{"name", "identity"}};
    } else if (q.phi_kind == 1) {
      const std::string c = short_decimal(-0.5 + 0.2 * q.phi_param, 6);
      j["phi"] = {{"name", "tanh_plus"}, {"c", c}};
      phi = {os19::ActivationKind::kTanhPlus, std::stod(c)};
    } else {
      const std::string a = short_decimal(0.05 + 0.095 * q.phi_param, 6);
      j["phi"] = {{"name", "leaky_softplus"}, {"a", a}};
      phi = {os19::ActivationKind::kLeakySoftplus, std::stod(a)};
    }
    Vector<double> theta0 = gaussian_vector(p, rng) / std::sqrt(static_cast<double>(p));
    Vector<double> y;
    if (q.start_mode == 0) {
      y = x * (theta0 + 0.1 * random_unit_vector(p, rng));
      for (int i = 0; i < n; ++i) y(i) = phi.value(y(i));
    } else if (q.start_mode == 1) {
      theta0 *= 10;
      y = 10 * gaussian_vector(n, rng);
    } else {
      theta0.setZero();
      y = gaussian_vector(n, rng);
    }
    j["theta0"] = Json::array();
    for (int k = 0; k < p; ++k) j["theta0"].push_back(short_decimal(theta0(k), 12));
    j["y"] = Json::array();
    for (int i = 0; i < n; ++i) j["y"].push_back(short_decimal(y(i), 12));
    j["nu"] = short_decimal(60.0 * std::pow(10.0, q.nu_exp / 4.0), 6);
    double fraction = 1.0;
    if (q.step_mode == 1) fraction = q.step_param / 1000.0;
    if (q.step_mode == 2) fraction = 1.0 + q.step_param / 100.0;  // up to 11x: outside
    j["eta_fraction"] = short_decimal(fraction, 6);
    j["iterations"] = q.iterations;
    j["seed"] = static_cast<std::int64_t>(rng.bits() >> 12);
    if (runs > 1) j["runs"] = runs;
    return j;
  });
}

void validate_sgd(const Json& j) {
  Json copy = j;
  copy.erase("nu");
  copy.erase("seed");
  copy.erase("runs");
  validate_glm_gd(copy);
  if (!(read_real<double>(j, "nu") >= 3)) throw InputError("field 'nu': must be >= 3");
  read_integer(j, "seed", 0, std::numeric_limits<std::int64_t>::max());
  if (has_field(j, "runs")) read_integer(j, "runs", 1, 100000);
}

template <class S>
Outcome evaluate_sgd(const Json& j, SgdClaim claim) {
  using std::abs;
  using std::pow;
  using std::sqrt;
  const Matrix<S> x = read_matrix<S>(j, "X");
  const Eigen::Index n = x.rows(), p = x.cols();
  const Vector<S> y = read_vector<S>(j, "y", n);
  const Vector<S> theta0 = read_vector<S>(j, "theta0", p);
  const os19::Activation<S> phi = os19::read_activation<S>(j, "phi");
  const long iterations = static_cast<long>(read_integer(j, "iterations", 1, 100000));
  const S nu = read_real<S>(j, "nu");
  const auto seed = static_cast<std::uint64_t>(
      read_integer(j, "seed", 0, std::numeric_limits<std::int64_t>::max()));
  const long runs = has_field(j, "runs") ? static_cast<long>(read_integer(j, "runs", 1, 100000)) : 1;
  const os19::GlmModel<S> model(x, y, phi);
  const os19::JacobianBounds<S> b = os19::glm_bounds(x, phi);
  const os19::MatrixBounds<S> mb = os19::matrix_bounds(x);
  const S alpha = b.alpha, beta = b.beta, lip = b.lipschitz, rowb = b.row_bound;
  const S r0 = model.residual(theta0).norm();
  const S u = unit_roundoff<S>();
  Outcome o;
  std::vector<HypothesisCheck> hyps;
  hyps.push_back({"assumption1", alpha > 0, Evidence::kCertified,
                  "alpha = " + to_decimal(alpha, 8) + ", beta = " + to_decimal(beta, 8) + " on R^p"});
  hyps.push_back({"row.bound", true, Evidence::kCertified,
                  "B = Gamma ||X||_2,inf = " + to_decimal(rowb, 8) + " bounds every row of J on R^p"});
  hyps.push_back({"assumption2b", true, Evidence::kCertified, "L = " + to_decimal(lip, 8) + " on R^p"});
  hyps.push_back({"nu", nu >= 3, Evidence::kCertified, "nu = " + to_decimal(nu, 6)});
  if (!(alpha > 0) || !(r0 > 0)) {
    o.ok = false;
    o.message = "alpha = 0 or zero initial residual: nothing to run";
    o.hypotheses = hyps;
    return o;
  }
  const S limit = alpha * alpha / (nu * beta * beta * rowb * rowb + nu * beta * rowb * lip * r0);
  S eta;
  HypothesisCheck step{"step", false, Evidence::kCertified, ""};
  if (has_field(j, "eta")) {
    eta = read_real<S>(j, "eta");
    const S width = 64 * u + 8 * mb.shift / std::max(mb.sigma_min_lower, S(mb.shift));
    step.holds = eta <= limit * (1 + width);
    step.evidence = eta <= limit || eta > limit * (1 + width) ? Evidence::kCertified : Evidence::kEstimated;
  } else {
    const S fraction = read_real<S>(j, "eta_fraction");
    eta = fraction * limit;
    step.holds = fraction <= 1;
  }
  step.detail = "eta = " + to_decimal(eta, 8) + ", limit alpha^2/(nu beta^2 B^2 + nu beta B L ||r0||) = " +
                to_decimal(limit, 8);
  hyps.push_back(step);
  const S promised = 1 - 4 / nu * pow(beta / alpha, S(1) / S(static_cast<double>(p)));
  if (claim == SgdClaim::kStay) {
    hyps.push_back({"probability.bound", promised >= S(kSgdClaimedProbability), Evidence::kCertified,
                    "1 - (4/nu)(beta/alpha)^(1/p) = " + to_decimal(promised, 8) + " (claimed frequency " +
                        to_decimal(S(kSgdClaimedProbability), 3) + ")"});
  }
  const S radius = nu * r0 / alpha;
  const S g = S(static_cast<double>(n + p + 10)) * u;
  const S q = 1 - eta * alpha * alpha / (2 * S(static_cast<double>(n)));
  // Per-iterate sums over runs of ||r_t||^2 1{theta_s in B(nu/2) for s < t} and squares.
  std::vector<S> sum(iterations + 1, S(0)), sum2(iterations + 1, S(0));
  S max_dist = 0, max_err = 0;
  long worst_t = 0;
  for (long m = 0; m < runs; ++m) {
    os19::SgdOptions<S> opt;
    opt.step = eta;
    opt.max_iterations = iterations;
    opt.seed = seed + static_cast<std::uint64_t>(m);
    bool inside = true;  // theta_s in B(nu/2) for all s < t
    S e = 0;             // rounding estimate of the iterate
    auto observer = [&](long t, const Vector<S>& theta, long) {
      const S d = (theta - theta0).norm();
      const S r = model.residual(theta).norm();
      e += g * (theta.norm() + eta * rowb * (r + y.norm()));
      if (claim == SgdClaim::kStay && d > max_dist) {
        max_dist = d;
        max_err = e + g * (theta.norm() + theta0.norm());
        worst_t = t;
      }
      if (claim == SgdClaim::kExpectation) {
        const S val = inside ? S(r * r) : S(0);
        sum[t] += val;
        sum2[t] += val * val;
        inside = inside && d <= nu / 2 * r0 / alpha && r <= nu / 3 * r0;
      }
      return false;
    };
    auto result = os19::stochastic_gradient_descent<S>(model, theta0, opt, observer);
    if (!result.ok()) {
      o.ok = false;
      o.message = "sgd: " + result.message;
      o.hypotheses = hyps;
      return o;
    }
  }
  o.hypotheses = hyps;
  o.relation = Relation::kLessEqual;
  o.details = {{"n", std::to_string(n)},
               {"p", std::to_string(p)},
               {"phi", phi.describe()},
               {"alpha", to_decimal(alpha, 8)},
               {"beta", to_decimal(beta, 8)},
               {"B", to_decimal(rowb, 8)},
               {"L", to_decimal(lip, 8)},
               {"nu", to_decimal(nu, 6)},
               {"eta", to_decimal(eta, 8)},
               {"promised probability", to_decimal(promised, 6)},
               {"iterations", std::to_string(iterations)},
               {"runs", std::to_string(runs)}};
  if (claim == SgdClaim::kStay) {
    o.measured = widen(max_dist);
    o.bound = widen(radius);
    // The radius nu ||r0||/alpha moves with alpha's rounding (enclosure width).
    o.error = widen(S(max_err + 8 * u * radius + radius * 8 * mb.shift / mb.sigma_min_lower));
    o.details.push_back({"farthest iteration", std::to_string(worst_t)});
    o.details.push_back({"tightness", to_decimal(S(max_dist / radius), 6)});
    return o;
  }
  // (3.2): E[||r_t||^2 1_E] <= q^t ||r0||^2. We estimate E[||r_t||^2 1{T > t-1}]
  // (T: first exit from B(nu/2), the proof's stopping time), which is >= the
  // printed left side because E = {T = infinity}; error = 3 standard errors.
  Worst<S> w;
  S qt = 1;
  const S mcount = S(static_cast<double>(runs));
  for (long t = 1; t <= iterations; ++t) {
    qt *= q;
    const S mean = sum[t] / mcount;
    const S var = runs > 1 ? S((sum2[t] - mcount * mean * mean) / (mcount - 1)) : S(0);
    const S se = var > 0 ? S(sqrt(var / mcount)) : S(0);
    const S bound = qt * r0 * r0;
    using std::log;
    w.offer(t, mean, bound, 3 * se + 8 * g * bound,
            qt > 0 && qt < 1 && mean > 0 && mean < r0 * r0 ? S(log(qt) / log(mean / (r0 * r0))) : S(0));
  }
  o.measured = widen(w.measured);
  o.bound = widen(w.bound);
  o.error = widen(w.error);
  o.details.push_back({"worst iteration", std::to_string(w.iteration)});
  o.details.push_back({"measured / bound", to_decimal(w.ratio, 8)});
  o.details.push_back({"tightness", to_decimal(w.tightness, 6)});
  return o;
}

void register_sgd_claims(Registry& registry) {
  const char* statement =
      "Assumption 1 over B(theta0, nu ||f(theta0) - y||/alpha), nu >= 3, rows of J bounded by B, and "
      "Assumption 2(a) with eta <= alpha^2/(nu beta^2 B^2) or (b) with eta <= alpha^2/(nu beta^2 B^2 + "
      "nu beta B L ||f(theta0) - y||). Then there is an event E with P(E) >= 1 - (4/nu)(beta/alpha)^(1/p) "
      "such that SGD (3.1) from theta0 obeys E[||f(theta_t) - y||^2 1_E] <= (1 - eta alpha^2/(2n))^t "
      "||f(theta0) - y||^2 (3.2); furthermore, on this event the SGD iterates never leave D.";
  {
    Claim c;
    c.id = "os19.thm3.1.stay";
    c.paper = "os19";
    c.source = "Theorem 3.1 (event E: SGD never leaves D)";
    c.summary = "SGD stays in B(theta0, nu ||r0||/alpha) with probability >= 1 - (4/nu)(beta/alpha)^(1/p)";
    c.statement = statement;
    c.kind = ClaimKind::kFrequency;
    c.claimed_probability = kSgdClaimedProbability;
    c.hypotheses = {{"assumption1", "Assumption 1 over D"},
                    {"row.bound", "max_i ||J_i(theta)|| <= B over D"},
                    {"assumption2b", "Assumption 2(b) over D"},
                    {"nu", "nu >= 3"},
                    {"step", "eta <= alpha^2/(nu beta^2 B^2 + nu beta B L ||f(theta0) - y||)"},
                    {"probability.bound", "the instance's 1 - (4/nu)(beta/alpha)^(1/p) >= 0.8"}};
    c.measurement =
        "One SGD run per case (its own seed); event: max over t <= T of ||theta_t - theta0|| <= nu "
        "||r0||/alpha. Staying in D is implied by E, so its probability is at least P(E) >= the "
        "instance's 1 - (4/nu)(beta/alpha)^(1/p) >= 0.8 (every generated case; checked).";
    c.generator_info =
        "GLM data n in [1, 20], p = max(n, 8) + [0, 40], cond(X) in [1, 100], phi from the family, nu "
        "in [60, 600], eta at/below/above (up to 11x) the limit, T in [1, 300], seeded index sequence.";
    c.instance_schema = kSgdInstanceSchema;
    c.notes = "Only the finite horizon T is observed; leaving D after T is not seen.";
    c.default_cases = 200;
    c.error_is_rounding = true;
    c.generator = sgd_generator(1);
    c.validate = validate_sgd;
    c.evaluate = make_evaluator([]<class S>(const Json& j) { return evaluate_sgd<S>(j, SgdClaim::kStay); });
    registry.add(std::move(c));
  }
  {
    Claim c;
    c.id = "os19.thm3.1.expectation";
    c.paper = "os19";
    c.source = "Theorem 3.1, eq. (3.2)";
    c.summary = "SGD: E[||f(theta_t) - y||^2 1_E] <= (1 - eta alpha^2/(2n))^t ||f(theta0) - y||^2";
    c.statement = statement;
    c.kind = ClaimKind::kExplicit;
    c.hypotheses = {{"assumption1", "Assumption 1 over D"},
                    {"row.bound", "max_i ||J_i(theta)|| <= B over D"},
                    {"assumption2b", "Assumption 2(b) over D"},
                    {"nu", "nu >= 3"},
                    {"step", "eta <= alpha^2/(nu beta^2 B^2 + nu beta B L ||f(theta0) - y||)"}};
    c.measurement =
        "Monte Carlo over `runs` seeded SGD runs: for every t, the mean of ||r_t||^2 1{theta_s in B(nu/2) "
        "for all s < t} (the proof's stopping time, Section 9.4.6; an upper estimate of the printed "
        "E[||r_t||^2 1_E] since E = {never leaves B(nu/2)}) against (1 - eta alpha^2/(2n))^t ||r0||^2; "
        "the worst t is reported; error = 3 standard errors.";
    c.generator_info =
        "as os19.thm3.1.stay with 16 runs per case.";
    c.instance_schema = kSgdInstanceSchema;
    c.default_cases = 60;
    c.error_is_rounding = false;
    c.generator = sgd_generator(16);
    c.validate = validate_sgd;
    c.evaluate =
        make_evaluator([]<class S>(const Json& j) { return evaluate_sgd<S>(j, SgdClaim::kExpectation); });
    registry.add(std::move(c));
  }
}


// ===========================================================================
// Theorem 4.2: low-rank regression <X_i, Theta Theta^T> with Gaussian X_i.
// c, c1, c2 are unspecified numerical constants, so only the r-dependence of
// the geometric rate is checkable: with eta = c1 sqrt(n)/(r^2 d ||y||) the
// loss decays like (1 - c2 / r^{3/2})^t. A scaling claim: each instance gives
// the point (r, -log of the per-step loss ratio), and the engine fits the
// exponent (predicted -3/2).

struct LowRankParams {
  int r;
  int d_extra;
  int ratio_exp;  // n = dr / 2^(ratio_exp + 3), i.e. n/(dr) in {1/8, 1/16, 1/32}
  std::uint64_t seed;
};

constexpr const char* kLowRankInstanceSchema =
    "{\"d\", \"r\" (r <= d), \"n\" (n <= d r), \"seed\": X_i (d x d, i.i.d. N(0,1)), Rademacher "
    "labels y and Theta0 = theta U diag(s) (U orthonormal d x r, s_j uniform in [1, 2], theta = "
    "sqrt(||y||)/(r n)^(1/4)) are drawn from RandomSource(seed) in that order, \"c1\": step constant "
    "(eta = c1 sqrt(n)/(r^2 d ||y||)), \"iterations\": T}";

rc::Gen<Json> low_rank_generator() {
  auto params = rc::gen::build<LowRankParams>(
      rc::gen::set(&LowRankParams::r, rc::gen::inRange(1, 9)),
      rc::gen::set(&LowRankParams::d_extra, rc::gen::inRange(0, 9)),
      rc::gen::set(&LowRankParams::ratio_exp, rc::gen::inRange(0, 3)),
      rc::gen::set(&LowRankParams::seed, rc::gen::arbitrary<std::uint64_t>()));
  return rc::gen::map(params, [](const LowRankParams& q) {
    const int d = std::max(q.r, 8) + q.d_extra;
    const int n = std::max(1, (d * q.r) >> (q.ratio_exp + 3));
    Json j;
    j["d"] = d;
    j["r"] = q.r;
    j["n"] = n;
    j["seed"] = static_cast<std::int64_t>(q.seed >> 12);
    j["c1"] = "0.03";
    j["iterations"] = 100;
    return j;
  });
}

void validate_low_rank(const Json& j) {
  const long long d = read_integer(j, "d", 1, 200);
  const long long r = read_integer(j, "r", 1, d);
  read_integer(j, "n", 1, d * r);
  read_integer(j, "seed", 0, std::numeric_limits<std::int64_t>::max());
  if (!(read_real<double>(j, "c1") > 0)) throw InputError("field 'c1': must be > 0");
  read_integer(j, "iterations", 1, 100000);
}

template <class S>
Outcome evaluate_low_rank(const Json& j) {
  using std::log;
  using std::pow;
  using std::sqrt;
  const Eigen::Index d = read_integer(j, "d", 1, 200);
  const Eigen::Index r = read_integer(j, "r", 1, d);
  const Eigen::Index n = read_integer(j, "n", 1, d * r);
  RandomSource rng(static_cast<std::uint64_t>(
      read_integer(j, "seed", 0, std::numeric_limits<std::int64_t>::max())));
  const S c1 = read_real<S>(j, "c1");
  const long iterations = static_cast<long>(read_integer(j, "iterations", 1, 100000));
  std::vector<Matrix<S>> xs;
  for (Eigen::Index i = 0; i < n; ++i) {
    xs.push_back(gaussian_matrix(d, d, rng).unaryExpr([](double v) { return S(v); }));
  }
  Vector<S> y(n);
  for (Eigen::Index i = 0; i < n; ++i) y(i) = S(rng.sign());
  const S ynorm = y.norm();
  const S scale = sqrt(ynorm) / pow(S(static_cast<double>(r * n)), S(1) / 4);
  const Matrix<double> uo = random_orthonormal_columns(d, r, rng);
  Matrix<S> theta0m(d, r);
  for (Eigen::Index c = 0; c < r; ++c) {
    const double s = 1 + rng.uniform();
    for (Eigen::Index a = 0; a < d; ++a) theta0m(a, c) = scale * S(s) * S(uo(a, c));
  }
  Vector<S> theta0(d * r);
  for (Eigen::Index c = 0; c < r; ++c) theta0.segment(c * d, d) = theta0m.col(c);
  const os19::LowRankModel<S> model(xs, y, r);
  const S eta = c1 * sqrt(S(static_cast<double>(n))) / (S(static_cast<double>(r * r * d)) * ynorm);
  Outcome o;
  std::vector<S> loss;
  auto observer = [&](long, const Vector<S>& theta) {
    loss.push_back(model.loss(theta));
    return false;
  };
  GradientDescentOptions<S> opt;
  opt.step = eta;
  opt.max_iterations = iterations;
  auto result = gradient_descent<S>(model, theta0, opt, observer);
  if (!result.ok() || !is_finite(loss.back()) || !(loss.back() > 0)) {
    o.ok = false;
    o.message = "gradient descent: " + result.message + (is_finite(loss.back()) ? ", loss reached 0" : ", loss not finite");
    return o;
  }
  // Per-step decay exponent of the loss over the run: -log(L_T / L_0) / T;
  // the fitted exponent of r is the checkable part of the rate.
  const S rate = -log(loss.back() / loss.front()) / S(static_cast<double>(iterations));
  // Monotone decrease is recorded, not required: the theorem bounds L_t by
  // 100 (1 - c2/r^{3/2})^t ||y||^2, which allows early increases.
  S worst_increase = 1;
  for (std::size_t t = 1; t < loss.size(); ++t) worst_increase = std::max(worst_increase, S(loss[t] / loss[t - 1]));
  const bool monotone = worst_increase <= 1;
  o.hypotheses = {{"gaussian.features", true, Evidence::kCertified, "X_i i.i.d. N(0,1) by construction"},
                  {"n.le.cdr", n * 8 <= d * r, Evidence::kUnchecked,
                   fmt::format("n = {}, d r = {}: n <= c d r with c unspecified; we use n <= dr/8", n, d * r)},
                  {"init.spectrum", true, Evidence::kCertified,
                   "singular values of Theta0 in [theta, 2 theta] by construction"}};
  if (rate > 0) {
    o.points.push_back({widen(S(static_cast<double>(r))), widen(rate)});
  } else {
    o.ok = false;
    o.message = "loss did not decrease over the run (no geometric decrease to fit)";
  }
  o.measured = widen(rate);
  o.details = {{"d", std::to_string(d)}, {"r", std::to_string(r)}, {"n", std::to_string(n)},
               {"eta", to_decimal(eta, 8)}, {"per-step decay", to_decimal(rate, 8)},
               {"loss ratio L_T/L_0", to_decimal(S(loss.back() / loss.front()), 8)},
               {"decay * r^1.5", to_decimal(S(rate * pow(S(static_cast<double>(r)), S(3) / 2)), 6)},
               {"monotone", monotone ? "yes" : "no"},
               {"largest one-step loss ratio L_{t+1}/L_t", to_decimal(worst_increase, 8)}};
  return o;
}

void register_low_rank_claims(Registry& registry) {
  Claim c;
  c.id = "os19.thm4.2";
  c.paper = "os19";
  c.source = "Theorem 4.2";
  c.summary = "low-rank regression: loss decays like (1 - c2/r^{3/2})^t with eta = c1 sqrt(n)/(r^2 d ||y||)";
  c.statement =
      "X_i i.i.d. N(0,1) d x d, labels arbitrary, Theta0 with singular values in [sqrt(||y||)/(rn)^(1/4), "
      "2 sqrt(||y||)/(rn)^(1/4)], n <= c d r, eta = c1 sqrt(n)/(r^2 d ||y||). Then with probability at "
      "least 1 - 4 e^{-n/2} all GD iterates obey sum_i (y_i - <X_i, Theta_t Theta_t^T>)^2 <= 100 (1 - "
      "c2/r^{3/2})^t ||y||^2.";
  c.kind = ClaimKind::kScaling;
  c.predicted_exponent = -1.5;
  c.exponent_tolerance = 0.5;
  c.x_label = "r";
  c.y_label = "per-step loss decay -log(L_T/L_0)/T";
  c.hypotheses = {{"gaussian.features", "X_i i.i.d. N(0, 1)"},
                  {"n.le.cdr", "n <= c d r (c unspecified)"},
                  {"init.spectrum", "singular values of Theta0 in the printed interval"}};
  c.measurement =
      "GD for T = 100 steps with c1 = 0.03 (the theorem leaves c1 unspecified); the point (r, "
      "-log(L_T/L_0)/T). The constants c, c1, c2 and the factor 100 are unspecified, so only the "
      "exponent of r in the rate (predicted -3/2) is checked; whether the loss decreased monotonically is recorded per case.";
  c.generator_info = "r in [1, 8], d = max(r, 8) + [0, 8], n = d r / {8, 16, 32}, Rademacher labels.";
  c.instance_schema = kLowRankInstanceSchema;
  c.notes =
      "Section 9.6 prints the Jacobian row as vec(X_i Theta); the derivative of <X_i, Theta Theta^T> "
      "is vec((X_i + X_i^T) Theta). The proof's constants are affected, not the scaling.";
  c.default_cases = 40;
  c.error_is_rounding = false;
  c.generator = low_rank_generator();
  c.validate = validate_low_rank;
  c.evaluate = make_evaluator([]<class S>(const Json& j) { return evaluate_low_rank<S>(j); });
  registry.add(std::move(c));
}

}  // namespace

THMCHECK_REGISTER(os19) {
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
    c.generator_info =
        "n in [1, 40], p = n + [-3, 460] (p <= 500; n > p is outside Assumption 1), "
        "cond(X) in [1, 1e8], ||X|| in [1e-3, 1e3], ||theta - theta0|| in [1e-8, 1e3]; direction "
        "random, along the top right singular vector, or along it with the residual aligned "
        "(tight case); beta = ||X|| (60%), given above ||X|| (20%), given below ||X|| (20%, "
        "outside the hypothesis).";
    c.instance_schema =
        "{\"X\": n x p array of rows, \"y\": [n], \"theta0\": [p], \"theta\": [p], "
        "\"beta\": optional (default ||X||)}";
    c.notes =
        "Checked for linear f only (J = X, beta = ||X||), where (2.15) reduces to the triangle "
        "inequality; nonlinear models with certified Jacobian bounds are os19's issue. sigma_min(J) "
        "is read as the n-th singular value of the n x p Jacobian (sqrt of lambda_min(J J^T)), the "
        "reading the paper's proofs use (J J^T >= alpha^2 I): with n > p it is 0 and Assumption 1 "
        "fails. Hypotheses computed numerically are certified when they clear their rounding bound "
        "1000-fold, estimated otherwise.";
    c.default_cases = 300;
    c.generator = lower_bound_generator();
    c.validate = validate_lower_bound;
    c.evaluate = make_evaluator([]<class S>(const Json& j) { return evaluate_lower_bound<S>(j); });
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
    c.generator_info =
        "n in [1, 30], p in [n, n + 170], alpha in [1e-4, 1e3], beta/alpha in [1, 1e4]; theta "
        "random of size gamma 10^[-3, 2], a multiple of theta*, or theta* plus 1e-8 noise.";
    c.instance_schema =
        "{\"alpha\", \"beta\", \"row_norms\": [n] (first alpha, last beta), \"householder\": [p] "
        "integers, \"theta\": [p], \"theta_along_star\": optional t (theta += t theta*)}";
    c.notes =
        "The statement allows alpha = 0, Assumption 1 requires alpha > 0, and the proof's "
        "construction (gamma = beta/alpha) needs alpha > 0; generators use alpha > 0.";
    c.default_cases = 200;
    c.generator = alpha_example_generator();
    c.validate = validate_alpha_example;
    c.evaluate = make_evaluator([]<class S>(const Json& j) { return evaluate_alpha_example<S>(j); });
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
    c.generator_info =
        "n in [1, 30], p in [n, n + 170], alpha in [1e-4, 1e3], beta/alpha in [1, 1e4]; gamma = "
        "beta/alpha as in Section 9.3 (50%) or free in [1e-3, 1e3]; eta beta^2 log-uniform in "
        "[1e-8, 1] (75%; min(5000, h/(eta beta^2)) iterations, h in 1..10, i.e. to within e^-h of "
        "theta* unless capped) or in (1, 2) (25%, outside the hypothesis; 20 to 200 iterations).";
    c.instance_schema =
        "{\"alpha\", \"beta\", \"row_norms\": [n], \"householder\": [p] integers, \"gamma\": "
        "optional (default beta/alpha), \"step_times_beta_squared\": eta beta^2, \"iterations\"}";
    c.notes =
        "The statement allows alpha = 0, which Assumption 1 (beta >= alpha > 0) and the "
        "construction's row norms exclude; (2.17) itself does not involve alpha. The step condition "
        "eta <= 1/beta^2 is sharp: for eta beta^2 = c in (1, 2) the first iterate is c gamma along "
        "x_n and the left side is beta gamma (2c - 1) > beta gamma.";
    c.default_cases = 200;
    c.generator = gd_example_generator();
    c.validate = validate_gd_example;
    c.evaluate = make_evaluator([]<class S>(const Json& j) { return evaluate_gd_example<S>(j); });
    registry.add(std::move(c));
  }
  register_gd_claims(registry);
  register_network_claims(registry);
  register_sgd_claims(registry);
  register_low_rank_claims(registry);
}

}  // namespace thmcheck::checks
