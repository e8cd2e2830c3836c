#include "thmcheck/mf22/one_step_instance.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "thmcheck/generators/random_data.hpp"
#include "thmcheck/mf22/subgm_trajectory.hpp"

namespace thmcheck::mf22 {

void OneStepInstance::check() const {
  check_convergence_data();
  if (layers != 2) throw InputError("field 'layers': Lemmas 1-3 are about the depth-2 network, N must be 2");
  if (!(step.as<double>() > 0)) throw InputError("field 'step': must be positive");
  const double a = alpha.as<double>();
  if (!(a > 0 && a < 1)) throw InputError("field 'alpha': must be in (0, 1)");
  const double s = init_spread.as<double>();
  if (!(s >= 0 && s < 1)) throw InputError("field 'init_spread': must be in [0, 1)");
  check_range("iterations", iterations, 1, 200000);
}

namespace {

struct OneStepParams {
  int dimension_index, ratio_index, sparsity, percent, law, step_index, alpha_index, spread_index;
  std::uint64_t seed;
};

OneStepInstance one_step_instance(const OneStepParams& q) {
  OneStepInstance in;
  in.dimension = kOneStepDimensions[static_cast<size_t>(q.dimension_index)];
  in.samples = std::min(kOneStepSamplesMax, in.dimension * kOneStepRatios[static_cast<size_t>(q.ratio_index)]);
  in.sparsity = std::min(q.sparsity, in.dimension - 1);
  in.corrupted = in.samples * q.percent / 100;
  in.theta_min = Real::parse("1");
  in.theta_max = Real::parse("2");
  static_cast<OutlierLawFields&>(in) = generated_law(q.law, fmt::format("{:g}", kConvergenceOutlierScale));
  in.layers = 2;
  in.perturb_init = 1;
  in.seed = q.seed;
  in.step = Real::parse(kOneStepSteps[static_cast<size_t>(q.step_index)]);
  in.alpha = Real::parse(kOneStepAlphas[static_cast<size_t>(q.alpha_index)]);
  in.init_spread = Real::parse(kOneStepSpreads[static_cast<size_t>(q.spread_index)]);
  // Three times Theorem 2's upper end (k^{3/2}/eta) log(1/alpha) for T-bar,
  // plus 500: the scan stops earlier, at the first ||z|| < eta ||theta*||.
  const double eta = in.step.as<double>(), a = in.alpha.as<double>();
  in.iterations = static_cast<int>(3 * std::pow(in.sparsity, 1.5) * std::log(1 / a) / eta) + 500;
  return in;
}

}  // namespace

rc::Gen<OneStepInstance> one_step_instances() {
  const auto index = [](size_t n) { return rc::gen::inRange(0, static_cast<int>(n)); };
  return rc::gen::map(
      rc::gen::build<OneStepParams>(
          rc::gen::set(&OneStepParams::dimension_index, index(kOneStepDimensions.size())),
          rc::gen::set(&OneStepParams::ratio_index, index(kOneStepRatios.size())),
          rc::gen::set(&OneStepParams::sparsity, rc::gen::inRange(1, 4)),
          rc::gen::set(&OneStepParams::percent, rc::gen::inRange(0, kOneStepPercentMax + 1)),
          rc::gen::set(&OneStepParams::law, index(generated_laws().size())),
          rc::gen::set(&OneStepParams::step_index, index(kOneStepSteps.size())),
          rc::gen::set(&OneStepParams::alpha_index, index(kOneStepAlphas.size())),
          rc::gen::set(&OneStepParams::spread_index, index(kOneStepSpreads.size())),
          rc::gen::set(&OneStepParams::seed, rc::gen::arbitrary<std::uint64_t>())),
      one_step_instance);
}

rc::Gen<OneStepInstance> one_step_instances_with_overshoot_corner() {
  auto corner = rc::gen::map(
      rc::gen::build<OneStepParams>(
          rc::gen::set(&OneStepParams::dimension_index, rc::gen::just(2)),
          rc::gen::set(&OneStepParams::ratio_index, rc::gen::just(0)),
          rc::gen::set(&OneStepParams::sparsity, rc::gen::just(1)),
          rc::gen::set(&OneStepParams::percent, rc::gen::inRange(0, kOneStepPercentMax + 1)),
          rc::gen::set(&OneStepParams::law, rc::gen::inRange(0, static_cast<int>(generated_laws().size()))),
          rc::gen::set(&OneStepParams::step_index, rc::gen::just(0)),
          rc::gen::set(&OneStepParams::alpha_index, rc::gen::just(0)),
          rc::gen::set(&OneStepParams::spread_index, rc::gen::inRange(0, 2)),
          rc::gen::set(&OneStepParams::seed, rc::gen::arbitrary<std::uint64_t>())),
      one_step_instance);
  return rc::gen::oneOf(one_step_instances(), std::move(corner));
}

std::string one_step_generator_info() {
  return fmt::format(
      "N = 2; d in {{{}}}, m = d x {{{}}} capped at {}, k in [1, 3], theta*_i in [1, 2] on the support, p in "
      "[0, {:g}], five outlier laws of scale {:g}; eta in {{{}}}, alpha in {{{}}}; w_j = alpha^(1/2) (1 + s "
      "U[-1, 1]) per entry, s in {{{}}}; iterations 3 k^(3/2) log(1/alpha)/eta + 500, the scan stopping at the first "
      "||z|| < eta ||theta*||. Every step is screened in double; the {} of largest required/delta and the one "
      "nearest ||z|| = eta ||theta*|| are judged at the working precision.",
      fmt::join(kOneStepDimensions, ", "), fmt::join(kOneStepRatios, ", "), kOneStepSamplesMax,
      kOneStepPercentMax / 100.0, kConvergenceOutlierScale, fmt::join(kOneStepSteps, ", "),
      fmt::join(kOneStepAlphas, ", "), fmt::join(kOneStepSpreads, ", "), kOneStepKeep);
}

std::vector<HypothesisSpec> one_step_hypotheses(OneStepDelta variant, bool printed_ge) {
  std::vector<HypothesisSpec> h = assumption1_hypotheses();
  switch (variant) {
    case OneStepDelta::kMainText:
      h.push_back({"eq5", "(5) holds for z = theta* - u(t) (.) v(t): ||q - psi(z) z/||z|| ||_inf <= delta (main "
                          "text), psi = sqrt(2/pi)(1 - p + p E[exp(-eps^2/(2||z||))])"});
      break;
    case OneStepDelta::kFullText:
      h.push_back({"eq5", "(5) holds for z = theta* - u(t) (.) v(t): ||q - psi(z) z/||z|| || <= delta (full "
                          "version), psi = sqrt(2/pi)(1 - p + p E[exp(-eps^2/(2||z||))])"});
      break;
    case OneStepDelta::kAsProved:
      h.push_back({"eq49", "(49)-(50): q_i = (theta*_i - u_i v_i)/||u (.) v - theta*|| + delta_i with |delta_i| <= "
                           "delta for every i (Appendix D's reading of Proposition 1)"});
      break;
  }
  h.push_back({"z.large", printed_ge ? "||theta* - u(t) (.) v(t)|| >= eta ||theta*||"
                                     : "||theta* - u(t) (.) v(t)|| >~ eta ||theta*|| (read with constant 1)"});
  return h;
}

std::string one_step_measurement(OneStepLemma lemma) {
  const std::string common =
      "SubGM (true sub-gradient, constant step) in double from the perturbed small initialization; every step is "
      "screened and the critical ones are recomputed at the working precision from the double state (u(t), v(t)): "
      "the step u' = u + eta q (.) v, v' = v + eta q (.) u, q = Q(z). Measured: ";
  switch (lemma) {
    case OneStepLemma::kSignal:
      return common + "max over i in supp(theta*) of the delta (7) needs, sgn(u_i v_i)(zhat_i - (u'_i v'_i - u_i v_i)/"
                      "(2 eta u_i v_i)), zhat = z/||z||; bound: the hypothesis' delta at z.";
    case OneStepLemma::kResidual:
      return common + "max over i off supp(theta*) of ((u'_i^2 + v'_i^2)/(u_i^2 + v_i^2) - 1)/(3 eta); bound: the "
                      "hypothesis' delta at z.";
    case OneStepLemma::kDifference:
      return common + "max over i with u_i != v_i of |((u'_i - v'_i)/(u_i - v_i) - 1)/eta + zhat_i| (the |delta_i| "
                      "(9) needs); bound: the hypothesis' delta at z.";
    case OneStepLemma::kDifferenceUsed:
      return common + "max over i in supp(theta*) with theta*_i >= u_i v_i, u_i != v_i, of (|u'_i - v'_i|/|u_i - "
                      "v_i| - 1)/eta; bound: the proof's delta (49) at z.";
  }
  return common;
}

template <class S>
Outcome one_step_outcome(const OneStepInstance& in, OneStepLemma lemma, OneStepDelta variant) {
  Outcome o;
  const RobustRegressionData data = draw_robust_regression(in.spec());
  // The initialization stream and entry order of lib/mf22/convergence_sweeps
  // (convergence_initialization), with the spread s in place of its 0.2.
  RandomSource rng(in.seed ^ 0xabcdefULL);
  Matrix<double> w0 = convergence_initialization(in.dimension, 2, in.alpha.as<double>(), /*perturb=*/false, rng);
  const double spread = in.init_spread.as<double>();
  if (in.perturb_init == 1)
    for (Eigen::Index a = 0; a < w0.rows(); ++a)
      for (Eigen::Index b = 0; b < w0.cols(); ++b) w0(a, b) *= 1 + spread * (2 * rng.uniform() - 1);
  const StepProblem<double> pd = step_problem<double>(data, in.outlier_law<double>());
  const OneStepScan scan = scan_steps(pd, w0.col(0), w0.col(1), in.step.as<double>(), in.iterations, lemma, variant,
                                      kOneStepKeep);
  if (!scan.failure.empty()) {
    o.ok = false;
    o.message = scan.failure;
    return o;
  }
  const StepProblem<S> ps = step_problem<S>(data, in.outlier_law<S>());
  const S eta = in.step.as<S>();
  OneStepReading<S> worst;
  size_t worst_index = 0;
  bool have = false, worst_inside = false;
  for (size_t j = 0; j < scan.steps.size(); ++j) {
    OneStepReading<S> r =
        read_one_step<S>(ps, scan.u[j].cast<S>(), scan.v[j].cast<S>(), eta, lemma, variant);
    if (!r.message.empty()) continue;
    const bool inside = r.boundary >= 1;
    const S margin = r.delta - r.required;
    // An in-hypothesis step beats any outside one; then the smallest margin.
    if (!have || (inside && !worst_inside) || (inside == worst_inside && margin < worst.delta - worst.required)) {
      worst = std::move(r);
      worst_index = j;
      worst_inside = inside;
      have = true;
    }
  }
  if (!have) {
    o.ok = false;
    o.message = "every picked step has z = theta* - u (.) v = 0";
    return o;
  }
  o.measured = widen(worst.required);
  o.bound = widen(worst.delta);
  o.error = widen(worst.error);
  o.hypotheses = assumption1_checks(in.outlier_law<S>());
  const double delta = scalar_cast<double>(worst.delta);
  o.hypotheses.push_back(
      {variant == OneStepDelta::kAsProved ? "eq49" : "eq5", true, Evidence::kCertified,
       fmt::format("delta := {:.6g} ({}), the smallest delta for which it holds at this z (computed from q in Q(z))",
                   delta, to_string(variant))});
  const double boundary = scalar_cast<double>(worst.boundary);
  o.hypotheses.push_back({"z.large", worst_inside, Evidence::kCertified,
                          fmt::format("||z|| / (eta ||theta*||) = {:.6g}", boundary)});
  const long t = scan.steps[worst_index];
  o.details = {{"iteration t", fmt::format("{}", t)},
               {"coordinate i", fmt::format("{}", worst.coordinate)},
               {"coordinates constrained", fmt::format("{}", worst.constrained)},
               {"||z||", fmt::format("{:.6g}", scalar_cast<double>(worst.z_norm))},
               {"steps scanned / in hypothesis", fmt::format("{} / {}", scan.scanned, scan.in_hypothesis)},
               {"max required/delta in double screening", fmt::format("{:.6g}", scan.worst_ratio)}};
  if (worst.coordinate >= 0) {
    const auto i = static_cast<Eigen::Index>(worst.coordinate);
    o.details.push_back({"u_i, v_i, theta*_i", fmt::format("{:.6g}, {:.6g}, {:g}", scan.u[worst_index](i),
                                                           scan.v[worst_index](i), data.theta_star(i))});
  } else {
    o.measured = widen(S(-1));
    o.details.push_back({"note", "no coordinate is constrained at this step: the conclusion holds vacuously"});
  }
  return o;
}

Claim one_step_claim(const OneStepText& text, OneStepLemma lemma, OneStepDelta variant, bool printed_ge) {
  Claim c;
  c.id = text.id;
  c.paper = "mf22";
  c.source = text.source;
  c.summary = text.summary;
  c.statement = text.statement;
  c.notes = text.notes;
  c.kind = ClaimKind::kExplicit;
  c.hypotheses = one_step_hypotheses(variant, printed_ge);
  c.measurement = one_step_measurement(lemma);
  c.generator_info = one_step_generator_info();
  c.proof_note = "the judged state is the endpoint of a double SubGM run; the step from it is recomputed at 50 and "
                 "100 digits, but Q(z)'s sign pattern is not enclosed by interval arithmetic";
  c.default_cases = text.default_cases;
  if (text.overshoot_corner) {
    c.generator_info += " Half the cases: the overshoot corner d = 20, m = 200, k = 1, eta = 0.02, alpha = 1e-2, "
                        "s in {0.2, 0.5}.";
  }
  set_instances<OneStepInstance>(c, text.overshoot_corner ? one_step_instances_with_overshoot_corner()
                                                          : one_step_instances(), [lemma, variant]<class S>(const OneStepInstance& in) {
    return one_step_outcome<S>(in, lemma, variant);
  });
  return c;
}

template Outcome one_step_outcome<double>(const OneStepInstance&, OneStepLemma, OneStepDelta);
template Outcome one_step_outcome<Mp50>(const OneStepInstance&, OneStepLemma, OneStepDelta);
template Outcome one_step_outcome<Mp100>(const OneStepInstance&, OneStepLemma, OneStepDelta);

}  // namespace thmcheck::mf22
