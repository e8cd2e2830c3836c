#include "thmcheck/os19/pl_lower_bound_instance.hpp"

#include <fmt/format.h>

#include <Eigen/SVD>

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "thmcheck/generators/random_data.hpp"
#include "thmcheck/os19/glm_gd_instance.hpp"
#include "thmcheck/os19/local_bounds.hpp"

namespace thmcheck::os19 {

const char* const kNoMinimumGeneratorInfo =
    "n in [1, 8], p = n + [0, 8], cond(X) in [1, 100], ||X|| in [0.1, 10] (12 digits); phi identity (50%), "
    "tanh_plus c in [-0.5, 1], leaky_softplus a in [0.3, 1]; y = phi(X theta*); theta0 = theta* + t v, v the "
    "top right singular vector / random / a row-space direction, t in [1e-3, 10]; R at 1 - 1e-9, 1 - 1e-4 "
    "or [0.5, 1] of the largest radius the certified smoothness allows (10%: 1.01, outside).";

const char* const kPlWitnessGeneratorInfo =
    "n in [1, 6], p = n + [0, 6], mu in [1e-3, 1e3], L/mu in [1, 1e3] (6 digits); other row norms "
    "log-uniform in [sqrt(mu), sqrt(L)], the last sqrt(L) (or some below sqrt(mu): the .as-proved "
    "sibling); gamma in [1e-2, 1e2]; theta = theta* + s x_k/||x_k||, s in [-2, 2] gamma, k a random row.";

void NoMinimumInstance::check() const {
  const size_t n = x.size(), p = x.front().size();
  if (n > p) throw InputError(fmt::format("field 'X': n = {} > p = {} (zero loss needs n <= p here)", n, p));
  if (y.size() != n) throw InputError(fmt::format("field 'y': length {} does not match the {} rows of 'X'", y.size(), n));
  if (theta0.size() != p) throw InputError(fmt::format("field 'theta0': length {} is not p = {}", theta0.size(), p));
  if (!(radius.as<double>() >= 0)) throw InputError("field 'R': must be >= 0");
  if (smoothness && !(smoothness->as<double>() > 0)) throw InputError("field 'L': must be > 0");
}

void PlWitnessInstance::check() const {
  if (!(mu.as<double>() > 0)) {
    throw InputError(
        "field 'mu': must be > 0 (the proof's construction has ||x_1|| = sqrt(mu) and divides by it; the printed "
        "statement also allows mu = 0, which this construction cannot reach)");
  }
  if (!(smoothness.as<double>() > 0)) throw InputError("field 'L': must be > 0");
  if (!(gamma.as<double>() >= 0)) throw InputError("field 'gamma': must be >= 0");
  const size_t n = other_row_norms.size() + 1, p = householder.size();
  if (p < n) throw InputError(fmt::format("field 'householder': length {} < n = {}", p, n));
  if (std::all_of(householder.begin(), householder.end(), [](long v) { return v == 0; })) {
    throw InputError("field 'householder': must not be all zero");
  }
  for (size_t i = 0; i + 1 < n; ++i) {
    if (!(other_row_norms[i].as<double>() > 0)) throw InputError(fmt::format("field 'other_row_norms'[{}]: must be > 0", i));
  }
  if (theta.size() != p) throw InputError(fmt::format("field 'theta': length {} is not p = {}", theta.size(), p));
}

namespace {
struct NoMinimumParams {
  int n, p_extra, log_cond, log_scale, phi_kind, phi_param, direction, log_t, radius_mode;
  std::uint64_t seed;
};
struct WitnessParams {
  int n, p_extra, log_mu, log_ratio;
  std::uint64_t seed;
};
}  // namespace

rc::Gen<NoMinimumInstance> no_minimum_generator() {
  auto params = rc::gen::build<NoMinimumParams>(
      rc::gen::set(&NoMinimumParams::n, rc::gen::inRange(1, 9)),
      rc::gen::set(&NoMinimumParams::p_extra, rc::gen::inRange(0, 9)),
      rc::gen::set(&NoMinimumParams::log_cond, rc::gen::inRange(0, 9)),
      rc::gen::set(&NoMinimumParams::log_scale, rc::gen::inRange(-4, 5)),
      rc::gen::set(&NoMinimumParams::phi_kind, rc::gen::weightedElement<int>({{5, 0}, {3, 1}, {2, 2}})),
      rc::gen::set(&NoMinimumParams::phi_param, rc::gen::inRange(0, 21)),
      rc::gen::set(&NoMinimumParams::direction, rc::gen::weightedElement<int>({{5, 0}, {3, 1}, {2, 2}})),
      rc::gen::set(&NoMinimumParams::log_t, rc::gen::inRange(-12, 5)),
      rc::gen::set(&NoMinimumParams::radius_mode, rc::gen::weightedElement<int>({{3, 0}, {3, 1}, {3, 2}, {1, 3}})),
      rc::gen::set(&NoMinimumParams::seed, rc::gen::arbitrary<std::uint64_t>()));
  return rc::gen::map(params, [](const NoMinimumParams& q) -> NoMinimumInstance {
    RandomSource rng(q.seed);
    const int n = q.n, p = q.n + q.p_extra;
    Matrix<double> x = matrix_with_condition(n, p, std::pow(10.0, q.log_cond / 4.0), rng) *
                       std::pow(10.0, q.log_scale / 4.0);
    NoMinimumInstance in;
    in.x = decimal_rows(x, 12);
    Activation<double> phi;
    if (q.phi_kind == 0) {
      in.phi = identity_spec();
    } else if (q.phi_kind == 1) {
      const std::string c = short_decimal(-0.5 + 0.075 * q.phi_param, 4);
      in.phi = tanh_plus_spec(c);
      phi = {ActivationKind::kTanhPlus, std::stod(c)};
    } else {
      const std::string a = short_decimal(0.3 + 0.035 * q.phi_param, 4);
      in.phi = leaky_softplus_spec(a);
      phi = {ActivationKind::kLeakySoftplus, std::stod(a)};
    }
    const Vector<double> theta_star = gaussian_vector(p, rng) / std::sqrt(static_cast<double>(p));
    Vector<double> y = x * theta_star;
    for (int i = 0; i < n; ++i) y(i) = phi.value(y(i));
    in.y = decimal_reals(y, 15);
    y = as_vector<double>(in.y);
    Vector<double> v;
    if (q.direction == 0) {
      Eigen::JacobiSVD<Matrix<double>> svd(x, Eigen::ComputeFullV);
      v = svd.matrixV().col(0);
    } else if (q.direction == 1) {
      v = random_unit_vector(p, rng);
    } else {
      v = x.transpose() * gaussian_vector(n, rng);
      v /= v.norm();
    }
    const double t = std::pow(10.0, q.log_t / 4.0);
    in.theta0 = decimal_reals(Vector<double>(theta_star + t * v), 15);
    const Vector<double> theta0 = as_vector<double>(in.theta0);
    const double loss0 = (Vector<double>(x * theta0).unaryExpr([&](double z) { return phi.value(z); }) - y).squaredNorm() / 2;
    // The largest R with R^2 L(R) <= 2 L(theta0): R^2 L(R) increases with R.
    const auto excess = [&](double r) { return r * r * glm_loss_smoothness(x, y, phi, theta0, r).value - 2 * loss0; };
    double lo = 0, hi = std::sqrt(2 * loss0 / glm_loss_smoothness(x, y, phi, theta0, 0.0).value);
    for (int k = 0; k < 80; ++k) {
      const double mid = (lo + hi) / 2;
      (excess(mid) <= 0 ? lo : hi) = mid;
    }
    double f = 1 - 1e-9;
    if (q.radius_mode == 1) f = 1 - 1e-4;
    if (q.radius_mode == 2) f = 0.5 + 0.5 * rng.uniform();
    if (q.radius_mode == 3) f = 1.01;
    in.radius = Real::parse(short_decimal(lo * f, 15));
    return in;
  });
}

rc::Gen<PlWitnessInstance> pl_witness_generator(bool short_rows) {
  auto params = rc::gen::build<WitnessParams>(
      rc::gen::set(&WitnessParams::n, rc::gen::inRange(1, 7)),
      rc::gen::set(&WitnessParams::p_extra, rc::gen::inRange(0, 7)),
      rc::gen::set(&WitnessParams::log_mu, rc::gen::inRange(-6, 7)),
      rc::gen::set(&WitnessParams::log_ratio, rc::gen::inRange(0, 7)),
      rc::gen::set(&WitnessParams::seed, rc::gen::arbitrary<std::uint64_t>()));
  return rc::gen::map(params, [short_rows](const WitnessParams& q) -> PlWitnessInstance {
    RandomSource rng(q.seed);
    const int n = short_rows ? std::max(q.n, 2) : q.n, p = n + q.p_extra;
    PlWitnessInstance in;
    const std::string mu = short_decimal(std::pow(10.0, q.log_mu / 2.0), 6);
    // L = mu exactly would need rows of norm exactly sqrt(mu): L/mu >= 1 + 1e-5.
    const double ratio = q.log_ratio == 0 ? 1 + 1e-5 : std::pow(10.0, q.log_ratio / 2.0);
    const std::string big = short_decimal(std::stod(mu) * ratio, 8);
    in.mu = Real::parse(mu);
    in.smoothness = Real::parse(big);
    const double smu = std::sqrt(std::stod(mu)), sl = std::sqrt(std::stod(big));
    for (int i = 1; i < n; ++i) {
      double r = smu * std::pow(sl / smu, rng.uniform()) * (1 - 1e-9);
      if (i == n - 1) r = sl * (1 - 1e-9);  // 12-digit rounding moves it by 5e-13 at most
      if (short_rows && (i == 1 || rng.uniform() < 0.3)) r = smu * std::pow(10.0, -0.1 - 2 * rng.uniform());
      if (!short_rows) r = std::min(sl * (1 - 1e-9), std::max(r, smu * (1 + 1e-9)));
      in.other_row_norms.push_back(Real::parse(short_decimal(r, 12)));
    }
    for (int i = 0; i < p; ++i) in.householder.push_back(static_cast<long>(rng.integer(-9, 9)));
    if (std::all_of(in.householder.begin(), in.householder.end(), [](long v) { return v == 0; })) in.householder[0] = 1;
    const double gamma = std::pow(10.0, -2 + 4 * rng.uniform());
    in.gamma = Real::parse(short_decimal(gamma, 6));
    // theta = theta* + s e_k-ish: a row direction of X, recomputed in the claim;
    // here a direction drawn from the Householder rows.
    Vector<double> v(p);
    for (int i = 0; i < p; ++i) v(i) = static_cast<double>(in.householder[static_cast<size_t>(i)]);
    const Matrix<double> h = Matrix<double>::Identity(p, p) - 2 * v * v.transpose() / v.squaredNorm();
    const int k = static_cast<int>(rng.integer(0, n - 1));
    const int k_row = short_rows ? 1 : k;
    const double s = (4 * rng.uniform() - 2) * gamma;
    in.theta = decimal_reals(Vector<double>(gamma * h.row(0).transpose() + s * h.row(k_row).transpose()), 15);
    return in;
  });
}

}  // namespace thmcheck::os19
