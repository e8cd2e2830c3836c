#include "thmcheck/os19/linear_regression_instance.hpp"

#include <fmt/format.h>

#include <Eigen/SVD>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <utility>

#include "thmcheck/generators/random_data.hpp"
#include "thmcheck/numerics/linalg.hpp"

namespace thmcheck::os19 {

const char* const kLowerBoundGeneratorInfo =
    "n in [1, 40], p = n + [-3, 460] (p <= 500; n > p is outside Assumption 1), "
    "cond(X) in [1, 1e8], ||X|| in [1e-3, 1e3], ||theta - theta0|| in [1e-8, 1e3]; direction "
    "random, along the top right singular vector, or along it with the residual aligned "
    "(tight case); beta = ||X|| (60%), given above ||X|| (20%), given below ||X|| (20%, "
    "outside the hypothesis).";

namespace {

struct LowerBoundParams {
  int n;
  int p_offset;        // p = max(1, n + p_offset); negative offsets give n > p
  int log_condition;   // kappa(X) = 10^(log_condition / 2)
  int log_scale;       // ||X|| about 10^(log_scale / 2)
  int distance_exp;    // ||theta - theta0|| = 10^(distance_exp / 2)
  int direction_mode;  // 0 random; 1 top right singular vector; 2 same, residual aligned (tight)
  int beta_mode;       // 0 beta = ||X|| (computed); 1 beta given above ||X||; 2 given below (out of hypothesis)
  std::uint64_t seed;
};

}  // namespace

rc::Gen<LowerBoundInstance> lower_bound_generator() {
  auto params = rc::gen::build<LowerBoundParams>(
      rc::gen::set(&LowerBoundParams::n, rc::gen::inRange(1, 41)),
      rc::gen::set(&LowerBoundParams::p_offset, rc::gen::inRange(-3, 461)),
      rc::gen::set(&LowerBoundParams::log_condition, rc::gen::inRange(0, 17)),
      rc::gen::set(&LowerBoundParams::log_scale, rc::gen::inRange(-6, 7)),
      rc::gen::set(&LowerBoundParams::distance_exp, rc::gen::inRange(-16, 7)),
      rc::gen::set(&LowerBoundParams::direction_mode, rc::gen::inRange(0, 3)),
      rc::gen::set(&LowerBoundParams::beta_mode,
                   rc::gen::weightedElement<int>({{6, 0}, {2, 1}, {2, 2}})),
      rc::gen::set(&LowerBoundParams::seed, rc::gen::arbitrary<std::uint64_t>()));
  return rc::gen::map(params, [](const LowerBoundParams& q) -> LowerBoundInstance {
    RandomSource rng(q.seed);
    const int n = q.n;
    const int p = std::max(1, q.n + q.p_offset);
    Matrix<double> x = matrix_with_condition(n, p, std::pow(10.0, q.log_condition / 2.0), rng) *
                       std::pow(10.0, q.log_scale / 2.0);
    // Round X to 17 digits first: the instance is the decimal matrix.
    LowerBoundInstance in;
    Matrix<double> xr(n, p);
    in.x.resize(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) {
      for (int k = 0; k < p; ++k) {
        std::string s = short_decimal(x(i, k));
        xr(i, k) = std::stod(s);
        in.x[static_cast<size_t>(i)].push_back(Real::parse(s));
      }
    }
    Vector<double> theta0 = gaussian_vector(p, rng);
    Vector<double> d;
    if (q.direction_mode == 0) {
      d = random_unit_vector(p, rng);
    } else {
      Eigen::JacobiSVD<Matrix<double>> svd(xr, Eigen::ComputeFullV);
      d = svd.matrixV().col(0);
    }
    const double t = std::pow(10.0, q.distance_exp / 2.0);
    Vector<double> y;
    if (q.direction_mode == 2) {
      // y - X theta0 = R X d / ||X d|| with R > t ||X d||: moving along d shrinks
      // the residual as fast as beta allows, so (2.15) is tight.
      Vector<double> xd = xr * d;
      const double r = 2.0 * t * xd.norm() + 1.0;
      y = xr * theta0 + r * xd / std::max(xd.norm(), 1e-300);
    } else {
      y = xr * theta0 + gaussian_vector(n, rng);
    }
    Vector<double> theta = theta0 + t * d;
    in.y = reals_of<double>(y);
    in.theta0 = reals_of<double>(theta0);
    in.theta = reals_of<double>(theta);
    if (q.beta_mode != 0) {
      const double norm = spectral_norm<double>(xr);
      // Given above ||X|| by at least 1e-4 relative, so rounding to 6 digits
      // (at most 5e-6 relative) keeps it above.
      const double factor = q.beta_mode == 1 ? 1.0 + rng.uniform(1e-4, 1.0) : rng.uniform(0.5, 0.999);
      in.beta = Real::parse(short_decimal(norm * factor, 6));
    }
    return in;
  });
}

void LowerBoundInstance::check() const {
  const size_t n = x.size(), p = x.front().size();
  if (y.size() != n) throw InputError(fmt::format("field 'y': length {} does not match the {} rows of 'X'", y.size(), n));
  for (const auto& [name, v] : {std::pair<const char*, const RealVector*>{"theta0", &theta0}, {"theta", &theta}}) {
    if (v->size() != p) {
      throw InputError(fmt::format("field '{}': length {} does not match the {} columns of 'X'", name, v->size(), p));
    }
  }
  if (beta && !(beta->as<double>() >= 0)) throw InputError("field 'beta': must be >= 0");
}

}  // namespace thmcheck::os19
