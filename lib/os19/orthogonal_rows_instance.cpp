#include "thmcheck/os19/orthogonal_rows_instance.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "thmcheck/numerics/linalg.hpp"

namespace thmcheck::os19 {

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

// ---- os19.thm2.4.ex16: the alpha-example (2.16).

namespace {

struct AlphaExampleParams {
  ConstructionParams construction;
  int theta_mode;  // 0 random; 1 t theta*; 2 theta* + small noise
  int scale_exp;   // size of theta relative to gamma: 10^(scale_exp/4)
  std::uint64_t seed;
};

}  // namespace

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

template Matrix<double> orthogonal_rows(const Vector<double>&, const Vector<double>&);
template Matrix<Mp50> orthogonal_rows(const Vector<Mp50>&, const Vector<Mp50>&);
template Matrix<Mp100> orthogonal_rows(const Vector<Mp100>&, const Vector<Mp100>&);
template HypothesisCheck construction_hypothesis(const double&, const double&, const Vector<double>&);
template HypothesisCheck construction_hypothesis(const Mp50&, const Mp50&, const Vector<Mp50>&);
template HypothesisCheck construction_hypothesis(const Mp100&, const Mp100&, const Vector<Mp100>&);

}  // namespace thmcheck::os19
