#include "thmcheck/os19/network_instance.hpp"

#include <fmt/format.h>

#include <Eigen/LU>

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "thmcheck/os19/activation.hpp"
#include "thmcheck/os19/glm_gd_instance.hpp"
#include "thmcheck/os19/models.hpp"

namespace thmcheck::os19 {

const char* const kNetworkGeneratorInfo =
    "75%: n in [1, 10], d = n + [0, 20], k in [1, 6], v uniform on the sphere, cond(X) in [1, 1e3]; "
    "phi identity / tanh_plus c in [-0.9, 3], sharpness s in {1, 3.2, 10, 100} / leaky_softplus; W0 "
    "near a labelling network, large, or 0; eta at the limit (30%), below (60%) or above (10%); T "
    "in [1, 200]. 25%: adversarial two-sample family (n = d = 2, k = 1, tanh_plus c = 30 with "
    "sharpness 1e3..1e5, pre-activations at the sharp transition), the worst of 200 seeded "
    "candidates under the printed step, T = 20.";

namespace {

struct NetParams {
  int adversarial;  // 1: two-sample sharp-activation search (see adversarial_network)
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

}  // namespace

NetworkInstance adversarial_network(RandomSource& rng, double fraction) {
  NetworkInstance best;
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
      best = NetworkInstance{};
      best.x = {{Real::parse("1"), Real::parse("0")},
                {Real::parse(short_decimal(rho, 17)), Real::parse(short_decimal(std::sqrt(1 - rho * rho), 17))}};
      best.y = reals_of<double>(y);
      best.v = {Real::parse("1")};
      best.phi = tanh_plus_spec("30", short_decimal(s, 17));
      best.w0 = {{Real::parse(short_decimal(w0(0), 17)), Real::parse(short_decimal(w0(1), 17))}};
      best.eta_fraction = Real::parse(short_decimal(fraction, 6));
      best.iterations = 20;
    }
  }
  return best;
}

rc::Gen<NetworkInstance> network_generator() {
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
  return rc::gen::map(params, [](const NetParams& q) -> NetworkInstance {
    RandomSource rng(q.seed);
    if (q.adversarial == 1) return adversarial_network(rng, q.step_mode == 2 ? 1.5 : 1.0);
    const int n = q.n, d = q.n + q.d_extra, k = q.k;
    Matrix<double> x = matrix_with_condition(n, d, std::pow(10.0, q.log_cond / 4.0), rng);
    NetworkInstance in;
    in.x = decimal_rows(x, 12);
    // v: a unit vector with exactly representable entries would need care;
    // we give 17-digit decimals and the claim uses the exact ||v|| it reads.
    const Vector<double> v = random_unit_vector(k, rng);
    in.v = reals_of<double>(v);
    os19::Activation<double> phi;
    if (q.phi_kind == 0) {
      in.phi = identity_spec();
    } else if (q.phi_kind == 1) {
      const std::string c = short_decimal(-0.9 + 0.195 * q.phi_param, 6);
      const std::string s = short_decimal(std::pow(10.0, q.sharp_exp / 4.0), 6);
      in.phi = tanh_plus_spec(c, s);
      phi = {os19::ActivationKind::kTanhPlus, std::stod(c)};
      phi.sharpness = std::stod(s);
    } else {
      const std::string a = short_decimal((q.phi_param + 1) / 21.0, 6);
      in.phi = leaky_softplus_spec(a);
      phi = {os19::ActivationKind::kLeakySoftplus, std::stod(a)};
    }
    Matrix<double> w0 = gaussian_matrix(k, d, rng) / std::sqrt(static_cast<double>(d));
    if (q.start_mode == 1) w0 *= std::pow(10.0, q.start_exp / 4.0);
    if (q.start_mode == 2) w0.setZero();
    in.w0 = decimal_rows(w0, 12);
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
    in.y = decimal_reals(y, 12);
    double fraction = 1.0;
    if (q.step_mode == 1) fraction = q.step_param / 1000.0;
    if (q.step_mode == 2) fraction = 1.0 + q.step_param / 1000.0;
    in.eta_fraction = Real::parse(short_decimal(fraction, 6));
    in.iterations = q.iterations;
    return in;
  });
}

void NetworkInstance::check() const {
  const size_t n = x.size(), d = x.front().size();
  if (n > d) throw InputError(fmt::format("field 'X': n = {} > d = {} (Theorem 4.3 needs n <= d)", n, d));
  if (y.size() != n) throw InputError(fmt::format("field 'y': length {} does not match the {} rows of 'X'", y.size(), n));
  if (v.empty()) throw InputError("field 'v': must be non-empty");
  if (w0.size() != v.size() || w0.front().size() != d) {
    throw InputError(fmt::format("field 'W0': {} x {} does not match k x d = {} x {} (k = length of 'v', d = columns "
                                 "of 'X')", w0.size(), w0.front().size(), v.size(), d));
  }
  check_step_fields(eta, eta_fraction);
  check_iterations(iterations);
}

}  // namespace thmcheck::os19
