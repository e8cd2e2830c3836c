// cmr22 Theorem 1.4 (Chou, Maly & Rauhut 2022): noisy recovery, y = A x* + e,
//   ||x~_inf - x*||_2 <= C/sqrt(s) (c_L ||u0||_L^L + c_L ||v0||_L^L + 2 sigma_s(x*)_1) + C' ||e||_2 ||x~_inf - x*||_1
// with C, C' > 0 depending only on rho, tau, c, d. The constants are not
// stated (nor are those of [10, Thm 4.25, Lemma 11.15] in the paper), so no
// instance can be judged against the bound. What is checkable: for one fixed
// A the constants are fixed, so the ratio
//   R = ||x~ - x*||_2 / (T1 + T2),  T1 = (c_L (...) + 2 sigma_s(x*)_1)/sqrt(s),  T2 = ||e||_2 ||x~ - x*||_1,
// is at most max(C, C') on every instance with that A. Sweeping ||e||_2 = eta
// -> 0 with u0^L = v0^L = eta^3 1, R must stay bounded (exponent >= 0 in eta).
// Sibling .as-proved: the proof's last line has C' ||e||_2 (no ||x~ - x*||_1 factor).
#include <fmt/format.h>
#include <rapidcheck.h>

#include <cmath>
#include <string>

#include "thmcheck/cmr22/c_l.hpp"
#include "thmcheck/cmr22/data_params.hpp"
#include "thmcheck/cmr22/l1_minimization.hpp"
#include "thmcheck/cmr22/null_space_constant.hpp"
#include "thmcheck/cmr22/recovery.hpp"
#include "thmcheck/engine/registry.hpp"
#include "thmcheck/generators/random_data.hpp"
#include "thmcheck/numerics/linalg.hpp"

