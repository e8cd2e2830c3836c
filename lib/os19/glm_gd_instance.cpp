#include "thmcheck/os19/glm_gd_instance.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "thmcheck/generators/random_data.hpp"
#include "thmcheck/os19/activation.hpp"

namespace thmcheck::os19 {

const char* const kGlmGeneratorInfo =
    "n in [1, 30] (small n favoured), p = n + [0, 60] (10% of cases: n in [50, 150], p = n + [0, 100], "
    "T <= 30), cond(X) in [1, 1e4], ||X|| in [0.1, 10]; phi "
    "identity / tanh_plus c in [-0.9, 3] / leaky_softplus a in [1/21, 1]; theta0 near a solution "
    "(distance 1e-6..1), far (theta0, y of size up to 1e3) or theta0 = 0; eta at the theorem's "
    "limit (30%), below it (60%, fraction 1e-3..1) or above (10%, outside the hypothesis); T in [1, 300].";

const char* const kGlmBallGeneratorInfo =
    "as the GLM family (n in [1, 30], p = n + [0, 60], 10% large; cond(X) in [1, 1e4], ||X|| in [0.1, 10]; "
    "theta0 near a solution, far or 0; eta at, below or above the limit), plus non-monotone tanh_plus "
    "c in [-3.05, -1.05] (phi' = 1 + c sech^2 changes sign; 3 in 13 cases) for the ball constants; "
    "T in [1, 300], in 1 of 4 small cases T in [5, 1500].";

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
  int long_run;     // ball constants only: T five times longer
  std::uint64_t seed;
};

}  // namespace

