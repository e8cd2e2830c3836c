#include "thmcheck/cmr22/recovery.hpp"

#include <fmt/format.h>
#include <rapidcheck.h>

#include <Eigen/Dense>
#include <cmath>

#include "thmcheck/cmr22/data_params.hpp"
#include "thmcheck/cmr22/factorized_loss.hpp"
#include "thmcheck/cmr22/flow_limit.hpp"
#include "thmcheck/cmr22/gap_instance.hpp"
#include "thmcheck/cmr22/limit_error.hpp"
#include "thmcheck/numerics/linalg.hpp"

namespace thmcheck::cmr22 {

void RecoveryInstance::check() const {
  const size_t n = a.front().size();
  if (x_star.size() != n) {
    throw InputError(fmt::format("field 'x_star': length {} does not match the {} columns of 'A'", x_star.size(), n));
  }
  if (depth < kMinDepth || depth > kMaxDepth) {
    throw InputError(fmt::format("field 'L': {} is outside [{}, {}]", depth, kMinDepth, kMaxDepth));
  }
  for (const auto* v : {&u0, &v0}) {
    const char* name = v == &u0 ? "u0" : "v0";
    if (v->size() != n) throw InputError(fmt::format("field '{}': length {} does not match N = {}", name, v->size(), n));
    for (size_t i = 0; i < n; ++i) {
      if (!((*v)[i].as<double>() > 0)) throw InputError(fmt::format("field '{}'[{}]: must be positive (in double's range)", name, i));
    }
  }
  if (s < 1 || s >= static_cast<int>(n)) throw InputError(fmt::format("field 's': {} is outside [1, N - 1]", s));
  if (n > 12) throw InputError("field 'A': N > 12 (the null space constant enumerates C(N, s) supports)");
}

template <class S>
MeasuredLimit<S> measured_flow_limit(const Matrix<S>& a, const Vector<S>& y, int depth, const Vector<S>& u0,
                                     const Vector<S>& v0) {
  using std::sqrt;
  MirrorMap<S> map;
  map.depth = depth;
  map.u0_power = hadamard_power(u0, depth);
  map.v0_power = hadamard_power(v0, depth);
  const auto flow = certified_flow_limit<S>(a, y, map);
  MeasuredLimit<S> out;
  out.steps = flow.steps;
  if (!measurable(flow)) {
    out.message = fmt::format("flow: {} ({}) after {} steps", to_string(flow.status), flow.message, flow.steps);
    return out;
  }
  const S sigma = smallest_singular_value<S>(a);
  const S n(static_cast<long>(a.cols()));
  const S distance = sigma > 0 ? S(sqrt(n) * flow.residual_norm / sigma) : S(flow.residual_norm * 1e300);
  out.ok = true;
  out.product = flow.product;
  out.error = 2 * abs(flow.change) + distance + map_rounding<S>(map, Vector<S>(a.transpose() * flow.lambda)) +
              4 * n * unit_roundoff<S>() * flow.product.template lpNorm<1>();
  out.message = to_string(flow.status);
  return out;
}

template <class S>
S truth_shift(const Matrix<S>& a, const Vector<S>& x_star) {
  using std::sqrt;
  const S n(static_cast<long>(a.cols()));
  const S dy = (n + 1) * unit_roundoff<S>() * (a.cwiseAbs() * x_star.cwiseAbs()).maxCoeff();
  const S sigma = smallest_singular_value<S>(a);
  return sigma > 0 ? S(sqrt(n) * sqrt(S(static_cast<long>(a.rows()))) * dy / sigma) : S(1e300);
}

rc::Gen<RecoveryParams> recovery_params() {
  return rc::gen::build<RecoveryParams>(
      rc::gen::set(&RecoveryParams::n, rc::gen::inRange(5, 9)),
      rc::gen::set(&RecoveryParams::matrix_kind, rc::gen::weightedElement<int>({{2, 0}, {3, 1}, {1, 2}})),
      rc::gen::set(&RecoveryParams::s, rc::gen::inRange(1, 3)),
      rc::gen::set(&RecoveryParams::rho_index, rc::gen::inRange(0, 5)),
      rc::gen::set(&RecoveryParams::truth_kind, rc::gen::inRange(0, 4)),
      rc::gen::set(&RecoveryParams::depth, rc::gen::inRange(2, 5)),
      rc::gen::set(&RecoveryParams::init_exp, rc::gen::inRange(2, 9)),
      rc::gen::set(&RecoveryParams::init_kind, rc::gen::inRange(0, 2)),
      rc::gen::set(&RecoveryParams::seed, rc::gen::arbitrary<std::uint64_t>()));
}

namespace {
constexpr double kRhoTargets[] = {0.5, 0.8, 0.95, 0.99, 0.999};
}

RecoveryInstance recovery_instance(const RecoveryParams& q) {
  RandomSource rng(q.seed);
  const int n = q.n;
  const int s = (q.s == 2 && n >= 7) ? 2 : 1;
  RecoveryInstance in;
  in.depth = q.depth;
  in.s = s;
  Matrix<double> a;
  Vector<double> x = Vector<double>::Zero(n);
  if (q.matrix_kind == 1) {
    // ker(A) = span(v): |v| = m1 on the first s entries, m2_j in [1, 1.2] on
    // the rest, m1 = rho sum(m2) / s, so rho_s(A) = rho (m1 > 1.2 is the top
    // s); random signs. A = Q [I_{N-1} | -v_{1..N-1} / v_N] / sqrt(N-1).
    const double rho = kRhoTargets[q.rho_index];
    Vector<double> v(n);
    double rest = 0;
    for (int j = s; j < n; ++j) rest += (v(j) = rng.uniform(1.0, 1.2));
    for (int j = 0; j < s; ++j) v(j) = rho * rest / s;
    for (int j = 0; j < n; ++j) v(j) *= rng.sign();
    Matrix<double> a0 = Matrix<double>::Zero(n - 1, n);
    a0.leftCols(n - 1) = Matrix<double>::Identity(n - 1, n - 1);
    a0.col(n - 1) = -v.head(n - 1) / v(n - 1);
    a = random_orthonormal_columns(n - 1, n - 1, rng) * a0 / std::sqrt(double(n - 1));
    const double c = rng.uniform(0.5, 2.0), gamma = rng.uniform(0.1, 0.9);
    if (q.truth_kind == 2) x.head(s) = -c * v.head(s);                       // the extremal sparse truth
    if (q.truth_kind == 3) {
      x = -c * v;
      x.tail(n - s) *= gamma;  // -c (v_S + gamma v_Sc)
    }
  } else {
    const int m = q.matrix_kind == 0 ? static_cast<int>(rng.integer(n / 2 + 1, n - (q.wide_kernel ? 2 : 1))) : n / 2;
    a = gaussian_matrix(m, n, rng) / std::sqrt(double(m));
  }
  if (q.matrix_kind != 1 || q.truth_kind < 2) {
    for (int k = 0; k < s; ++k) x(rng.integer(0, n - 1)) = rng.sign() * rng.uniform(0.5, 1.5);
    if (q.truth_kind % 2 == 1) {
      for (int j = 0; j < n; ++j) x(j) += 0.05 * rng.gaussian();
    }
  }
  in.a.resize(static_cast<size_t>(a.rows()));
  for (Eigen::Index i = 0; i < a.rows(); ++i) in.a[static_cast<size_t>(i)] = decimal_reals(Vector<double>(a.row(i).transpose()));
  in.x_star = decimal_reals(x, 12);
  const double alpha = std::pow(10.0, -double(q.init_exp) / q.depth);
  Vector<double> u0(n), v0(n);
  for (int j = 0; j < n; ++j) {
    u0(j) = q.init_kind == 0 ? alpha : alpha * rng.uniform(0.5, 2.0);
    v0(j) = q.init_kind == 0 ? alpha : alpha * rng.uniform(0.5, 2.0);
  }
  in.u0 = decimal_reals(u0, 8);
  in.v0 = decimal_reals(v0, 8);
  return in;
}

std::string recovery_generator_info() {
  return "N in [5, 8]; A: Gaussian/sqrt(M) with M in [N/2 + 1, N - 1] (2/6), Gaussian with M = N/2 (1/6; the NSP "
         "often fails: outside), or (3/6) a one-dimensional kernel span(v) with rho_s(A) set to 0.5, 0.8, 0.95, 0.99 "
         "or 0.999 (A = Q [I | -v_{1..N-1}/v_N] / sqrt(N-1), Q Haar orthogonal); s = 1, or 2 when N >= 7; x*: "
         "s-sparse (entries +-U(0.5, 1.5)), s-sparse + N(0, 0.05^2) dense part, and for the kernel family "
         "x* = -c v_S (the case where [10, Thm 4.14] is an equality) or x* = -c (v_S + gamma v_Sc), c in [0.5, 2], "
         "gamma in [0.1, 0.9]; L in [2, 4]; u0, v0 = alpha 1 or alpha U(0.5, 2) entrywise, alpha^L = 10^-k, k in [2, 8].";
}

#define THMCHECK_CMR22_RECOVERY(S)                                                                              \
  template MeasuredLimit<S> measured_flow_limit<S>(const Matrix<S>&, const Vector<S>&, int, const Vector<S>&, \
                                                   const Vector<S>&);                                         \
  template S truth_shift<S>(const Matrix<S>&, const Vector<S>&);
THMCHECK_CMR22_RECOVERY(double)
THMCHECK_CMR22_RECOVERY(Mp50)
THMCHECK_CMR22_RECOVERY(Mp100)
#undef THMCHECK_CMR22_RECOVERY

}  // namespace thmcheck::cmr22
