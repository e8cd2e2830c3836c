// os19 Lemma 9.16 (Jacobian spectrum bounds, Section 9.6.1): Theta0 in
// R^{d x r}, r <= d, with singular values in [theta, 2 theta]; D =
// B(Theta0, theta sqrt(r)/2400) (Frobenius); n <= C d r (C unstated). With
// probability at least 1 - 3 e^{-gamma d r} (gamma unstated), for Theta in D,
//   theta sqrt(dr)/50 <= sigma_min(J(Theta)) <= sigma_max(J(Theta)) <= 25 theta sqrt(dr)   (9.53)
// and for all Theta1, Theta2: ||J(Theta2) - J(Theta1)|| <= 12 sqrt(dr) ||Theta2 - Theta1||_F.  (9.54)
// J as printed in Section 9.6: the n x dr matrix with rows vec(X_i Theta)^T.
// Parts: .spectrum (9.53) and .lipschitz (9.54).
#include <fmt/format.h>
#include <rapidcheck.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>

#include "thmcheck/engine/registry.hpp"
#include "thmcheck/engine/typed_instance.hpp"
#include "thmcheck/generators/random_data.hpp"
#include "thmcheck/os19/lowrank_lemma_fields.hpp"
#include "thmcheck/numerics/linalg.hpp"
#include "thmcheck/os19/jacobian_nuclear.hpp"

