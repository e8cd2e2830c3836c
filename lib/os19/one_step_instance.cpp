#include "thmcheck/os19/one_step_instance.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "thmcheck/generators/random_data.hpp"
#include "thmcheck/os19/glm_gd_instance.hpp"
#include "thmcheck/os19/jacobian_bounds.hpp"
#include "thmcheck/os19/local_bounds.hpp"
#include "thmcheck/os19/models.hpp"
#include "thmcheck/os19/one_step.hpp"
#include "thmcheck/os19/orthogonal_rows_instance.hpp"

namespace thmcheck::os19 {

const char* const kOneStepGeneratorInfo =
    "n in [1, 6], p = n + [0, 6]; X with cond in [1, 100] (70%) or orthogonal rows of equal norm "
    "(30%), ||X|| in [0.1, 10], 12 digits; phi identity (40%), tanh_plus c in +-[0.01, 0.3], "
    "leaky_softplus a in [0.7, 1]; y near phi(X theta0) (distance 1e-4..1) or random; zeta at 1 - 1e-9 / "
    "1 - 1e-6 / [0.05, 1] of the largest zeta <= alpha over B(theta0, ||r0||/zeta); theta = theta0 + s t* d, d = -grad L(theta0)/|.| + noise (0, 1e-3, 0.3, "
    "3), t* the boundary of P on that ray, s = 1 - 1e-9 / 1 - 1e-5 / [0, 1] / 1.2 (10%, outside); "
    "eta_fraction 1 (40%), [0.001, 1] (50%), 1.05 (10%, outside); lambda (9.7): (a) the largest "
    "certified value times 1 - 1e-9 / [0, 1], (b) 0 / 0.999 / [0, 1).";

void OneStepInstance::check() const {
  const size_t n = x.size(), p = x.front().size();
  if (n > p) throw InputError(fmt::format("field 'X': n = {} > p = {} (Assumption 1 needs n <= p)", n, p));
  if (y.size() != n) throw InputError(fmt::format("field 'y': length {} does not match the {} rows of 'X'", y.size(), n));
  if (theta0.size() != p) throw InputError(fmt::format("field 'theta0': length {} is not p = {}", theta0.size(), p));
  if (theta.size() != p) throw InputError(fmt::format("field 'theta': length {} is not p = {}", theta.size(), p));
  if (!(zeta_fraction.as<double>() > 0)) throw InputError("field 'zeta_fraction': must be > 0 (Definition 9.4)");
  check_step_fields(eta, eta_fraction);
  if (lambda) {
    const double l = lambda->as<double>();
    if (!(l >= 0 && l <= 1)) throw InputError("field 'lambda': must be in [0, 1]");
  }
}

namespace {

struct OneStepParams {
  int n, p_extra, x_kind, log_cond, log_scale, phi_kind, phi_param, y_mode, y_exp;
  int zeta_mode, noise_mode, place_mode, step_mode, lambda_mode;
  std::uint64_t seed;
};

}  // namespace

rc::Gen<OneStepInstance> one_step_generator(OneStepUse use) {
  auto params = rc::gen::build<OneStepParams>(
      rc::gen::set(&OneStepParams::n, rc::gen::inRange(1, 7)),
      rc::gen::set(&OneStepParams::p_extra, rc::gen::inRange(0, 7)),
      rc::gen::set(&OneStepParams::x_kind, rc::gen::weightedElement<int>({{7, 0}, {3, 1}})),
      rc::gen::set(&OneStepParams::log_cond, rc::gen::inRange(0, 9)),
      rc::gen::set(&OneStepParams::log_scale, rc::gen::inRange(-4, 5)),
      rc::gen::set(&OneStepParams::phi_kind, rc::gen::weightedElement<int>({{4, 0}, {3, 1}, {3, 2}})),
      rc::gen::set(&OneStepParams::phi_param, rc::gen::inRange(0, 31)),
      rc::gen::set(&OneStepParams::y_mode, rc::gen::inRange(0, 2)),
      rc::gen::set(&OneStepParams::y_exp, rc::gen::inRange(0, 9)),
      rc::gen::set(&OneStepParams::zeta_mode, rc::gen::inRange(0, 4)),
      rc::gen::set(&OneStepParams::noise_mode, rc::gen::inRange(0, 4)),
      rc::gen::set(&OneStepParams::place_mode, rc::gen::weightedElement<int>({{3, 0}, {3, 1}, {3, 2}, {1, 3}})),
      rc::gen::set(&OneStepParams::step_mode, rc::gen::weightedElement<int>({{4, 0}, {5, 1}, {1, 2}})),
      rc::gen::set(&OneStepParams::lambda_mode, rc::gen::inRange(0, 3)),
      rc::gen::set(&OneStepParams::seed, rc::gen::arbitrary<std::uint64_t>()));
  return rc::gen::map(params, [use](const OneStepParams& q) -> OneStepInstance {
    RandomSource rng(q.seed);
    const int n = q.n, p = q.n + q.p_extra;
    const double scale = std::pow(10.0, q.log_scale / 4.0);
    Matrix<double> x;
    if (q.x_kind == 0) {
      x = matrix_with_condition(n, p, std::pow(10.0, q.log_cond / 4.0), rng) * scale;
    } else {
      Vector<double> v = gaussian_vector(p, rng);
      x = orthogonal_rows<double>(Vector<double>::Constant(n, scale), v);
    }
    OneStepInstance in;
    in.x = decimal_rows(x, 12);
    Activation<double> phi;
    if (q.phi_kind == 0) {
      in.phi = identity_spec();
    } else if (q.phi_kind == 1) {
      const double c = (q.phi_param % 2 == 0 ? 1 : -1) * (0.01 + 0.29 * (q.phi_param / 30.0));
      const std::string ct = short_decimal(c, 4);
      in.phi = tanh_plus_spec(ct);
      phi = {ActivationKind::kTanhPlus, std::stod(ct)};
    } else {
      const std::string at = short_decimal(0.7 + 0.01 * q.phi_param, 4);
      in.phi = leaky_softplus_spec(at);
      phi = {ActivationKind::kLeakySoftplus, std::stod(at)};
    }
    const Vector<double> theta0 = gaussian_vector(p, rng) / std::sqrt(static_cast<double>(p));
    in.theta0 = decimal_reals(theta0, 12);
    Vector<double> y;
    if (q.y_mode == 0) {
      y = x * (theta0 + std::pow(10.0, -q.y_exp / 2.0) * random_unit_vector(p, rng));
      for (int i = 0; i < n; ++i) y(i) = phi.value(y(i));
    } else {
      y = gaussian_vector(n, rng) * scale;
    }
    in.y = decimal_reals(y, 12);
    for (int i = 0; i < n; ++i) y(i) = in.y[static_cast<size_t>(i)].as<double>();
    const Vector<double> th0 = as_vector<double>(in.theta0);
    const GlmModel<double> model(x, y, phi);
    const JacobianBounds<double> b = glm_bounds(x, phi);
    // zeta: the fixed point of zeta -> alpha over B(theta0, ||r0||/zeta) (increasing
    // iterates from the global alpha, each one valid), then a fraction of it.
    const double r0 = model.residual(th0).norm();
    double zeta_top = b.alpha;
    for (int k = 0; k < 30 && r0 > 0 && zeta_top > 0; ++k) {
      zeta_top = glm_ball_constants(x, phi, th0, r0 / zeta_top).alpha;
    }
    double zf = 1 - 1e-9;
    if (q.zeta_mode == 1) zf = 1 - 1e-6;
    if (q.zeta_mode >= 2) zf = 0.05 + 0.95 * rng.uniform();
    const std::string zt = short_decimal(zf * zeta_top / b.alpha, 12);
    in.zeta_fraction = Real::parse(zt);
    const double zeta = std::stod(zt) * b.alpha;
    const BallConstants<double> ball = glm_ball_constants(x, phi, th0, zeta > 0 ? r0 / zeta : 0.0);
    // The direction: -grad L(theta0) (which enters P when zeta <= alpha) plus noise.
    const double noise[] = {0.0, 1e-3, 0.3, 3.0};
    Vector<double> g = -model.gradient(th0);
    Vector<double> d = g.norm() > 0 ? Vector<double>(g / g.norm()) : random_unit_vector(p, rng);
    d += noise[q.noise_mode] * random_unit_vector(p, rng);
    const double tstar = zeta > 0 ? potential_boundary(model, th0, d, zeta) : 0.0;
    double s = 1 - 1e-9;
    if (q.place_mode == 1) s = 1 - 1e-5;
    if (q.place_mode == 2) s = rng.uniform();
    if (q.place_mode == 3) s = 1.2;
    in.theta = decimal_reals(Vector<double>(th0 + s * tstar * d), 15);
    double ef = 1.0;
    if (q.step_mode == 1) ef = std::pow(10.0, -3 * rng.uniform());
    if (q.step_mode == 2) ef = 1.05;
    in.eta_fraction = Real::parse(short_decimal(ef, 6));
    if (use == OneStepUse::kLemma97a) {
      const double lmax = ball.alpha > 0 ? 1 - ball.deviation * ball.beta / (ball.alpha * ball.alpha) : -1;
      double l = rng.uniform();
      if (lmax >= 0 && q.lambda_mode == 0) l = lmax * (1 - 1e-9);
      if (lmax >= 0 && q.lambda_mode == 1) l = lmax * rng.uniform();
      in.lambda = Real::parse(short_decimal(std::min(1.0, std::max(0.0, l)), 12));
    } else if (use == OneStepUse::kLemma97b) {
      const double l = q.lambda_mode == 0 ? 0.0 : (q.lambda_mode == 1 ? 0.999 : 0.999 * rng.uniform());
      in.lambda = Real::parse(short_decimal(l, 6));
    }
    return in;
  });
}

}  // namespace thmcheck::os19
