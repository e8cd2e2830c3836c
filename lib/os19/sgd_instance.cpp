#include "thmcheck/os19/sgd_instance.hpp"

#include <fmt/format.h>

#include <Eigen/QR>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

#include "thmcheck/generators/random_data.hpp"
#include "thmcheck/os19/activation.hpp"
#include "thmcheck/os19/ball_glm_bounds.hpp"
#include "thmcheck/os19/jacobian_bounds.hpp"

namespace thmcheck::os19 {

const char* const kSgdGeneratorInfo =
    "GLM data n in [1, 20], p = max(n, 8) + [0, 40], cond(X) in [1, 100], phi from the family, nu "
    "in [60, 600], eta at/below/above (up to 11x) the limit, T in [1, 300], seeded index sequence.";

const char* const kSgdBallGeneratorInfo =
    "GLM data n in [1, 20], p = max(n, 8) + [0, 40], cond(X) in [1, 100], phi identity / tanh_plus c in "
    "[-0.5, 1.5] / non-monotone tanh_plus c in [-3.05, -1.05] / leaky_softplus; theta0 near a solution "
    "(distance 1e-4..1), far or 0; nu set so that the promise 1 - (4/nu)(beta/alpha)^(1/p) with the "
    "self-consistent constants of D is a target in [0.82, 0.98] (3 in 4 cases) or [0.05, 0.78] (nu >= 3); "
    "eta at the limit (60%), below (30%) or above (10%, up to 11x); T in [1, 300], for single-run instances 1 in 4 in [10, 3000].";

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
  int promise_mode = 0;  // ball constants: 0-2 promise in [0.82, 0.98], 3 in [0.05, 0.78]
  int promise_param = 0;
  int long_run = 0;      // ball constants: 3 = T ten times longer
  int start_exp = 0;     // ball constants: distance 10^(-start_exp/2) to a solution (start_mode 0)
};

/// y and the start from start_mode (0: y = phi(X (theta0 + distance u)), u a
/// random unit vector; 1: theta0 and y ten times larger, y Gaussian; 2: theta0 = 0,
/// y Gaussian), written to `in` as 12-digit decimals; theta0 and y are
/// replaced by the decimals' values.
void set_start(SgdInstance& in, int start_mode, double distance, const Matrix<double>& x,
               const Activation<double>& phi, Vector<double>& theta0, Vector<double>& y, RandomSource& rng) {
  const Eigen::Index n = x.rows(), p = x.cols();
  if (start_mode == 0) {
    y = x * (theta0 + distance * random_unit_vector(p, rng));
    for (Eigen::Index i = 0; i < n; ++i) y(i) = phi.value(y(i));
  } else if (start_mode == 1) {
    theta0 *= 10;
    y = 10 * gaussian_vector(n, rng);
  } else {
    theta0.setZero();
    y = gaussian_vector(n, rng);
  }
  in.theta0 = decimal_reals(theta0, 12);
  in.y = decimal_reals(y, 12);
  theta0 = as_vector<double>(in.theta0);
  y = as_vector<double>(in.y);
}

/// eta_fraction: 1 (step_mode 0), step_param permille (1), 1 + step_param % (2, up to 11x: outside).
Real step_fraction(int step_mode, int step_param) {
  double fraction = 1.0;
  if (step_mode == 1) fraction = step_param / 1000.0;
  if (step_mode == 2) fraction = 1.0 + step_param / 100.0;
  return Real::parse(short_decimal(fraction, 6));
}

/// The nu whose promise 1 - (4/nu)(beta/alpha)^(1/p) is `target`, alpha and
/// beta the self-consistent constants of D = B(theta0, nu r0/alpha) (in double,
/// as the claim computes them): nu = 4 (beta/alpha)^(1/p) / (1 - target) is
/// increasing in nu through alpha(nu), beta(nu), so the iteration from nu's
/// value at radius 0 rises to the smallest fixed point (30 steps at most; when
/// alpha reaches 0 the last nu with alpha > 0 is kept). Then up by 1e-3 so that
/// the claim's recomputation stays at or above the target. Never below 3.
double nu_for_promise(const Matrix<double>& x, const Vector<double>& theta0, const Activation<double>& phi,
                      double r0, double target) {
  const MatrixBounds<double> mb = matrix_bounds(x);
  const double p = static_cast<double>(x.cols());
  BallGlmBounds<double> b = ball_glm_bounds(x, theta0, phi, 0.0, mb);
  if (!(b.alpha > 0) || !(r0 > 0)) return std::max(3.0, 4 / (1 - target));
  double nu = 4 * std::pow(b.beta / b.alpha, 1 / p) / (1 - target);
  for (int k = 0; k < 30; ++k) {
    b = self_consistent_glm_bounds(x, theta0, phi, nu * r0, mb);
    if (!(b.alpha > 0)) break;
    const double next = 4 * std::pow(b.beta / b.alpha, 1 / p) / (1 - target);
    const bool settled = next <= nu * (1 + 1e-9);
    nu = std::max(nu, next);
    if (settled) break;
  }
  return std::max(3.0, nu * (1 + 1e-3));
}