namespace thmcheck::checks {
namespace {

struct SpectrumInstance {
  long d = 0, r = 0, n = 0, seed = 0;
  Real theta;
  RealVector s;
  static constexpr auto fields = std::make_tuple(
      field("d", &SpectrumInstance::d, "dimension, in [1, 32]"),
      field("r", &SpectrumInstance::r, "rank, in [1, d]"),
      field("n", &SpectrumInstance::n, "samples, in [1, d r]"),
      field("seed", &SpectrumInstance::seed,
            ">= 0: X_1, ..., X_n (d x d, i.i.d. N(0,1)) and then U (d x r orthonormal) from RandomSource(seed)"),
      field("theta", &SpectrumInstance::theta, "the scale vartheta > 0"),
      field("s", &SpectrumInstance::s, "[r] > 0: Theta0 = theta U diag(s) (singular values in [theta, 2 theta] iff s_j in [1, 2])"));
  void check() const {
    os19::require_range("d", d, 1, 32);
    os19::require_range("r", r, 1, d);
    os19::require_range("n", n, 1, d * r);
    os19::require_range("seed", seed, 0, std::numeric_limits<long>::max());
    os19::require_scale_and_spectrum(theta, s, r);
  }
};

/// J(Theta): row i = vec(X_i Theta)^T (column-major vec).
template <class S>
Matrix<S> jacobian(const std::vector<Matrix<S>>& x, const Matrix<S>& theta) {
  const Eigen::Index n = static_cast<Eigen::Index>(x.size()), d = theta.rows(), r = theta.cols();
  Matrix<S> j(n, d * r);
  for (Eigen::Index i = 0; i < n; ++i) {
    const Matrix<S> m = x[i] * theta;
    for (Eigen::Index c = 0; c < r; ++c) j.row(i).segment(c * d, d) = m.col(c).transpose();
  }
  return j;
}

template <class S>
std::vector<Matrix<S>> at_precision(const std::vector<Matrix<double>>& x) {
  std::vector<Matrix<S>> out;
  for (const auto& m : x) out.push_back(m.unaryExpr([](double t) { return S(t); }));
  return out;
}

/// sigma_min (n-th singular value, n <= dr) and sigma_max of J(Theta), with
/// a rounding bound: the entries of J err by gamma_d (|X_i| |Theta|), moving
/// every singular value by at most gamma_d ||J_abs||_F (Weyl); the SVD adds
/// 8 (n + dr) u ||J||_F (backward stable one-sided Jacobi).
template <class S>
struct Extremes {
  S low, high, error;
};

template <class S>
Extremes<S> extremes(const std::vector<Matrix<S>>& x, const Matrix<S>& theta) {
  const Matrix<S> j = jacobian(x, theta);
  std::vector<Matrix<S>> xa;
  for (const auto& m : x) xa.push_back(m.cwiseAbs());
  const Matrix<S> j_abs = jacobian(xa, Matrix<S>(theta.cwiseAbs()));
  const Eigen::JacobiSVD<Matrix<S>> svd(j);
  const S u = unit_roundoff<S>();
  const S gamma = S(1.01) * S(static_cast<double>(theta.rows() + 2)) * u;
  return {svd.singularValues().minCoeff(), svd.singularValues().maxCoeff(),
          gamma * j_abs.norm() + 8 * S(static_cast<double>(j.rows() + j.cols())) * u * j.norm()};
}

/// The direction in which a singular value of J moves fastest: for the pair
/// (a, w) of J(Theta0), d sigma = <sum_i a_i X_i^T W, Delta>, W = mat(w).
Matrix<double> steepest(const std::vector<Matrix<double>>& x, const Vector<double>& a, const Vector<double>& w,
                        Eigen::Index d, Eigen::Index r) {
  const Eigen::Map<const Matrix<double>> wm(w.data(), d, r);
  Matrix<double> g = Matrix<double>::Zero(d, r);
  for (std::size_t i = 0; i < x.size(); ++i) g += a(static_cast<Eigen::Index>(i)) * x[i].transpose() * wm;
  const double nrm = g.norm();
  return nrm > 0 ? Matrix<double>(g / nrm) : g;
}

template <class S>
Outcome evaluate(const SpectrumInstance& in, bool lipschitz) {
  using std::sqrt;
  const Eigen::Index d = in.d, r = in.r, n = in.n;
  RandomSource rng(static_cast<std::uint64_t>(in.seed));
  const auto x = os19::gaussian_features(n, d, rng);
  const Matrix<double> u_double = random_orthonormal_columns(d, r, rng);
  const std::vector<Matrix<S>> xs = at_precision<S>(x);
  const S theta = in.theta.as<S>();
  const S root = sqrt(S(static_cast<double>(d * r)));
  const S uS = unit_roundoff<S>();
  const bool spectrum = os19::spectrum_in_range<S>(in.s);
  Outcome o;
  o.hypotheses = {{"gaussian.features", true, Evidence::kCertified, "X_i i.i.d. N(0,1) by construction"},
                  {"spectrum", spectrum, Evidence::kCertified, "Theta0 = theta U diag(s), s_j in [1, 2]"},
                  {"r.le.d", r <= d, Evidence::kCertified, fmt::format("r = {}, d = {}", r, d)},
                  {"n.le.Cdr", 8 * n <= d * r, Evidence::kUnchecked,
                   fmt::format("n = {}, d r = {}: C unstated; counted inside for n <= d r / 8", n, d * r)}};
  if (lipschitz) {
    // sup over Delta of ||J(Delta)|| / ||Delta||_F = sup_v ||A(v)||_op: search
    // (v, b), then at Delta = b e_1^T the exact ||J(Delta)|| at precision S.
    RandomSource search_rng(static_cast<std::uint64_t>(in.seed) ^ 0x9e3779b97f4a7c15ULL);
    const os19::SpectralPoint p = os19::maximize_spectral(x, 3, 40, search_rng);
    Matrix<S> delta = Matrix<S>::Zero(d, r);
    for (Eigen::Index a = 0; a < d; ++a) delta(a, 0) = S(p.b(a));
    const Matrix<S> j = jacobian(xs, delta);
    const S op = spectral_norm<S>(j);
    const S ratio = op / delta.norm();
    // spectral_norm's error (lib/numerics/linalg.hpp): c (rows + cols) u ||J||_F^2/||J||, c = 8; entries gamma_d.
    const S err = (8 * S(static_cast<double>(j.rows() + j.cols())) * uS * j.squaredNorm() / op +
                   S(1.01) * S(static_cast<double>(d + 2)) * uS * j.cwiseAbs().norm()) / delta.norm() + 4 * uS * ratio;
    o.measured = widen(ratio);
    o.bound = widen(S(12 * root));
    o.error = widen(S(err + 2 * uS * 12 * root));
    o.details = {{"||J(Delta)||/||Delta||_F (certified lower bound on the Lipschitz constant)", to_decimal(ratio, 10)},
                 {"ratio to 12 sqrt(dr)", to_decimal(S(ratio / (12 * root)), 6)}};
  } else {
    // Theta0 and, for each end of the spectrum, Theta0 moved to the boundary
    // of D along that singular value's steepest direction (radius scaled by
    // 1 - 1e-9 to stay inside D).
    Matrix<double> theta0_double = u_double;
    for (Eigen::Index c = 0; c < r; ++c) theta0_double.col(c) *= in.theta.as<double>() * in.s[c].as<double>();
    const Matrix<double> j0 = jacobian(x, theta0_double);
    const Eigen::JacobiSVD<Matrix<double>> svd0(j0, Eigen::ComputeThinU | Eigen::ComputeThinV);
    const Eigen::Index last = std::min(n, d * r) - 1;
    const Matrix<double> down = -steepest(x, svd0.matrixU().col(last), svd0.matrixV().col(last), d, r);
    const Matrix<double> up = steepest(x, svd0.matrixU().col(0), svd0.matrixV().col(0), d, r);
    Matrix<S> theta0(d, r);
    for (Eigen::Index c = 0; c < r; ++c) {
      for (Eigen::Index a = 0; a < d; ++a) theta0(a, c) = theta * in.s[c].as<S>() * S(u_double(a, c));
    }
    const S radius = theta * sqrt(S(static_cast<double>(r))) / 2400 * (1 - S(1e-9));
    const auto to_s = [](const Matrix<double>& m) { return Matrix<S>(m.unaryExpr([](double t) { return S(t); })); };
    const Extremes<S> at0 = extremes(xs, theta0);
    const Extremes<S> low = extremes(xs, Matrix<S>(theta0 + radius * to_s(down)));
    const Extremes<S> high = extremes(xs, Matrix<S>(theta0 + radius * to_s(up)));
    using std::max;
    using std::min;
    const S smin = min(at0.low, low.low), smax = max(at0.high, high.high);
    const S err = max(max(at0.error, low.error), high.error);
    const S lower_bound = theta * root / 50, upper_bound = 25 * theta * root;
    // One inequality for both ends: max(sigma_max/(25 theta sqrt(dr)), (theta sqrt(dr)/50)/sigma_min) <= 1.
    const S upper_ratio = smax / upper_bound, lower_ratio = lower_bound / smin;
    const bool lower_worse = lower_ratio > upper_ratio;
    o.measured = widen(lower_worse ? lower_ratio : upper_ratio);
    o.bound = widen(S(1));
    o.error = widen(lower_worse ? S(lower_ratio * (err / smin + 4 * uS)) : S((err + 4 * uS * smax) / upper_bound));
    o.details = {{"min sigma_min(J) found over D", to_decimal(smin, 10)},
                 {"max sigma_max(J) found over D", to_decimal(smax, 10)},
                 {"sigma_min / (theta sqrt(dr)/50)", to_decimal(S(smin / lower_bound), 6)},
                 {"sigma_max / (25 theta sqrt(dr))", to_decimal(upper_ratio, 6)},
                 {"binding end", lower_worse ? "lower" : "upper"}};
  }
  o.details.push_back({"d, r, n", fmt::format("{}, {}, {}", d, r, n)});
  return o;
}

// ---- Generator: r in [1, 4], d in [r, r + 6], n = max(1, d r / 2^k), k in
// [0, 7] (k >= 3 inside the n <= dr/8 convention); theta = 10^(e/2), e in
// [-6, 6]; s all 1, all 2, or uniform in [1, 2] (3 decimals).
struct Params {
  int r, d_extra, k, e, s_kind;
  std::uint64_t seed;
};

rc::Gen<SpectrumInstance> generator() {
  auto params = rc::gen::build<Params>(
      rc::gen::set(&Params::r, rc::gen::inRange(1, 5)), rc::gen::set(&Params::d_extra, rc::gen::inRange(0, 7)),
      rc::gen::set(&Params::k, rc::gen::inRange(0, 8)), rc::gen::set(&Params::e, rc::gen::inRange(-6, 7)),
      rc::gen::set(&Params::s_kind, rc::gen::inRange(0, 3)),
      rc::gen::set(&Params::seed, rc::gen::arbitrary<std::uint64_t>()));
  return rc::gen::map(params, [](const Params& q) {
    SpectrumInstance in;
    in.r = q.r;
    in.d = q.r + q.d_extra;
    in.n = std::max(1L, (in.d * in.r) >> q.k);
    in.seed = static_cast<long>(q.seed >> 12);
    in.theta = Real::of(std::pow(10.0, q.e / 2.0));
    RandomSource rng(q.seed);
    in.s = os19::spectrum_multipliers(q.s_kind, in.r, rng);
    return in;
  });
}

const char* kStatement =
    "Let Theta0 in R^{d x r} with r <= d have singular values in [theta, 2 theta], D = B(Theta0, theta sqrt(r)/2400). "
    "Then as long as n <= C d r with C a fixed numerical constant, with probability at least 1 - 3 e^{-gamma d r}: "
    "theta sqrt(dr)/50 <= sigma_min(J(Theta)) <= sigma_max(J(Theta)) <= 25 theta sqrt(dr) (9.53) [for Theta in D]. "
    "Furthermore, the Jacobian is 12 sqrt(dr)-Lipschitz: ||J(Theta2) - J(Theta1)|| <= 12 sqrt(dr) ||Theta2 - "
    "Theta1||_F for all Theta1, Theta2 (9.54).";

void register_part(Registry& registry, bool lipschitz) {
  Claim c;
  c.id = lipschitz ? "os19.lem9.16.lipschitz" : "os19.lem9.16.spectrum";
  c.paper = "os19";
  c.source = lipschitz ? "Lemma 9.16, eq. (9.54)" : "Lemma 9.16, eq. (9.53)";
  c.summary = lipschitz ? "||J(Theta2) - J(Theta1)|| <= 12 sqrt(dr) ||Theta2 - Theta1||_F (low-rank model)"
                        : "theta sqrt(dr)/50 <= sigma_min(J) <= sigma_max(J) <= 25 theta sqrt(dr) on B(Theta0, theta sqrt(r)/2400)";
  c.statement = kStatement;
  c.kind = ClaimKind::kExplicit;
  c.hypotheses = {{"gaussian.features", "X_i i.i.d. d x d with i.i.d. N(0, 1) entries"},
                  {"spectrum", "singular values of Theta0 in [theta, 2 theta]"},
                  {"r.le.d", "r <= d"},
                  {"n.le.Cdr", "n <= C d r, C unstated (counted inside for n <= d r / 8)"}};
  c.measurement = lipschitz
      ? "One draw per case. J is linear in Theta, so the best constant is sup_{Delta} ||J(Delta)||/||Delta||_F = "
        "sup_v ||sum_i v_i X_i||_op: alternating search for (v, b) (top singular pair of A(v), then v = (a^T X_i "
        "b)_i normalised) from 4 starts; at Delta = b e_1^T the exact ||J(Delta)||/||Delta||_F at precision S "
        "(a certified lower bound on the sup). Measured that, bound 12 sqrt(dr)."
      : "One draw per case. sigma_min (the n-th singular value) and sigma_max of J(Theta) by JacobiSVD at "
        "precision S at Theta0 and at Theta0 moved to the boundary of D along each end's steepest direction "
        "(first-order; D's radius is tiny, so this is near the extremes over D). Measured max(sigma_max/(25 "
        "theta sqrt(dr)), (theta sqrt(dr)/50)/sigma_min) (the worse end), bound 1.";
  c.generator_info =
      "r in [1, 4], d in [r, r + 6], n = max(1, d r / 2^k), k in [0, 7]; theta = 10^(e/2), e in [-6, 6]; s all 1, "
      "all 2 or uniform in [1, 2]; U random orthonormal.";
  c.notes = lipschitz
      ? "Per-draw judgement; the probability level (gamma unstated) is not checked. (9.54) needs no hypothesis on "
        "Theta; the lemma's are recorded. The sup is searched: a 'pass' means no direction found exceeds 12 "
        "sqrt(dr); the values found are about 2 sqrt(d) + sqrt(n), well below. J is the printed Jacobian (rows "
        "vec(X_i Theta)), not the symmetrised derivative."
      : "Per-draw judgement; C and gamma are unstated, so n <= C d r is counted inside for n <= d r/8 (the "
        "convention of os19.thm4.2) and the probability level is not checked; cases with larger n are recorded "
        "outside (there sigma_min(J) -> 0 as n -> dr). Extremes over D are searched at 3 points, not computed: "
        "a 'pass' means none found is outside the bounds. Theta0 = theta U diag(s): the right factor V of its SVD "
        "does not change J's singular values (J(Theta V^T) = J(Theta) (V (x) I_d)^T, an orthogonal change of coordinates), so V = I.";
  c.proof_note =
      "No interval enclosure: the searched point comes from double SVDs, and the value there is certified by a "
      "stated rounding analysis (Higham-style gamma bounds, ||W||^+ from the rounded Gram) and by agreement at 50 "
      "and 100 digits, not by MPFI.";
  c.default_cases = 40;
  c.error_is_rounding = true;
  set_instances<SpectrumInstance>(c, generator(), [lipschitz]<class S>(const SpectrumInstance& in) {
    return evaluate<S>(in, lipschitz);
  });
  registry.add(std::move(c));
}

}  // namespace

THMCHECK_REGISTER(os19_lem9_16) {
  register_part(registry, false);
  register_part(registry, true);
}

}  // namespace thmcheck::checks
