#include "thmcheck/os19/sgd_instance.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

#include "thmcheck/generators/random_data.hpp"
#include "thmcheck/os19/activation.hpp"

namespace thmcheck::os19 {

const char* const kSgdGeneratorInfo =
    "GLM data n in [1, 20], p = max(n, 8) + [0, 40], cond(X) in [1, 100], phi from the family, nu "
    "in [60, 600], eta at/below/above (up to 11x) the limit, T in [1, 300], seeded index sequence.";

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

rc::Gen<SgdInstance> sgd_generator(int runs) {
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
  return rc::gen::map(params, [runs](const SgdParams& q) -> SgdInstance {
    RandomSource rng(q.seed);
    const int n = q.n;
    // p >= 8 keeps (beta/alpha)^(1/p) <= (20 * 100)^(1/8) < 2.6, so with nu >= 60
    // the promised probability 1 - (4/nu)(beta/alpha)^(1/p) stays >= 0.8.
    const int p = std::max(n, 8) + q.p_extra;
    Matrix<double> x = matrix_with_condition(n, p, std::pow(10.0, q.log_cond / 4.0), rng);
    SgdInstance in;
    in.x = decimal_rows(x, 12);
    os19::Activation<double> phi;
    if (q.phi_kind == 0) {
      in.phi = identity_spec();
    } else if (q.phi_kind == 1) {
      const std::string c = short_decimal(-0.5 + 0.2 * q.phi_param, 6);
      in.phi = tanh_plus_spec(c);
      phi = {os19::ActivationKind::kTanhPlus, std::stod(c)};
    } else {
      const std::string a = short_decimal(0.05 + 0.095 * q.phi_param, 6);
      in.phi = leaky_softplus_spec(a);
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
    in.theta0 = decimal_reals(theta0, 12);
    in.y = decimal_reals(y, 12);
    in.nu = Real::parse(short_decimal(60.0 * std::pow(10.0, q.nu_exp / 4.0), 6));
    double fraction = 1.0;
    if (q.step_mode == 1) fraction = q.step_param / 1000.0;
    if (q.step_mode == 2) fraction = 1.0 + q.step_param / 100.0;  // up to 11x: outside
    in.eta_fraction = Real::parse(short_decimal(fraction, 6));
    in.iterations = q.iterations;
    in.seed = static_cast<long>(rng.bits() >> 12);
    if (runs > 1) in.runs = runs;
    return in;
  });
}

void SgdInstance::check() const {
  check_data();
  if (!(nu.as<double>() >= 3)) throw InputError("field 'nu': must be >= 3");
  if (seed < 0) throw InputError(fmt::format("field 'seed': {} is negative", seed));
  if (runs && (*runs < 1 || *runs > 100000)) {
    throw InputError(fmt::format("field 'runs': {} is outside [1, 100000]", *runs));
  }
}

}  // namespace thmcheck::os19
