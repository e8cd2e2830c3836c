// mf22 Theorem 4 (flatter landscape with depth): around the balanced true
// solution w* = (theta*^{1/N}, ..., theta*^{1/N}), for N >= 2 and
// gamma <= t0/sqrt(d) ^ 1, inf_{||w - w*||_inf <= gamma} {L(w*) - L(w)} is
// >~ -(d/sqrt(m)) gamma^N (w.p. 1 - e^{-Omega(k)}) and <~ -sqrt(p0 p)
// (d/sqrt(m)) gamma^N (w.p. >= 1/16).
//
// Printed vs proved: as printed, the theorem bounds inf {L(w*) - L(w)}, i.e.
// minus the largest INCREASE, but the proof (32) computes L(w* + Dw) - L(w*)
// under the label L(w*) - L(w* + Dw): what is proved is about the largest
// DECREASE. mf22.thm4 = as printed (increase), mf22.thm4.as-proved = decrease.
//
// Checked here as scaling laws, with the certified brackets of
// lib/mf22/loss_change_bracket (the ell_inf ball's image under w -> prod w is a
// box, so the largest decrease is an LP): the increase (mf22.thm4) and the
// decrease (.as-proved) against gamma^N; the decrease against gamma at each N =
// 1..5 (.gamma.N1 .. .gamma.N5; N = 1 is Theorem 1's contrast); and the
// constant d/sqrt(m) against d (.constant) and m (.constant.m); the second
// bullet's sqrt(p0 p) factor as (d/sqrt m) gamma^N / D against p0 p over a
// sweep of |S| = p m, exponent >= -1/2 (D >~ sqrt(p0 p) ... is an upper bound on
// its inverse as p -> 0): D the decrease (.p0p, as proved) or the increase
// (.p0p.as-printed); lib/mf22/corruption_sweep.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "thmcheck/engine/registry.hpp"
#include "thmcheck/engine/typed_instance.hpp"
#include "thmcheck/mf22/corruption_sweep.hpp"
#include "thmcheck/mf22/gamma_sweep.hpp"
#include "thmcheck/mf22/landscape_hypotheses.hpp"
#include "thmcheck/mf22/landscape_instance.hpp"
#include "thmcheck/mf22/loss_change_bracket.hpp"
#include "thmcheck/mf22/regression_instance.hpp"

