#include "thmcheck/mf22/corruption_sweep.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "thmcheck/mf22/landscape_hypotheses.hpp"
#include "thmcheck/mf22/loss_change_bracket.hpp"
#include "thmcheck/mf22/outlier_law_instance.hpp"

namespace thmcheck::mf22 {
namespace {

struct CorruptionParams {
  int sparsity;
  int law;
  int layers;
  std::uint64_t seed;
};

}  // namespace

void CorruptionSweepInstance::check() const {
  check_data();
  if (!(gamma.as<double>() > 0)) throw InputError("field 'gamma': must be positive");
  if (corrupted_grid.empty()) throw InputError("field 'corrupted_grid': must not be empty");
  for (int c : corrupted_grid) {
    if (c < 1 || 2 * c >= samples)
      throw InputError(fmt::format("field 'corrupted_grid': entries must be in [1, m/2), got {}", c));
  }
}

rc::Gen<CorruptionSweepInstance> corruption_sweep_instances() {
  const auto params = rc::gen::build<CorruptionParams>(
      rc::gen::set(&CorruptionParams::sparsity, rc::gen::inRange(1, kCorruptionSparsityMax + 1)),
      rc::gen::set(&CorruptionParams::law, rc::gen::inRange(0, static_cast<int>(generated_laws().size()))),
      rc::gen::set(&CorruptionParams::layers, rc::gen::inRange(2, 6)),
      rc::gen::set(&CorruptionParams::seed, rc::gen::arbitrary<std::uint64_t>()));
  return rc::gen::map(params, [](const CorruptionParams& q) {
    CorruptionSweepInstance in;
    in.dimension = kCorruptionDimension;
    in.samples = kCorruptionSamples;
    in.sparsity = q.sparsity;
    in.corrupted = kCorruptionGrid.front();
    in.theta_min = Real::parse("1");
    in.theta_max = Real::parse("2");
    static_cast<OutlierLawFields&>(in) = generated_law(q.law, fmt::format("{:g}", kCorruptionOutlierScale));
    in.layers = q.layers;
    in.seed = q.seed;
    in.gamma = Real::parse(kCorruptionGamma);
    in.corrupted_grid.assign(kCorruptionGrid.begin(), kCorruptionGrid.end());
    return in;
  });
}

std::string corruption_sweep_generator_info() {
  return fmt::format("d = {}, m = {} (<= 0.1 d), k in [1, {}], N in [2, 5], five outlier laws of scale {:g} (t0 = "
                     "{:g}), theta* entries in [1, 2], gamma = {}, |S| in {{{}}} (p = |S|/m).",
                     kCorruptionDimension, kCorruptionSamples, kCorruptionSparsityMax, kCorruptionOutlierScale,
                     kCorruptionOutlierScale / 2, kCorruptionGamma, fmt::join(kCorruptionGrid, ", "));
}

template <class S>
Outcome corruption_sweep_outcome(const CorruptionSweepInstance& in, bool increase) {
  using std::pow;
  using std::sqrt;
  RobustRegressionSpec spec = in.spec();
  const int layers = in.layers;
  const OutlierLaw<S> law = in.outlier_law<S>();
  const S p0 = law.tail_probability(S(law.scale / 2));  // Assumption 1 at t0 = scale/2
  const S gamma = in.gamma.as<S>();
  const double gamma_d = in.gamma.as<double>();
  const S scale = S(spec.dimension) / sqrt(S(spec.samples)) * S(pow(gamma, S(layers)));  // (d/sqrt m) gamma^N
  Outcome o;
  std::string series;
  double worst_support = 0;
  std::vector<HypothesisCheck> hypotheses;
  for (std::size_t g = 0; g < in.corrupted_grid.size(); ++g) {
    spec.corrupted = in.corrupted_grid[g];
    const RobustRegressionData data = draw_robust_regression(spec);
    const LossChangeBracket<S> n =
        bracket_loss_change<S>(data, balanced_center<S>(data.theta_star, layers), gamma_d, gamma, spec.seed + g);
    const S change = increase ? n.increase_lower : n.decrease_lower;
    if (!(change > n.rounding)) {
      o.ok = false;
      o.message = fmt::format("no certified {} at |S| = {} ({} vs rounding {})", increase ? "increase" : "decrease",
                              spec.corrupted, to_decimal(change, 3), to_decimal(n.rounding, 3));
      return o;
    }
    worst_support = std::min(worst_support, n.support_derivative);
    const S p = S(spec.corrupted) / S(spec.samples);
    o.points.emplace_back(widen(S(p0 * p)), widen(S(scale / change)));
    series += fmt::format("{}|S|={} (p = {:g}): {} / ((d/sqrt m) gamma^N) = {}", g ? "; " : "", spec.corrupted,
                          static_cast<double>(spec.corrupted) / spec.samples, increase ? "increase" : "decrease",
                          to_decimal(S(change / scale), 4));
    // Theorem 4's hypotheses at every grid point (p < 1/2, m >~ k log d/(1-2p)^2, ...): a case is inside
    // only if every point is.
    for (HypothesisCheck& h : theorem4_checks(spec, layers, law, gamma)) {
      auto same = std::find_if(hypotheses.begin(), hypotheses.end(),
                               [&](const HypothesisCheck& x) { return x.name == h.name; });
      if (same == hypotheses.end()) {
        hypotheses.push_back(h);
      } else if (!h.holds) {
        *same = h;
      }
    }
  }
  hypotheses.push_back(support_check(worst_support));
  o.hypotheses = hypotheses;
  o.details = {{"series", series}, {"N", std::to_string(layers)}, {"p0 = P(|zeta| >= t0)", to_decimal(p0, 4)}};
  return o;
}

template Outcome corruption_sweep_outcome<double>(const CorruptionSweepInstance&, bool);
template Outcome corruption_sweep_outcome<Mp50>(const CorruptionSweepInstance&, bool);
template Outcome corruption_sweep_outcome<Mp100>(const CorruptionSweepInstance&, bool);

}  // namespace thmcheck::mf22