rc::Gen<GlmGdInstance> glm_gd_generator(bool with_lambda, bool ball_constants) {
  auto params = rc::gen::build<GlmGdParams>(
      rc::gen::set(&GlmGdParams::large, rc::gen::weightedElement<int>({{9, 0}, {1, 1}})),
      rc::gen::set(&GlmGdParams::n, rc::gen::oneOf(rc::gen::inRange(1, 6), rc::gen::inRange(1, 31))),
      rc::gen::set(&GlmGdParams::p_extra,
                   rc::gen::oneOf(rc::gen::inRange(0, 4), rc::gen::inRange(0, 61))),
      rc::gen::set(&GlmGdParams::log_cond, rc::gen::inRange(0, 17)),
      rc::gen::set(&GlmGdParams::log_scale, rc::gen::inRange(-4, 5)),
      rc::gen::set(&GlmGdParams::phi_kind,
                   ball_constants ? rc::gen::weightedElement<int>({{3, 0}, {4, 1}, {3, 2}, {3, 3}})
                                  : rc::gen::weightedElement<int>({{3, 0}, {4, 1}, {3, 2}})),
      rc::gen::set(&GlmGdParams::phi_param, rc::gen::inRange(0, 21)),
      rc::gen::set(&GlmGdParams::start_mode, rc::gen::inRange(0, 3)),
      rc::gen::set(&GlmGdParams::start_exp, rc::gen::inRange(0, 13)),
      rc::gen::set(&GlmGdParams::step_mode, rc::gen::weightedElement<int>({{3, 0}, {6, 1}, {1, 2}})),
      rc::gen::set(&GlmGdParams::step_param, rc::gen::inRange(1, 1001)),
      rc::gen::set(&GlmGdParams::iterations, rc::gen::inRange(1, 301)),
      rc::gen::set(&GlmGdParams::lambda_tenths, rc::gen::inRange(1, 11)),
      rc::gen::set(&GlmGdParams::long_run, ball_constants ? rc::gen::inRange(0, 4) : rc::gen::just(0)),
      rc::gen::set(&GlmGdParams::seed, rc::gen::arbitrary<std::uint64_t>()));
  return rc::gen::map(params, [with_lambda](const GlmGdParams& q) -> GlmGdInstance {
    RandomSource rng(q.seed);
    const int n = q.large ? 50 + static_cast<int>(rng.integer(0, 100)) : q.n;
    const int p = n + (q.large ? static_cast<int>(rng.integer(0, 100)) : q.p_extra);
    Matrix<double> x = matrix_with_condition(n, p, std::pow(10.0, q.log_cond / 4.0), rng) *
                       std::pow(10.0, q.log_scale / 4.0);
    GlmGdInstance in;
    in.x = decimal_rows(x, 12);
    os19::Activation<double> phi;
    if (q.phi_kind == 0) {
      in.phi = identity_spec();
    } else if (q.phi_kind == 1) {
      const std::string c = short_decimal(-0.9 + 0.195 * q.phi_param, 6);
      in.phi = tanh_plus_spec(c);
      phi = {os19::ActivationKind::kTanhPlus, std::stod(c)};
    } else if (q.phi_kind == 3) {
      const std::string c = short_decimal(-1.05 - 0.1 * q.phi_param, 6);
      in.phi = tanh_plus_spec(c);
      phi = {os19::ActivationKind::kTanhPlus, std::stod(c)};
    } else {
      const std::string a = short_decimal((q.phi_param + 1) / 21.0, 6);
      in.phi = leaky_softplus_spec(a);
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
    in.theta0 = decimal_reals(theta0, 12);
    in.y = decimal_reals(y, 12);
    double fraction = 1.0;
    if (q.step_mode == 1) fraction = q.step_param / 1000.0;
    if (q.step_mode == 2) fraction = 1.0 + q.step_param / 1000.0;
    in.eta_fraction = Real::parse(short_decimal(fraction, 6));
    in.iterations = q.large ? std::min(q.iterations, 30) : (q.long_run == 3 ? 5 * q.iterations : q.iterations);
    if (with_lambda) {
      int tenths = q.lambda_tenths;
      // With L > 0, lambda = 1 leaves no positive step (2(1 - lambda) = 0).
      if (q.phi_kind != 0 && tenths == 10) tenths = 9;
      in.lambda = Real::parse(short_decimal(tenths / 10.0, 3));
    }
    return in;
  });
}

RealMatrix decimal_rows(Matrix<double>& m, int digits) {
  RealMatrix rows(static_cast<size_t>(m.rows()));
  for (Eigen::Index i = 0; i < m.rows(); ++i) {
    for (Eigen::Index k = 0; k < m.cols(); ++k) {
      const std::string s = short_decimal(m(i, k), digits);
      m(i, k) = std::stod(s);
      rows[static_cast<size_t>(i)].push_back(Real::parse(s));
    }
  }
  return rows;
}

RealVector decimal_reals(const Vector<double>& v, int digits) {
  RealVector out;
  for (Eigen::Index i = 0; i < v.size(); ++i) out.push_back(Real::parse(short_decimal(v(i), digits)));
  return out;
}

void check_step_fields(const std::optional<Real>& eta, const std::optional<Real>& eta_fraction) {
  if (eta.has_value() == eta_fraction.has_value()) {
    throw InputError("fields 'eta' and 'eta_fraction': give exactly one of them");
  }
  if (eta && !(eta->as<double>() > 0)) throw InputError("field 'eta': must be > 0");
  if (eta_fraction && !(eta_fraction->as<double>() > 0)) throw InputError("field 'eta_fraction': must be > 0");
}

void check_iterations(long iterations) {
  if (iterations < 1 || iterations > kMaxIterations) {
    throw InputError(fmt::format("field 'iterations': {} is outside [1, {}]", iterations, kMaxIterations));
  }
}

void GlmData::check_data() const {
  const Eigen::Index n = rows(), p = cols();
  if (n > p) throw InputError(fmt::format("field 'X': n = {} > p = {} (the theorems need n <= p)", n, p));
  if (static_cast<Eigen::Index>(y.size()) != n) {
    throw InputError(fmt::format("field 'y': length {} does not match the {} rows of 'X'", y.size(), n));
  }
  if (static_cast<Eigen::Index>(theta0.size()) != p) {
    throw InputError(
        fmt::format("field 'theta0': length {} does not match the {} columns of 'X'", theta0.size(), p));
  }
  check_step_fields(eta, eta_fraction);
  check_iterations(iterations);
}

void GlmGdInstance::check() const {
  check_data();
  if (lambda) {
    const double l = lambda->as<double>();
    if (!(l > 0 && l <= 1)) throw InputError("field 'lambda': must be in (0, 1]");
  }
}

}  // namespace thmcheck::os19
