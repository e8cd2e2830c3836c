// os19 Theorem 4.2 (Section 4.2): low-rank regression y_i ~ <X_i, Theta
// Theta^T> with Gaussian X_i; with eta = c1 sqrt(n)/(r^2 d ||y||) the GD loss
// obeys L_t <= 100 (1 - c2/r^{3/2})^t ||y||^2. The constants c, c1, c2 are
// unspecified, so only the r-dependence of the geometric rate is checked: a
// scaling claim whose instances each give the point (r, per-step decay) and
// whose fitted exponent is predicted to be -3/2.
#include <fmt/format.h>
#include <rapidcheck.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

#include "thmcheck/engine/registry.hpp"
#include "thmcheck/generators/random_data.hpp"
#include "thmcheck/os19/models.hpp"
#include "thmcheck/solvers/gradient_descent.hpp"

namespace thmcheck::checks {
namespace {

struct LowRankParams {
  int r;
  int d_extra;
  int ratio_exp;  // n = dr / 2^(ratio_exp + 3), i.e. n/(dr) in {1/8, 1/16, 1/32}
  std::uint64_t seed;
};

constexpr const char* kLowRankInstanceSchema =
    "{\"d\", \"r\" (r <= d), \"n\" (n <= d r), \"seed\": X_i (d x d, i.i.d. N(0,1)), Rademacher "
    "labels y and Theta0 = theta U diag(s) (U orthonormal d x r, s_j uniform in [1, 2], theta = "
    "sqrt(||y||)/(r n)^(1/4)) are drawn from RandomSource(seed) in that order, \"c1\": step constant "
    "(eta = c1 sqrt(n)/(r^2 d ||y||)), \"iterations\": T}";

rc::Gen<Json> low_rank_generator() {
  auto params = rc::gen::build<LowRankParams>(
      rc::gen::set(&LowRankParams::r, rc::gen::inRange(1, 9)),
      rc::gen::set(&LowRankParams::d_extra, rc::gen::inRange(0, 9)),
      rc::gen::set(&LowRankParams::ratio_exp, rc::gen::inRange(0, 3)),
      rc::gen::set(&LowRankParams::seed, rc::gen::arbitrary<std::uint64_t>()));
  return rc::gen::map(params, [](const LowRankParams& q) {
    const int d = std::max(q.r, 8) + q.d_extra;
    const int n = std::max(1, (d * q.r) >> (q.ratio_exp + 3));
    Json j;
    j["d"] = d;
    j["r"] = q.r;
    j["n"] = n;
    j["seed"] = static_cast<std::int64_t>(q.seed >> 12);
    j["c1"] = "0.03";
    j["iterations"] = 100;
    return j;
  });
}

void validate_low_rank(const Json& j) {
  const long long d = read_integer(j, "d", 1, 200);
  const long long r = read_integer(j, "r", 1, d);
  read_integer(j, "n", 1, d * r);
  read_integer(j, "seed", 0, std::numeric_limits<std::int64_t>::max());
  if (!(read_real<double>(j, "c1") > 0)) throw InputError("field 'c1': must be > 0");
  read_integer(j, "iterations", 1, 100000);
}

template <class S>
Outcome evaluate_low_rank(const Json& j) {
  using std::log;
  using std::pow;
  using std::sqrt;
  const Eigen::Index d = read_integer(j, "d", 1, 200);
  const Eigen::Index r = read_integer(j, "r", 1, d);
  const Eigen::Index n = read_integer(j, "n", 1, d * r);
  RandomSource rng(static_cast<std::uint64_t>(
      read_integer(j, "seed", 0, std::numeric_limits<std::int64_t>::max())));
  const S c1 = read_real<S>(j, "c1");
  const long iterations = static_cast<long>(read_integer(j, "iterations", 1, 100000));
  std::vector<Matrix<S>> xs;
  for (Eigen::Index i = 0; i < n; ++i) {
    xs.push_back(gaussian_matrix(d, d, rng).unaryExpr([](double v) { return S(v); }));
  }
  Vector<S> y(n);
  for (Eigen::Index i = 0; i < n; ++i) y(i) = S(rng.sign());
  const S ynorm = y.norm();
  const S scale = sqrt(ynorm) / pow(S(static_cast<double>(r * n)), S(1) / 4);
  const Matrix<double> uo = random_orthonormal_columns(d, r, rng);
  Matrix<S> theta0m(d, r);
  for (Eigen::Index c = 0; c < r; ++c) {
    const double s = 1 + rng.uniform();
    for (Eigen::Index a = 0; a < d; ++a) theta0m(a, c) = scale * S(s) * S(uo(a, c));
  }
  Vector<S> theta0(d * r);
  for (Eigen::Index c = 0; c < r; ++c) theta0.segment(c * d, d) = theta0m.col(c);
  const os19::LowRankModel<S> model(xs, y, r);
  const S eta = c1 * sqrt(S(static_cast<double>(n))) / (S(static_cast<double>(r * r * d)) * ynorm);
  Outcome o;
  std::vector<S> loss;
  auto observer = [&](long, const Vector<S>& theta) {
    loss.push_back(model.loss(theta));
    return false;
  };
  GradientDescentOptions<S> opt;
  opt.step = eta;
  opt.max_iterations = iterations;
  auto result = gradient_descent<S>(model, theta0, opt, observer);
  if (!result.ok() || !is_finite(loss.back()) || !(loss.back() > 0)) {
    o.ok = false;
    o.message = "gradient descent: " + result.message + (is_finite(loss.back()) ? ", loss reached 0" : ", loss not finite");
    return o;
  }
  // Per-step decay exponent of the loss over the run: -log(L_T / L_0) / T;
  // the fitted exponent of r is the checkable part of the rate.
  const S rate = -log(loss.back() / loss.front()) / S(static_cast<double>(iterations));
  // Monotone decrease is recorded, not required: the theorem bounds L_t by
  // 100 (1 - c2/r^{3/2})^t ||y||^2, which allows early increases.
  S worst_increase = 1;
  for (std::size_t t = 1; t < loss.size(); ++t) worst_increase = std::max(worst_increase, S(loss[t] / loss[t - 1]));
  const bool monotone = worst_increase <= 1;
  o.hypotheses = {{"gaussian.features", true, Evidence::kCertified, "X_i i.i.d. N(0,1) by construction"},
                  {"n.le.cdr", n * 8 <= d * r, Evidence::kUnchecked,
                   fmt::format("n = {}, d r = {}: n <= c d r with c unspecified; we use n <= dr/8", n, d * r)},
                  {"init.spectrum", true, Evidence::kCertified,
                   "singular values of Theta0 in [theta, 2 theta] by construction"}};
  if (rate > 0) {
    o.points.push_back({widen(S(static_cast<double>(r))), widen(rate)});
  } else {
    o.ok = false;
    o.message = "loss did not decrease over the run (no geometric decrease to fit)";
  }
  o.measured = widen(rate);
  o.details = {{"d", std::to_string(d)}, {"r", std::to_string(r)}, {"n", std::to_string(n)},
               {"eta", to_decimal(eta, 8)}, {"per-step decay", to_decimal(rate, 8)},
               {"loss ratio L_T/L_0", to_decimal(S(loss.back() / loss.front()), 8)},
               {"decay * r^1.5", to_decimal(S(rate * pow(S(static_cast<double>(r)), S(3) / 2)), 6)},
               {"monotone", monotone ? "yes" : "no"},
               {"largest one-step loss ratio L_{t+1}/L_t", to_decimal(worst_increase, 8)}};
  return o;
}

}  // namespace

THMCHECK_REGISTER(os19_thm4_2) {
  Claim c;
  c.id = "os19.thm4.2";
  c.paper = "os19";
  c.source = "Theorem 4.2";
  c.summary = "low-rank regression: loss decays like (1 - c2/r^{3/2})^t with eta = c1 sqrt(n)/(r^2 d ||y||)";
  c.statement =
      "X_i i.i.d. N(0,1) d x d, labels arbitrary, Theta0 with singular values in [sqrt(||y||)/(rn)^(1/4), "
      "2 sqrt(||y||)/(rn)^(1/4)], n <= c d r, eta = c1 sqrt(n)/(r^2 d ||y||). Then with probability at "
      "least 1 - 4 e^{-n/2} all GD iterates obey sum_i (y_i - <X_i, Theta_t Theta_t^T>)^2 <= 100 (1 - "
      "c2/r^{3/2})^t ||y||^2.";
  c.kind = ClaimKind::kScaling;
  c.predicted_exponent = -1.5;
  c.exponent_tolerance = 0.5;
  c.x_label = "r";
  c.y_label = "per-step loss decay -log(L_T/L_0)/T";
  c.hypotheses = {{"gaussian.features", "X_i i.i.d. N(0, 1)"},
                  {"n.le.cdr", "n <= c d r (c unspecified)"},
                  {"init.spectrum", "singular values of Theta0 in the printed interval"}};
  c.measurement =
      "GD for T = 100 steps with c1 = 0.03 (the theorem leaves c1 unspecified); the point (r, "
      "-log(L_T/L_0)/T). The constants c, c1, c2 and the factor 100 are unspecified, so only the "
      "exponent of r in the rate (predicted -3/2) is checked; whether the loss decreased monotonically is recorded per case.";
  c.generator_info = "r in [1, 8], d = max(r, 8) + [0, 8], n = d r / {8, 16, 32}, Rademacher labels.";
  c.instance_schema = kLowRankInstanceSchema;
  c.notes =
      "Section 9.6 prints the Jacobian row as vec(X_i Theta); the derivative of <X_i, Theta Theta^T> "
      "is vec((X_i + X_i^T) Theta). The proof's constants are affected, not the scaling.";
  c.default_cases = 40;
  c.error_is_rounding = false;
  c.generator = low_rank_generator();
  c.validate = validate_low_rank;
  c.evaluate = make_evaluator([]<class S>(const Json& j) { return evaluate_low_rank<S>(j); });
  registry.add(std::move(c));
}

}  // namespace thmcheck::checks
