#include "thmcheck/os19/ball_glm_bounds.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <type_traits>

namespace thmcheck::os19 {

template <class S>
SlopeRange<S> slope_range(const Activation<S>& phi, const S& lo, const S& hi) {
  using std::abs;
  using std::max;
  using std::min;
  using std::sqrt;
  using std::tanh;
  const S u = unit_roundoff<S>();
  // |z| over [lo, hi]: the point nearest 0 and the farthest one.
  const S near = (lo <= 0 && hi >= 0) ? S(0) : S(min(abs(lo), abs(hi)));
  const S far = max(abs(lo), abs(hi));
  SlopeRange<S> r;
  S widen = 16 * u;
  switch (phi.kind) {
    case ActivationKind::kIdentity:
      r.min_slope = r.max_slope = 1;
      r.max_curvature = 0;
      return r;
    case ActivationKind::kTanhPlus: {
      // phi' = 1 + c sech^2(s z), sech^2 decreasing in |z|; |phi''| = |c| s h(tanh(s |z|)),
      // h(t) = 2 t (1 - t^2) increasing up to t^2 = 1/3 and decreasing after.
      const S& c = phi.parameter;
      const S& s = phi.sharpness;
      const S tn = tanh(s * near), tf = tanh(s * far);
      const S big = 1 - tn * tn, small = 1 - tf * tf;
      r.min_slope = c >= 0 ? S(1 + c * small) : S(1 + c * big);
      r.max_slope = c >= 0 ? S(1 + c * big) : S(1 + c * small);
      const auto h = [](const S& t) { return S(2 * t * (1 - t * t)); };
      const S peak = S(4) / (S(3) * sqrt(S(3)));
      const S hmax = (3 * tn * tn <= 1 && 3 * tf * tf >= 1) ? peak : S(max(h(tn), h(tf)));
      r.max_curvature = abs(c) * s * hmax;
      widen *= 1 + abs(c);
      break;
    }
    case ActivationKind::kLeakySoftplus: {
      // phi' = a + (1 - a) sigma(z) increasing; phi'' = (1 - a) sigma (1 - sigma), largest at |z| = near.
      r.min_slope = phi.derivative(lo);
      r.max_slope = phi.derivative(hi);
      r.max_curvature = phi.second_derivative(near);
      break;
    }
  }
  r.min_slope -= widen;
  r.max_slope += widen;
  r.max_curvature = r.max_curvature * (1 + widen) + widen;
  return r;
}

template <class S>
BallGlmBounds<S> ball_glm_bounds(const Matrix<S>& x, const Vector<S>& theta0, const Activation<S>& phi,
                                 const S& radius, const MatrixBounds<S>& mb) {
  using std::abs;
  using std::max;
  using std::min;
  const S u = unit_roundoff<S>();
  const Eigen::Index n = x.rows(), p = x.cols();
  S slope_low = -1, slope_high = 0, curvature = 0, spread = 0, rows = 0;
  S lowest = 0, highest = 0;  // the range of phi' over all the intervals
  for (Eigen::Index i = 0; i < n; ++i) {
    const S centre = x.row(i).dot(theta0);
    const S row_norm = x.row(i).norm();
    const S half = row_norm * radius;
    const S rounding = 2 * S(static_cast<double>(p + 4)) * u *
                       (S(x.row(i).cwiseAbs().dot(theta0.cwiseAbs())) + half);
    const SlopeRange<S> r = slope_range(phi, S(centre - half - rounding), S(centre + half + rounding));
    const S least = r.min_slope > 0 ? r.min_slope : (r.max_slope < 0 ? S(-r.max_slope) : S(0));
    lowest = i == 0 ? r.min_slope : S(min(lowest, r.min_slope));
    highest = i == 0 ? r.max_slope : S(max(highest, r.max_slope));
    slope_low = slope_low < 0 ? least : S(min(slope_low, least));
    const S steepest = max(abs(r.min_slope), abs(r.max_slope));
    slope_high = max(slope_high, steepest);
    // ||x_i|| rounded up (a length-p sum of squares and a square root).
    rows = max(rows, S(steepest * row_norm * (1 + S(static_cast<double>(p + 2)) * u)));
    curvature = max(curvature, r.max_curvature);
    spread = max(spread, S(r.max_slope - r.min_slope));
  }
  BallGlmBounds<S> b;
  b.radius = radius;
  b.alpha = max(S(0), slope_low) * mb.sigma_min_lower;
  b.beta = slope_high * mb.norm_upper;
  b.lipschitz = curvature * mb.row_norm_upper * mb.norm_upper;
  b.deviation = min(S(spread * mb.norm_upper), S(2 * radius * b.lipschitz));
  b.row_bound = rows;
  b.derivation = fmt::format(
      "{} over B(theta0, R = {}): phi' in [{}, {}] (|phi'| >= {}), |phi''| <= {} on the intervals "
      "x_i^T theta0 +- ||x_i|| R; sigma_min(X) >= {}, ||X|| <= {}, ||X||_2,inf <= {}",
      phi.describe(), to_decimal(radius, 6), to_decimal(lowest, 6), to_decimal(highest, 6),
      to_decimal(S(max(S(0), slope_low)), 6), to_decimal(curvature, 6), to_decimal(mb.sigma_min_lower, 8),
      to_decimal(mb.norm_upper, 8), to_decimal(mb.row_norm_upper, 8));
  return b;
}

namespace {

/// The search of self_consistent_glm_bounds at one precision: a valid alpha
/// (alpha <= alpha of its own ball), 0 when none is found.
template <class S>
S self_consistent_alpha(const Matrix<S>& x, const Vector<S>& theta0, const Activation<S>& phi, const S& c_r0,
                        const MatrixBounds<S>& mb) {
  const S u = unit_roundoff<S>();
  // The radius of alpha's ball, rounded up (c_r0 / alpha errs by ~2u).
  const auto radius_of = [&](const S& alpha) { return S(c_r0 / alpha * (1 + 64 * u)); };
  S a = ball_glm_bounds(x, theta0, phi, S(0), mb).alpha;
  if (!(a > 0)) return S(0);
  for (int k = 0; k < 200; ++k) {
    const S next = ball_glm_bounds(x, theta0, phi, radius_of(a), mb).alpha;
    if (!(next > 0)) break;
    const bool settled = next >= a * (1 - 64 * u);
    a = next;
    if (settled) break;
  }
  // A valid alpha below a (halving), then bisection between it and the
  // nearest invalid one above: the largest valid alpha found (to 1e-12
  // relative, at most 40 steps).
  const auto valid = [&](const S& candidate) {
    return ball_glm_bounds(x, theta0, phi, radius_of(candidate), mb).alpha >= candidate;
  };
  S hi = a, lo = 0;
  for (int k = 0; k < 200; ++k) {
    const S candidate = k == 0 ? S(a * (1 - S(1e-6))) : S(hi / 2);
    if (valid(candidate)) {
      lo = candidate;
      break;
    }
    hi = candidate;
  }
  if (!(lo > 0)) return S(0);
  for (int k = 0; k < 40 && hi - lo > lo * S(1e-12); ++k) {
    const S mid = (lo + hi) / 2;
    if (valid(mid)) lo = mid; else hi = mid;
  }
  return lo;
}

}  // namespace

template <class S>
BallGlmBounds<S> self_consistent_glm_bounds(const Matrix<S>& x, const Vector<S>& theta0, const Activation<S>& phi,
                                            const S& c_r0, const MatrixBounds<S>& mb) {
  const S u = unit_roundoff<S>();
  const auto radius_of = [&](const S& alpha) { return S(c_r0 / alpha * (1 + 64 * u)); };
  if (!(c_r0 > 0)) return ball_glm_bounds(x, theta0, phi, S(0), mb);
  // The search runs in double, so that every precision starts from the same
  // candidate (the constants then differ between precisions by rounding
  // only, not by where a bisection stopped); the candidate is re-checked at
  // precision S, and searched for at S only when that check fails.
  S lo;
  if constexpr (std::is_same_v<S, double>) {
    lo = self_consistent_alpha(x, theta0, phi, c_r0, mb);
  } else {
    const Matrix<double> xd = x.unaryExpr([](const S& v) { return static_cast<double>(v); });
    const Vector<double> td = theta0.unaryExpr([](const S& v) { return static_cast<double>(v); });
    const Activation<double> pd{phi.kind, static_cast<double>(phi.parameter), static_cast<double>(phi.sharpness)};
    lo = S(self_consistent_alpha(xd, td, pd, static_cast<double>(c_r0), matrix_bounds(xd)));
    if (!(lo > 0) || !(ball_glm_bounds(x, theta0, phi, radius_of(lo), mb).alpha >= lo)) {
      lo = self_consistent_alpha(x, theta0, phi, c_r0, mb);
    }
  }
  if (!(lo > 0)) {
    BallGlmBounds<S> none = ball_glm_bounds(x, theta0, phi, S(0), mb);
    none.alpha = 0;
    return none;
  }
  // b.alpha >= lo holds on lo's ball, which contains b.alpha's own (smaller)
  // ball: b.alpha is self-consistent too.
  return ball_glm_bounds(x, theta0, phi, radius_of(lo), mb);
}

#define THMCHECK_OS19_BALL_INSTANTIATE(S)                                                                       \
  template SlopeRange<S> slope_range(const Activation<S>&, const S&, const S&);                                \
  template BallGlmBounds<S> ball_glm_bounds(const Matrix<S>&, const Vector<S>&, const Activation<S>&, const S&, \
                                            const MatrixBounds<S>&);                                            \
  template BallGlmBounds<S> self_consistent_glm_bounds(const Matrix<S>&, const Vector<S>&, const Activation<S>&, \
                                                       const S&, const MatrixBounds<S>&);
THMCHECK_OS19_BALL_INSTANTIATE(double)
THMCHECK_OS19_BALL_INSTANTIATE(Mp50)
THMCHECK_OS19_BALL_INSTANTIATE(Mp100)

}  // namespace thmcheck::os19
