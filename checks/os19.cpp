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
#include <fmt/format.h>
#include <rapidcheck.h>

#include <cmath>

#include "checks/catalog.hpp"
#include "lib/generators/random_data.hpp"
#include "lib/models/linear_regression.hpp"
#include "lib/numerics/linalg.hpp"
#include "lib/solvers/gradient_descent.hpp"

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

}  // namespace

void register_os19(Registry& registry) {
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
}

}  // namespace thmcheck::checks
