#include "thmcheck/os19/orthogonal_rows_instance.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "thmcheck/numerics/linalg.hpp"

namespace thmcheck::os19 {

const char* const kAlphaExampleGeneratorInfo =
    "n in [1, 30], p in [n, n + 170], alpha in [1e-4, 1e3], beta/alpha in [1, 1e4]; theta "
    "random of size gamma 10^[-3, 2], a multiple of theta*, or theta* plus 1e-8 noise.";

const char* const kGdExampleGeneratorInfo =
    "n in [1, 30], p in [n, n + 170], alpha in [1e-4, 1e3], beta/alpha in [1, 1e4]; gamma = "
    "beta/alpha as in Section 9.3 (50%) or free in [1e-3, 1e3]; eta beta^2 log-uniform in "
    "[1e-8, 1] (75%; min(5000, h/(eta beta^2)) iterations, h in 1..10, i.e. to within e^-h of "
    "theta* unless capped) or in (1, 2) (25%, outside the hypothesis; 20 to 200 iterations).";

template <class S>
Matrix<S> orthogonal_rows(const Vector<S>& norms, const Vector<S>& v) {
  Matrix<S> h = householder_reflection(v);
  return norms.asDiagonal() * h.topRows(norms.size());
}

template <class S>
Matrix<S> ConstructionData::matrix() const {
  Vector<S> v(cols());
  for (Eigen::Index i = 0; i < cols(); ++i) v(i) = S(householder[static_cast<size_t>(i)]);
  return orthogonal_rows(as_vector<S>(row_norms), v);
}

void ConstructionData::check_construction() const {
  const size_t p = householder.size(), n = row_norms.size();
  if (p < 1) throw InputError("field 'householder': must have length p >= 1");
  if (n < 1 || n > p) throw InputError(fmt::format("field 'row_norms': length {} must be in [1, p = {}]", n, p));
  for (size_t i = 0; i < n; ++i) {
    if (!(row_norms[i].as<double>() > 0)) throw InputError(fmt::format("field 'row_norms'[{}]: must be positive", i));
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


rc::Gen<ConstructionParams> construction_params() {
  return rc::gen::build<ConstructionParams>(
      rc::gen::set(&ConstructionParams::n, rc::gen::inRange(1, 31)),
      rc::gen::set(&ConstructionParams::p_extra, rc::gen::inRange(0, 171)),
      rc::gen::set(&ConstructionParams::alpha_exp, rc::gen::inRange(-8, 7)),
      rc::gen::set(&ConstructionParams::ratio_exp, rc::gen::inRange(0, 17)),
      rc::gen::set(&ConstructionParams::seed, rc::gen::arbitrary<std::uint64_t>()));
}

ConstructionData construction_data(const ConstructionParams& c, RandomSource& rng) {
  const int n = c.n;
  const int p = c.n + c.p_extra;
  const double alpha = std::pow(10.0, c.alpha_exp / 2.0);
  // With one row, that row is both the smallest (alpha) and the largest (beta).
  const double beta = n == 1 ? alpha : alpha * std::pow(10.0, c.ratio_exp / 4.0);
  const std::string alpha_text = short_decimal(alpha, 6), beta_text = short_decimal(beta, 6);
  ConstructionData out;
  out.alpha = Real::parse(alpha_text);
  out.beta = Real::parse(beta_text);
  const double alpha6 = std::stod(alpha_text);
  const double beta6 = std::stod(beta_text);
  for (int i = 0; i < n; ++i) {
    if (i == 0) {
      out.row_norms.push_back(out.alpha);
    } else if (i == n - 1) {
      out.row_norms.push_back(out.beta);
    } else {
      // log-uniform in [alpha, beta], rounded to 6 digits and clamped inside.
      double r = alpha6 * std::pow(beta6 / alpha6, rng.uniform());
      std::string s = short_decimal(r, 6);
      double rs = std::stod(s);
      if (rs < alpha6) s = alpha_text;
      if (rs > beta6) s = beta_text;
      out.row_norms.push_back(Real::parse(s));
    }
  }
  for (int i = 0; i < p; ++i) out.householder.push_back(static_cast<long>(rng.integer(-9, 9)));
  if (std::all_of(out.householder.begin(), out.householder.end(), [](long x) { return x == 0; })) {
    out.householder[0] = 1;
  }
  return out;
}

// ---- os19.thm2.4.ex16: the alpha-example (2.16).

namespace {

struct AlphaExampleParams {
  ConstructionParams construction;
  int theta_mode;  // 0 random; 1 t theta*; 2 theta* + small noise
  int scale_exp;   // size of theta relative to gamma: 10^(scale_exp/4)
  std::uint64_t seed;
};

}  // namespace

rc::Gen<AlphaExampleInstance> alpha_example_generator() {
  auto params = rc::gen::build<AlphaExampleParams>(
      rc::gen::set(&AlphaExampleParams::construction, construction_params()),
      rc::gen::set(&AlphaExampleParams::theta_mode, rc::gen::inRange(0, 3)),
      rc::gen::set(&AlphaExampleParams::scale_exp, rc::gen::inRange(-12, 9)),
      rc::gen::set(&AlphaExampleParams::seed, rc::gen::arbitrary<std::uint64_t>()));
  return rc::gen::map(params, [](const AlphaExampleParams& q) -> AlphaExampleInstance {
    RandomSource rng(q.seed);
    RandomSource crng(q.construction.seed);
    AlphaExampleInstance in;
    static_cast<ConstructionData&>(in) = construction_data(q.construction, crng);
    const int p = q.construction.n + q.construction.p_extra;
    // theta is given relative to gamma e1-direction only loosely: the claim
    // builds theta* itself; here we draw theta of size 10^(scale/4) * gamma.
    const double alpha = std::stod(in.alpha.text());
    const double beta = std::stod(in.beta.text());
    const double gamma_value = beta / alpha;
    const double size = gamma_value * std::pow(10.0, q.scale_exp / 4.0);
    if (q.theta_mode == 0) {
      in.theta = reals_of<double>(Vector<double>(size * random_unit_vector(p, rng)));
    } else {
      in.theta_along_star = Real::parse(short_decimal(std::pow(10.0, q.scale_exp / 4.0), 6));
      if (q.theta_mode == 2) {
        in.theta = reals_of<double>(Vector<double>(1e-8 * size * random_unit_vector(p, rng)));
      } else {
        in.theta = reals_of<double>(Vector<double>(Vector<double>::Zero(p)));
      }
    }
    return in;
  });
}

void AlphaExampleInstance::check() const {
  check_construction();
  if (theta.size() != householder.size()) {
    throw InputError(fmt::format("field 'theta': length {} does not match the length {} of 'householder'",
                                 theta.size(), householder.size()));
  }
}

// ---- os19.thm2.4.ex17: GD on the beta-example (2.17).

namespace {

struct GdExampleParams {
  ConstructionParams construction;
  int gamma_mode;      // 0: gamma = beta/alpha as in Section 9.3 (field omitted); 1: free
  int gamma_exp;       // free gamma = 10^(gamma_exp / 2)
  int step_mode;       // 0..2: eta beta^2 = 10^(step_exp/4) in [1e-8, 1]; 3: 1 + overshoot/1000 in (1, 2)
  int step_exp;
  int overshoot;
  int horizon;         // iterations = min(5000, horizon / (eta beta^2)) inside; 1..200 outside
};

}  // namespace

rc::Gen<GdExampleInstance> gd_example_generator() {
  auto params = rc::gen::build<GdExampleParams>(
      rc::gen::set(&GdExampleParams::construction, construction_params()),
      rc::gen::set(&GdExampleParams::gamma_mode, rc::gen::inRange(0, 2)),
      rc::gen::set(&GdExampleParams::gamma_exp, rc::gen::inRange(-6, 7)),
      rc::gen::set(&GdExampleParams::step_mode, rc::gen::inRange(0, 4)),
      rc::gen::set(&GdExampleParams::step_exp, rc::gen::inRange(-32, 1)),
      rc::gen::set(&GdExampleParams::overshoot, rc::gen::inRange(1, 1000)),
      rc::gen::set(&GdExampleParams::horizon, rc::gen::inRange(1, 11)));
  return rc::gen::map(params, [](const GdExampleParams& q) -> GdExampleInstance {
    RandomSource crng(q.construction.seed);
    GdExampleInstance in;
    static_cast<ConstructionData&>(in) = construction_data(q.construction, crng);
    if (q.gamma_mode == 1) in.gamma = Real::parse(short_decimal(std::pow(10.0, q.gamma_exp / 2.0), 6));
    long iterations;
    if (q.step_mode < 3) {
      const std::string c = short_decimal(std::pow(10.0, q.step_exp / 4.0), 6);
      in.step_times_beta_squared = Real::parse(c);
      // Long enough to get within e^-horizon of theta*, capped for cost.
      iterations = static_cast<long>(std::min(5000.0, std::ceil(q.horizon / std::stod(c))));
    } else {
      in.step_times_beta_squared = Real::parse(short_decimal(1.0 + q.overshoot / 1000.0, 6));
      iterations = 20L * q.horizon;
    }
    in.iterations = iterations;
    return in;
  });
}

void GdExampleInstance::check() const {
  check_construction();
  if (gamma && !(gamma->as<double>() > 0)) throw InputError("field 'gamma': must be positive");
  if (!(step_times_beta_squared.as<double>() > 0)) {
    throw InputError("field 'step_times_beta_squared': must be positive");
  }
  if (iterations < 0 || iterations > 1000000) {
    throw InputError(fmt::format("field 'iterations': {} is outside [0, 1000000]", iterations));
  }
}

template Matrix<double> orthogonal_rows(const Vector<double>&, const Vector<double>&);
template Matrix<Mp50> orthogonal_rows(const Vector<Mp50>&, const Vector<Mp50>&);
template Matrix<Mp100> orthogonal_rows(const Vector<Mp100>&, const Vector<Mp100>&);
template HypothesisCheck construction_hypothesis(const double&, const double&, const Vector<double>&);
template HypothesisCheck construction_hypothesis(const Mp50&, const Mp50&, const Vector<Mp50>&);
template HypothesisCheck construction_hypothesis(const Mp100&, const Mp100&, const Vector<Mp100>&);
template Matrix<double> ConstructionData::matrix<double>() const;
template Matrix<Mp50> ConstructionData::matrix<Mp50>() const;
template Matrix<Mp100> ConstructionData::matrix<Mp100>() const;

}  // namespace thmcheck::os19