SgdInstance sgd_ball_instance(const SgdParams& q, int runs) {
  RandomSource rng(q.seed);
  const int n = q.n;
  const int p = std::max(n, 8) + q.p_extra;
  Matrix<double> x = matrix_with_condition(n, p, std::pow(10.0, q.log_cond / 4.0), rng);
  SgdInstance in;
  in.x = decimal_rows(x, 12);
  Activation<double> phi;
  if (q.phi_kind == 0) {
    in.phi = identity_spec();
  } else if (q.phi_kind == 1 || q.phi_kind == 3) {
    const double c = q.phi_kind == 1 ? -0.5 + 0.2 * q.phi_param : -1.05 - 0.2 * q.phi_param;
    in.phi = tanh_plus_spec(short_decimal(c, 6));
    phi = {ActivationKind::kTanhPlus, std::stod(short_decimal(c, 6))};
  } else {
    const std::string a = short_decimal(0.05 + 0.095 * q.phi_param, 6);
    in.phi = leaky_softplus_spec(a);
    phi = {ActivationKind::kLeakySoftplus, std::stod(a)};
  }
  Vector<double> theta0 = gaussian_vector(p, rng) / std::sqrt(static_cast<double>(p));
  if (q.phi_kind == 3) {
    // Non-monotone phi: phi' = 1 + c sech^2 z vanishes at |z| = acosh(sqrt(-c)) in [1.0, 1.3];
    // x_i^T theta0 = +-[2.5, 4] keeps a margin (the ball's intervals may still reach it).
    Vector<double> t(n);
    for (int i = 0; i < n; ++i) t(i) = rng.sign() * rng.uniform(2.5, 4.0);
    theta0 = Eigen::CompleteOrthogonalDecomposition<Matrix<double>>(x).solve(t);
  }
  Vector<double> y;
  set_start(in, q.start_mode, std::pow(10.0, -q.start_exp / 2.0), x, phi, theta0, y, rng);
  Vector<double> r0v = x * theta0;
  for (int i = 0; i < n; ++i) r0v(i) = phi.value(r0v(i)) - y(i);
  const double target = q.promise_mode < 3 ? 0.82 + 0.16 * q.promise_param / 1000.0
                                           : 0.05 + 0.73 * q.promise_param / 1000.0;
  in.nu = Real::parse(short_decimal(nu_for_promise(x, theta0, phi, r0v.norm(), target), 6));
  in.eta_fraction = step_fraction(q.step_mode, q.step_param);
  // Long runs only for single-run instances (16 Monte Carlo runs of 3000 steps cost too much).
  in.iterations = q.long_run == 3 && runs == 1 ? 10 * std::max(1, q.iterations) : q.iterations;
  in.seed = static_cast<long>(rng.bits() >> 12);
  if (runs > 1) in.runs = runs;
  return in;
}

}  // namespace

rc::Gen<SgdInstance> sgd_generator(int runs, bool ball_constants) {
  if (ball_constants) {
    auto params = rc::gen::build<SgdParams>(
        rc::gen::set(&SgdParams::n, rc::gen::inRange(1, 21)),
        rc::gen::set(&SgdParams::p_extra, rc::gen::inRange(0, 41)),
        rc::gen::set(&SgdParams::log_cond, rc::gen::inRange(0, 9)),
        rc::gen::set(&SgdParams::phi_kind, rc::gen::weightedElement<int>({{3, 0}, {3, 1}, {3, 2}, {4, 3}})),
        rc::gen::set(&SgdParams::phi_param, rc::gen::inRange(0, 11)),
        rc::gen::set(&SgdParams::start_mode, rc::gen::weightedElement<int>({{2, 0}, {1, 1}, {1, 2}})),
        rc::gen::set(&SgdParams::step_mode, rc::gen::weightedElement<int>({{6, 0}, {3, 1}, {1, 2}})),
        rc::gen::set(&SgdParams::step_param, rc::gen::inRange(1, 1001)),
        rc::gen::set(&SgdParams::iterations, rc::gen::inRange(1, 301)),
        rc::gen::set(&SgdParams::seed, rc::gen::arbitrary<std::uint64_t>()),
        rc::gen::set(&SgdParams::promise_mode, rc::gen::inRange(0, 4)),
        rc::gen::set(&SgdParams::promise_param, rc::gen::inRange(0, 1001)),
        rc::gen::set(&SgdParams::long_run, rc::gen::inRange(0, 4)),
        rc::gen::set(&SgdParams::start_exp, rc::gen::inRange(0, 9)));
    return rc::gen::map(params, [runs](const SgdParams& q) { return sgd_ball_instance(q, runs); });
  }
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
    set_start(in, q.start_mode, 0.1, x, phi, theta0, y, rng);
    in.nu = Real::parse(short_decimal(60.0 * std::pow(10.0, q.nu_exp / 4.0), 6));
    in.eta_fraction = step_fraction(q.step_mode, q.step_param);
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
