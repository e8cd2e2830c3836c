#include "thmcheck/os19/glm_gd_instance.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "thmcheck/generators/random_data.hpp"
#include "thmcheck/os19/activation.hpp"

namespace thmcheck::os19 {

const char* const kGlmInstanceSchema =
    "{\"X\": n x p array of rows (n <= p, full row rank), \"y\": [n], \"phi\": "
    "{\"name\": \"identity\"} | {\"name\": \"tanh_plus\", \"c\": c > -1} | "
    "{\"name\": \"leaky_softplus\", \"a\": a in (0, 1]}, \"theta0\": [p], and either \"eta\": "
    "step size or \"eta_fraction\": step as a fraction of the theorem's limit (computed from the "
    "certified constants), \"iterations\": T in [1, 100000] (iterates 0..T are checked), "
    "\"lambda\": in (0, 1] (Theorem 9.3 claims only; default 0.5)}. Reals as JSON numbers or "
    "decimal strings.";

const char* const kGlmGeneratorInfo =
    "n in [1, 30] (small n favoured), p = n + [0, 60] (10% of cases: n in [50, 150], p = n + [0, 100], "
    "T <= 30), cond(X) in [1, 1e4], ||X|| in [0.1, 10]; phi "
    "identity / tanh_plus c in [-0.9, 3] / leaky_softplus a in [0.05, 1]; theta0 near a solution "
    "(distance 1e-6..1), far (theta0, y of size up to 1e3) or theta0 = 0; eta at the theorem's "
    "limit (30%), below it (60%, fraction 1e-3..1) or above (10%, outside the hypothesis); T in [1, 300].";

namespace {

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

}  // namespace

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

}  // namespace thmcheck::os19