namespace thmcheck::checks {
namespace {

using mf22::GammaSweep;
using mf22::LossChangeBracket;

// ---------------------------------------------------------------------------
// Measurements over a gamma grid, around w* (one data set per case).

/// The gamma sweep of one data set around the balanced w*: per radius of the
/// grid the certified bracket and the point (x, y) with x = gamma^N
/// (`against_gamma_n`) or gamma and y = the lower end of the largest increase
/// (`increase`) or decrease. False (sweep.outcome() failed) when a point is
/// not certified.
template <class S>
bool sweep_around_balanced(const mf22::GammaGridInstance& in, bool against_gamma_n, bool increase,
                           GammaSweep<S>& sweep) {
  using std::pow;
  const mf22::RobustRegressionData data = mf22::draw_robust_regression(in.spec());
  const mf22::ProbeCenter<S> w_star = mf22::balanced_center<S>(data.theta_star, in.layers);
  for (std::size_t g = 0; g < in.gamma_grid.size(); ++g) {
    const S gamma = in.gamma_grid[g].as<S>();
    const double gamma_d = in.gamma_grid[g].as<double>();
    const LossChangeBracket<S> n = mf22::bracket_loss_change<S>(data, w_star, gamma_d, gamma, in.seed + g);
    const S x = against_gamma_n ? S(pow(gamma, S(in.layers))) : gamma;
    if (!sweep.add(g, gamma_d, n, x, increase ? n.increase_lower : n.decrease_lower)) return false;
  }
  return true;
}

/// Theorem 4's hypotheses on a gamma-grid instance, at its largest radius.
template <class S>
std::vector<HypothesisCheck> theorem4_grid_checks(const mf22::GammaGridInstance& in, const GammaSweep<S>& sweep) {
  std::vector<HypothesisCheck> h =
      mf22::theorem4_checks(in.spec(), in.layers, in.outlier_law<S>(), in.gamma_grid.back().as<S>());
  h.push_back(mf22::support_check(sweep.worst_support()));
  return h;
}

/// mf22.thm4: y = the largest increase sup {L(w) - L(w*)} (attained), x =
/// gamma^N; mf22.thm4.as-proved (`increase` false): y = the certified lower
/// end of the largest decrease sup {L(w*) - L(w)}, x = gamma^N.
template <class S>
Outcome change_against_gamma_n(const mf22::GammaGridInstance& in, bool increase) {
  GammaSweep<S> sweep;
  if (!sweep_around_balanced(in, /*against_gamma_n=*/true, increase, sweep)) return sweep.outcome();
  Outcome o = sweep.finish(in.layers);
  o.hypotheses = theorem4_grid_checks(in, sweep);
  return o;
}

/// mf22.thm4.gamma.N<N>: y = the certified lower end of the largest decrease,
/// x = gamma, at the instance's N. At N = 1 (w* = theta*) Theorem 1's
/// hypotheses apply, else Theorem 4's.
template <class S>
Outcome decrease_against_gamma(const mf22::GammaGridInstance& in) {
  GammaSweep<S> sweep;
  if (!sweep_around_balanced(in, /*against_gamma_n=*/false, /*increase=*/false, sweep)) return sweep.outcome();
  Outcome o = sweep.finish(in.layers);
  if (in.layers == 1) {
    const mf22::OutlierLaw<S> law = in.outlier_law<S>();
    const S t0 = law.scale / 2;
    const S gamma_max = in.gamma_grid.back().as<S>();
    o.hypotheses = mf22::theorem1_over_checks(in.spec(), law);
    o.hypotheses.push_back({"gamma.le.t0", gamma_max <= t0, Evidence::kCertified,
                            fmt::format("max gamma = {} <= t0 = {}", to_decimal(gamma_max, 4), to_decimal(t0, 4))});
  } else {
    o.hypotheses = theorem4_grid_checks(in, sweep);
  }
  return o;
}

/// mf22.thm4.constant (`sweep_samples` false: d over the dimension grid) and
/// .constant.m (true: m over the samples grid, keeping the corrupted
/// fraction): a fresh data set per grid point (`sizes`), y = the certified
/// lower end of the largest decrease / gamma^N, x = d/sqrt(m).
template <class S>
Outcome constant_against_d_over_sqrt_m(const mf22::RegressionData& in, const Real& gamma_text,
                                       const std::vector<int>& sizes, bool sweep_samples) {
  using std::pow;
  using std::sqrt;
  mf22::RobustRegressionSpec spec = in.spec();
  const int layers = in.layers;
  const mf22::OutlierLaw<S> law = in.outlier_law<S>();
  Outcome o;
  std::string series;
  const std::uint64_t seed = spec.seed;
  double worst_support = 0;
  const S gamma = gamma_text.as<S>();
  const double gamma_d = gamma_text.as<double>();
  const double fraction = static_cast<double>(spec.corrupted) / spec.samples;
  for (std::size_t g = 0; g < sizes.size(); ++g) {
    if (sweep_samples) {
      spec.samples = sizes[g];
      spec.corrupted = std::max(1, static_cast<int>(std::lround(fraction * spec.samples)));
    } else {
      spec.dimension = sizes[g];
    }
    spec.seed = seed + 104729 * g;
    const mf22::RobustRegressionData data = mf22::draw_robust_regression(spec);
    const LossChangeBracket<S> n = mf22::bracket_loss_change<S>(
        data, mf22::balanced_center<S>(data.theta_star, layers), gamma_d, gamma, seed);
    const S x = S(spec.dimension) / sqrt(S(spec.samples));
    const S y = n.decrease_lower / pow(gamma, S(layers));
    if (!(n.decrease_lower > n.rounding)) {
      o.ok = false;
      o.message = fmt::format("no certified decrease at d = {}, m = {} (decrease {} vs rounding {})",
                              spec.dimension, spec.samples, to_decimal(n.decrease_lower, 3), to_decimal(n.rounding, 3));
      return o;
    }
    worst_support = std::min(worst_support, n.support_derivative);
    o.points.emplace_back(widen(x), widen(y));
    series += fmt::format("{}{}={}: D/gamma^N in [{}, {}]", g ? "; " : "", sweep_samples ? "m" : "d",
                          sweep_samples ? spec.samples : spec.dimension, to_decimal(y, 4),
                          to_decimal(S(n.decrease_upper / pow(gamma, S(layers))), 4));
  }
  // The hypotheses are those of the last grid point.
  o.hypotheses = mf22::theorem4_checks(spec, layers, law, gamma);
  o.hypotheses.push_back(mf22::support_check(worst_support));
  o.details = {{"series", series}, {"N", std::to_string(layers)}};
  return o;
}

// ---------------------------------------------------------------------------
// The claims.

const char* const kBullet1 =
    "With probability at least 1 - e^{-Omega(k)}, inf_{w : ||w - w*||_inf <= gamma} {L(w*) - "
    "L(w)} >~ -(d/sqrt(m)) gamma^N.";
const char* const kBullet2 =
    "With probability at least 1/16, inf_{w : ||w - w*||_inf <= gamma} {L(w*) - L(w)} <~ "
    "-sqrt(p0 p) (d/sqrt(m)) gamma^N.";
const char* const kHead =
    "Theorem 4: suppose k log(d)/(1-2p)^2 <~ m <= 0.1 d and p < 1/2, w* = (theta*^{1/N}, ..., "
    "theta*^{1/N}); for any N >= 2 and gamma <= t0/sqrt(d) ^ 1: ";

/// What every Theorem 4 claim shares.
Claim theorem4_claim_common() {
  Claim c;
  c.paper = "mf22";
  c.kind = ClaimKind::kScaling;
  c.hypotheses = mf22::theorem4_hypotheses();
  c.error_is_rounding = false;
  c.default_cases = 20;
  c.generator_info = mf22::landscape_gamma_generator_info();
  c.predicted_exponent = 1;
  c.exponent_tolerance = 0.1;
  return c;
}

Claim thm4() {
  Claim c = theorem4_claim_common();
  c.id = "mf22.thm4";
  c.source = "Theorem 4, first bullet, as printed";
  c.summary = "as printed: -inf {L(w*) - L(w)} = the largest loss INCREASE in the gamma-ball is O((d/sqrt m) gamma^N)";
  c.statement = std::string(kHead) + kBullet1;
  c.measurement = "y = the largest increase sup {L(w) - L(w*)} = -inf {L(w*) - L(w)} found (a lower "
                  "bound), x = gamma^N; predicted exponent 1. " + mf22::loss_change_bracket_measurement();
  c.notes = "As printed, inf{L(w*) - L(w)} >~ -C gamma^N bounds the largest INCREASE; the proof "
            "(eq. (32)) writes L(w*+Dw) - L(w*) under the label L(w*) - L(w*+Dw), i.e. it bounds "
            "the largest DECREASE: see mf22.thm4.as-proved.";
  c.x_label = "gamma^N";
  c.y_label = "largest increase";
  set_instances<mf22::GammaGridInstance>(
      c, mf22::landscape_gamma_instances(-1),
      []<class S>(const mf22::GammaGridInstance& in) { return change_against_gamma_n<S>(in, /*increase=*/true); });
  return c;
}

Claim thm4_as_proved() {
  Claim c = theorem4_claim_common();
  c.id = "mf22.thm4.as-proved";
  c.source = "Theorem 4 as proved in Appendix C.2, eq. (32)-(48)";
  c.summary = "the largest loss DECREASE in the gamma-ball around w* scales like gamma^N (N = 2..5)";
  c.statement = std::string(kHead) + "the largest decrease sup_{||w - w*||_inf <= gamma} {L(w*) - L(w)} is "
                "<~ (d/sqrt(m)) gamma^N (w.p. 1 - e^{-Omega(k)}) and >~ sqrt(p0 p)(d/sqrt(m)) "
                "gamma^N (w.p. >= 1/16) -- the sign convention of the proof's (32).";
  c.measurement = "y = certified lower end of the largest decrease, x = gamma^N (pooled over N = "
                  "2..5); predicted exponent 1. " + mf22::loss_change_bracket_measurement();
  c.x_label = "gamma^N";
  c.y_label = "largest decrease";
  set_instances<mf22::GammaGridInstance>(
      c, mf22::landscape_gamma_instances(-1),
      []<class S>(const mf22::GammaGridInstance& in) { return change_against_gamma_n<S>(in, /*increase=*/false); });
  return c;
}

/// mf22.thm4.gamma.N<layers>: the decrease against gamma at fixed N (N = 1 is
/// Theorem 1's contrast: exponent 1, no flattening).
Claim thm4_gamma(const char* id, int layers) {
  Claim c = theorem4_claim_common();
  c.id = id;
  const std::string n = std::to_string(layers);
  c.source = layers == 1 ? "Theorem 1 (N = 1, the contrast to Theorem 4)" : "Theorem 4 as proved, N = " + n;
  c.summary = "largest decrease in the gamma-ball ~ gamma^" + n + " (N = " + n + ")";
  c.statement = layers == 1 ? "Theorem 1 (N = 1): the decrease within the gamma-ball is of order p0 p gamma."
                            : kHead + std::string("(as proved) largest decrease ~ (d/sqrt(m)) gamma^N with N = ") + n + ".";
  c.measurement = "y = certified lower end of the largest decrease, x = gamma at fixed N = " + n +
                  "; predicted exponent N. " + mf22::loss_change_bracket_measurement();
  c.predicted_exponent = layers;
  if (layers == 1) c.hypotheses = mf22::theorem1_over_hypotheses();
  c.x_label = "gamma";
  c.y_label = "largest decrease";
  set_instances<mf22::GammaGridInstance>(
      c, mf22::landscape_gamma_instances(layers),
      []<class S>(const mf22::GammaGridInstance& in) { return decrease_against_gamma<S>(in); });
  return c;
}

Claim thm4_constant() {
  Claim c = theorem4_claim_common();
  c.id = "mf22.thm4.constant";
  c.source = "Theorem 4 (both bullets): the constant d/sqrt(m)";
  c.summary = "largest decrease / gamma^N scales like d/sqrt(m) (d sweep at m = 20)";
  c.statement = std::string(kHead) + kBullet1 + " " + kBullet2 + " (as proved: for the largest decrease)";
  c.measurement = "y = largest decrease / gamma^N (certified lower end), x = d/sqrt(m) with m = 20 "
                  "and d in {200, 400, 800, 1600}, gamma = 0.05; predicted exponent 1. " +
                  mf22::loss_change_bracket_measurement();
  c.generator_info = mf22::landscape_dimension_generator_info();
  c.x_label = "d/sqrt(m)";
  c.y_label = "largest decrease / gamma^N";
  c.default_cases = 10;
  c.slow = true;
  set_instances<mf22::ConstantDimensionInstance>(
      c, mf22::landscape_dimension_instances(), []<class S>(const mf22::ConstantDimensionInstance& in) {
        return constant_against_d_over_sqrt_m<S>(in, in.gamma, in.dimension_grid, /*sweep_samples=*/false);
      });
  return c;
}

Claim thm4_constant_m() {
  Claim c = theorem4_claim_common();
  c.id = "mf22.thm4.constant.m";
  c.source = "Theorem 4 (both bullets): the constant d/sqrt(m), m dependence";
  c.summary = "largest decrease / gamma^N scales like d/sqrt(m) (m sweep at d = 800)";
  c.statement = std::string(kHead) + kBullet1 + " " + kBullet2 + " (as proved: for the largest decrease)";
  c.measurement = "y = largest decrease / gamma^N (certified lower end), x = d/sqrt(m) with d = 800 "
                  "and m in {10, 20, 40, 80} (corrupted fraction kept), gamma = 0.05; predicted "
                  "exponent 1, i.e. the constant falls like m^{-1/2}. " + mf22::loss_change_bracket_measurement();
  c.generator_info = mf22::landscape_samples_generator_info();
  c.x_label = "d/sqrt(m)";
  c.y_label = "largest decrease / gamma^N";
  c.default_cases = 10;
  c.slow = true;
  set_instances<mf22::ConstantSamplesInstance>(
      c, mf22::landscape_samples_instances(), []<class S>(const mf22::ConstantSamplesInstance& in) {
        return constant_against_d_over_sqrt_m<S>(in, in.gamma, in.samples_grid, /*sweep_samples=*/true);
      });
  return c;
}

/// What mf22.thm4.p0p and .p0p.as-printed share: the second bullet's sqrt(p0 p) factor.
Claim thm4_p0p_common() {
  Claim c = theorem4_claim_common();
  c.summary = "second bullet: the loss change in the gamma-ball falls no faster than sqrt(p0 p) as p -> 0";
  c.statement = std::string(kHead) + kBullet2;
  c.generator_info = mf22::corruption_sweep_generator_info();
  c.default_cases = 10;
  c.predicted_exponent = -0.5;
  c.exponent_at_least = true;
  c.exponent_tolerance = 0.1;
  c.x_label = "p0 p";
  c.y_label = "(d/√m) γ^N / loss change";
  c.notes = "The bullet is a lower bound D >~ sqrt(p0 p) (d/sqrt m) gamma^N, i.e. y = (d/sqrt m) gamma^N / D "
            "<~ (p0 p)^{-1/2} as p0 p -> 0: a one-sided slope >= -1/2 - 0.1 of y against p0 p (D falling like "
            "p would give -1 and fail). p runs over 0.05..0.4 at d = 400, m = 40 on one data set per case (the "
            "same seed at every |S|), so p0 p only varies by 8x within a case; p0 varies across cases with the "
            "law (pooled fit). 'With probability >= 1/16' is not used: every draw is asked to obey the slope, "
            "which is stronger than printed, so a failure would have to be checked against the upper 1/16 "
            "tail of draws before counting as a counterexample. D is the attained (certified lower) end of the "
            "bracket: an underestimate of the sup raises y, against the claim. The constant hidden in <~ is "
            "not given, so only the slope is judged.";
  return c;
}

/// As proved (eq. (32)'s sign): D = the largest decrease sup {L(w*) - L(w)}.
Claim thm4_p0p() {
  Claim c = thm4_p0p_common();
  c.id = "mf22.thm4.p0p";
  c.slow = true;  // its 100-case registry test (GeneratedCasesEvaluateWithoutSolverError) takes 35-120 s
  c.source = "Theorem 4, second bullet, the sqrt(p0 p) factor, as proved (Appendix C.2, largest decrease)";
  c.measurement = "y = (d/sqrt m) gamma^N / (certified lower end of the largest decrease), x = p0 p with p0 = "
                  "P(|zeta| >= t0), t0 = scale/2 (closed form) and p = |S|/m over |S| in {2, 4, 8, 16}; "
                  "predicted exponent >= -1/2. " + mf22::loss_change_bracket_measurement();
  set_instances<mf22::CorruptionSweepInstance>(
      c, mf22::corruption_sweep_instances(), []<class S>(const mf22::CorruptionSweepInstance& in) {
        return mf22::corruption_sweep_outcome<S>(in, /*increase=*/false);
      });
  return c;
}

/// As printed: inf {L(w*) - L(w)} <~ -sqrt(p0 p) ... bounds the largest INCREASE from below.
Claim thm4_p0p_as_printed() {
  Claim c = thm4_p0p_common();
  c.id = "mf22.thm4.p0p.as-printed";
  c.slow = true;  // its 100-case registry test (GeneratedCasesEvaluateWithoutSolverError) takes 35-120 s
  c.source = "Theorem 4, second bullet, the sqrt(p0 p) factor, as printed (inf {L(w*) - L(w)} = minus the largest "
             "increase)";
  c.measurement = "y = (d/sqrt m) gamma^N / (the largest increase sup {L(w) - L(w*)} found, attained), x = p0 p "
                  "as in mf22.thm4.p0p; predicted exponent >= -1/2. " + mf22::loss_change_bracket_measurement();
  c.notes += " As printed the bullet bounds the largest increase, which is first order in gamma (the products "
             "move by ~gamma theta*^{(N-1)/N}) and hardly depends on p, so this sibling is expected to hold "
             "easily; mf22.thm4 shows the first bullet failing for the same reason.";
  set_instances<mf22::CorruptionSweepInstance>(
      c, mf22::corruption_sweep_instances(), []<class S>(const mf22::CorruptionSweepInstance& in) {
        return mf22::corruption_sweep_outcome<S>(in, /*increase=*/true);
      });
  return c;
}

}  // namespace

THMCHECK_REGISTER(mf22_thm4) {
  registry.add(thm4());
  registry.add(thm4_as_proved());
  registry.add(thm4_gamma("mf22.thm4.gamma.N1", 1));
  registry.add(thm4_gamma("mf22.thm4.gamma.N2", 2));
  registry.add(thm4_gamma("mf22.thm4.gamma.N3", 3));
  registry.add(thm4_gamma("mf22.thm4.gamma.N4", 4));
  registry.add(thm4_gamma("mf22.thm4.gamma.N5", 5));
  registry.add(thm4_constant());
  registry.add(thm4_constant_m());
  registry.add(thm4_p0p());
  registry.add(thm4_p0p_as_printed());
}

}  // namespace thmcheck::checks