namespace thmcheck::checks {

namespace {

struct NoisyInstance {
  RealMatrix a;
  RealVector x_star, e_dir, etas;
  int depth = 2;
  int s = 1;
  static constexpr auto fields = std::make_tuple(
      field("A", &NoisyInstance::a, "M x N, the measurement matrix (N <= 12)"),
      field("x_star", &NoisyInstance::x_star, "[N], the ground truth"),
      field("e_dir", &NoisyInstance::e_dir, "[M], the noise direction; e = eta e_dir / ||e_dir||_2"),
      field("etas", &NoisyInstance::etas, "noise sizes eta in (0, 1); u0 = v0 = eta^(3/L) 1"),
      field("L", &NoisyInstance::depth, "depth, integer in [2, 64]"),
      field("s", &NoisyInstance::s, "order s of the robust NSP, 1 <= s < N"));
  void check() const {
    const size_t n = a.front().size();
    if (x_star.size() != n || e_dir.size() != a.size()) throw InputError("fields 'x_star'/'e_dir': wrong length");
    if (n > 12 || s < 1 || s >= static_cast<int>(n)) throw InputError("field 's' or 'A': need 1 <= s < N <= 12");
    if (depth < 2 || depth > 64) throw InputError("field 'L': outside [2, 64]");
    if (etas.size() < 2) throw InputError("field 'etas': need at least 2 sizes");
    for (const Real& t : etas) {
      if (!(t.as<double>() > 0 && t.as<double>() < 1)) throw InputError("field 'etas': entries must be in (0, 1)");
    }
  }
};

/// M = 2, N in [6, 8], columns (cos theta_j, sin theta_j), theta_j = (j + U(-0.2, 0.2)) pi / N: every +-a_j
/// is a vertex of their convex hull, so every 1-sparse vector is the unique l1 minimizer (NSP of order 1);
/// s = 1 > s_* = 2 / log(eN/2). x* = c e_k; eta in {1e-1, ..., 1e-4}.
NoisyInstance noisy_instance(int n, int depth, std::uint64_t seed) {
  RandomSource rng(seed);
  Matrix<double> a(2, n);
  for (int j = 0; j < n; ++j) {
    const double th = (j + rng.uniform(-0.2, 0.2)) * M_PI / n;
    a(0, j) = std::cos(th);
    a(1, j) = std::sin(th);
  }
  NoisyInstance in;
  for (int i = 0; i < 2; ++i) in.a.push_back(cmr22::decimal_reals(Vector<double>(a.row(i).transpose())));
  Vector<double> x = Vector<double>::Zero(n);
  x(rng.integer(0, n - 1)) = rng.sign() * rng.uniform(0.5, 1.5);
  in.x_star = cmr22::decimal_reals(x, 12);
  in.e_dir = cmr22::decimal_reals(random_unit_vector(2, rng), 12);
  for (int k = 1; k <= 4; ++k) in.etas.push_back(Real::parse(fmt::format("1e-{}", k)));
  in.depth = depth;
  in.s = 1;
  return in;
}

template <class S>
Outcome evaluate_noisy(const NoisyInstance& in, bool as_proved) {
  using std::exp;
  using std::log;
  using std::pow;
  using std::sqrt;
  const Matrix<S> a = as_matrix<S>(in.a);
  const Vector<S> x_star = as_vector<S>(in.x_star);
  Vector<S> e_dir = as_vector<S>(in.e_dir);
  e_dir /= e_dir.norm();
  const Eigen::Index m = a.rows(), n = a.cols();
  Outcome o;
  const cmr22::NullSpaceConstant<S> nsp = cmr22::null_space_constant<S>(a, in.s);
  const S s_star = S(static_cast<long>(m)) / log(exp(S(1)) * S(static_cast<long>(n)) / S(static_cast<long>(m)));
  const S root_s = sqrt(S(in.s));
  const bool rnsp = nsp.ok && nsp.bounded && root_s * nsp.upper < 1;
  o.hypotheses = {
      {"rnsp", rnsp, rnsp ? Evidence::kCertified : Evidence::kUnchecked,
       fmt::format("sufficient: sqrt(s) rho_s(A) = {} < 1 (l1 NSP constant by LP; ||v_S||_2 <= ||v_S||_1; a tau "
                   "exists by compactness)", to_decimal(S(root_s * nsp.upper), 6))},
      {"order", S(in.s) > s_star, Evidence::kCertified,
       fmt::format("s = {} = c s_* with c = {} > 1", in.s, to_decimal(S(S(in.s) / s_star), 4))},
      {"quotient", smallest_singular_value<S>(a) > 0, Evidence::kCertified,
       "A has full row rank, so an l1-quotient constant d exists (finite dimension)"},
      {"init.positive", true, Evidence::kCertified, "u0 = v0 = eta^(3/L) 1 > 0"}};
  const S c_l = cmr22::c_l<S>(in.depth);
  const S sigma = cmr22::best_s_term_error<S>(x_star, in.s);
  std::string ratios;
  for (const Real& t : in.etas) {
    const S eta = t.as<S>();
    const Vector<S> y = a * x_star + eta * e_dir;
    const Vector<S> init = Vector<S>::Constant(n, pow(eta, S(3) / S(in.depth)));
    const auto flow = cmr22::measured_flow_limit<S>(a, y, in.depth, init, init);
    if (!flow.ok) {
      o.ok = false;
      o.message = flow.message;
      return o;
    }
    const Vector<S> diff = flow.product - x_star;
    // As proved: eps of (46) is the measured gap ||x~||_1 - min (the proof needs only gap <= eps);
    // as printed: Theorem 1.1's c_L (||u0||_L^L + ||v0||_L^L) = 2 N c_L eta^3.
    S eps = c_l * 2 * S(static_cast<long>(n)) * pow(eta, S(3));
    if (as_proved) {
      const auto lp = cmr22::l1_minimize<S>(a, y, false);
      if (!lp.ok()) {
        o.ok = false;
        o.message = "l1 minimization: " + lp.message;
        return o;
      }
      eps = flow.product.template lpNorm<1>() - lp.value + flow.error + lp.value_error;
    }
    const S t1 = (eps + 2 * sigma) / root_s;
    const S t2 = as_proved ? eta : S(eta * diff.template lpNorm<1>());
    const S ratio = diff.norm() / (t1 + t2);
    if (!(diff.norm() > 4 * flow.error)) {
      o.ok = false;
      o.message = fmt::format("||x~ - x*||_2 = {} not resolved (error {})", to_decimal(S(diff.norm()), 3),
                              to_decimal(flow.error, 3));
      return o;
    }
    o.points.emplace_back(widen(eta), widen(ratio));
    ratios += (ratios.empty() ? "" : ", ") + to_decimal(ratio, 4);
  }
  o.details = {{"N", std::to_string(n)}, {"M", std::to_string(m)}, {"L", std::to_string(in.depth)},
               {"rho_1(A)", to_decimal(nsp.upper, 8)}, {"ratios R(eta)", ratios}};
  return o;
}

Claim noisy_claim(bool as_proved) {
  Claim c;
  c.paper = "cmr22";
  c.kind = ClaimKind::kScaling;
  c.error_is_rounding = false;
  c.default_cases = 6;
  c.predicted_exponent = 0;
  c.exponent_tolerance = 0.2;
  c.exponent_at_least = true;
  c.x_label = "eta = ||e||_2";
  c.statement =
      "Let c > 1. Let A satisfy the l2-robust NSP with constants 0 <= rho < 1, tau > 0 of order s = c s_* = "
      "cM/log(eN/M), and the l1-quotient property w.r.t. l2 with constant d > 0. For y = A x_* + e let x~_inf be "
      "the limit (8) with u0, v0 > 0. Then ||x~_inf - x_*||_2 <= C/sqrt(s) (c_L ||u0||_L^L + c_L ||v0||_L^L + "
      "2 sigma_s(x_*)_1) + C' ||e||_2 ||x~_inf - x_*||_1, where C, C' > 0 only depend on rho, tau, c, d.";
  c.hypotheses = {{"rnsp", "l2-robust NSP of order s with rho < 1, tau > 0"},
                  {"order", "s = c s_* = c M / log(eN/M), c > 1"},
                  {"quotient", "l1-quotient property with respect to l2 with a constant d > 0"},
                  {"init.positive", "u0, v0 > 0"}};
  c.generator_info = "M = 2, N in [6, 8], A's columns (cos theta_j, sin theta_j), theta_j = (j + U(-0.2, 0.2)) pi/N; "
                     "s = 1; x* = c e_k, c in +-[0.5, 1.5]; e = eta e_dir (random unit), eta in {1e-1, ..., 1e-4}; "
                     "L in [2, 4]; u0 = v0 = eta^(3/L) 1.";
  const std::string common =
      "For one A (fixed rho, tau, c, d, hence fixed C, C'), the bound implies R = ||x~ - x*||_2 / (T1 + T2) <= "
      "max(C, C') with T1 = (c_L (||u0||_L^L + ||v0||_L^L) + 2 sigma_s(x*)_1)/sqrt(s). Points (eta, R(eta)) along "
      "||e||_2 = eta -> 0 with u0^L = v0^L = eta^3 (so T1 = O(eta^3)); claimed: R bounded, exponent >= 0 "
      "(tolerance 0.2). x~ by flow_limit.hpp. ";
  if (as_proved) {
    c.id = "cmr22.thm1.4.as-proved";
    c.source = "Theorem 1.4, proof in Appendix A.3 (last display: + C' ||e||_2)";
    c.summary = "noise term C' ||e||_2 as the proof ends: ratio to C/sqrt(s)(...) + ||e||_2 bounded as ||e|| -> 0";
    c.y_label = "||x~ - x*||_2 / (T1 + ||e||_2)";
    c.measurement = common + "Here T2 = ||e||_2, the proof's final noise term, and T1 uses the measured gap "
                             "eps = ||x~||_1 - min_{Az=y} ||z||_1 (+ its error) for the proof's eps of (46) "
                             "(Theorem 1.1's c_L (...) is not a valid eps where (9) fails, cmr22.thm1.1, e.g. L = 2).";
    c.notes = "The proof (Appendix A.3) ends with C/sqrt(s)(eps + 2 sigma_s(x*)_1) + C' ||e||_2 with "
              "C' = C d sqrt(s_*/s) + d': no factor ||x~ - x*||_1. Its constants C = (1+rho)^2/(1-rho) "
              "([10, Thm 4.25], not printed in the paper) and d' ([10, Lemma 11.15]) are not given, so only "
              "boundedness is checked. Hypotheses: the l2-robust NSP by the sufficient condition sqrt(s) rho_1 < 1.";
  } else {
    c.id = "cmr22.thm1.4";
    c.source = "Theorem 1.4 (Section 1.2), as printed";
    c.summary = "printed noise term C' ||e||_2 ||x~ - x*||_1: ratio must stay bounded as ||e||_2 -> 0 (it grows like 1/||e||)";
    c.y_label = "||x~ - x*||_2 / (T1 + ||e||_2 ||x~ - x*||_1)";
    c.measurement = common + "Here T2 = ||e||_2 ||x~ - x*||_1 as printed.";
    c.notes = "C, C' are unstated, so the printed bound cannot be checked per instance; this claim checks the "
              "consequence that for fixed A the ratio is bounded. With x* s-sparse, ||x~ - x*|| = Theta(||e||) "
              "while T2 = O(||e||^2) and T1 = O(||e||^3), so R ~ 1/||e||: the printed product is then false for "
              "every choice of C, C'. The proof gives C' ||e||_2 (see cmr22.thm1.4.as-proved).";
  }
  set_instances<NoisyInstance>(
      c, rc::gen::apply(noisy_instance, rc::gen::inRange(6, 9), rc::gen::inRange(2, 5), rc::gen::arbitrary<std::uint64_t>()),
      [as_proved]<class S>(const NoisyInstance& in) { return evaluate_noisy<S>(in, as_proved); });
  return c;
}

}  // namespace

THMCHECK_REGISTER(cmr22_thm1_4) {
  registry.add(noisy_claim(false));
  registry.add(noisy_claim(true));
}

}  // namespace thmcheck::checks
