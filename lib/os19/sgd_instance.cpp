#include "thmcheck/os19/sgd_instance.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

#include "thmcheck/generators/random_data.hpp"
#include "thmcheck/os19/activation.hpp"
#include "thmcheck/os19/glm_gd_instance.hpp"

namespace thmcheck::os19 {

const char* const kSgdInstanceSchema =
    "{\"X\", \"y\", \"phi\", \"theta0\" as for the GLM claims, \"nu\": >= 3, either \"eta\" or "
    "\"eta_fraction\" (of alpha^2/(nu beta^2 B^2 + nu beta B L ||r0||)), \"iterations\": T in [1, "
    "100000], \"seed\": SGD index-sequence seed (integer), \"runs\": Monte Carlo runs (expectation "
    "claim, seeds seed..seed+runs-1)}";

namespace {

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

}  // namespace

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

}  // namespace thmcheck::os19
