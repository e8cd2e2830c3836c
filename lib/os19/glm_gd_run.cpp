#include "thmcheck/os19/glm_gd_run.hpp"

#include <algorithm>
#include <string>


namespace thmcheck::os19 {

template <class S>
GdIterate<S> GlmGdRun<S>::at(long k) const {
  const Trajectory<S>& t = trajectory;
  GdIterate<S> it{t.residual[k], t.residual_error[k], t.distance[k], t.distance_error[k],
                  t.path[k],     t.path_error[k]};
  if (!t.to_reference.empty()) {
    it.to_optimum = t.to_reference[k];
    it.optimum_error = t.reference_error[k];
  }
  return it;
}

template <class S>
std::function<S(long, const S&, const S&)> GlmGdRun<S>::constants_error(const S& q_claim,
                                                                        const S& normaliser) const {
  const S denominator = normaliser * std::max(r0, S(1e-300));
  return constants_rounding_error(crel, c.alpha, c.beta, r0, denominator, q_claim, trajectory);
}

template <class S>
GlmGdRun<S> run_glm_gd(const GlmGdInstance& in, GdStepRule<S> rule, bool needs_optimum) {
  const GlmGdProblem<S> g(in);
  GlmGdRun<S> run;
  run.n = g.n;
  run.p = g.p;
  run.phi = g.phi;
  run.matrix = g.matrix;
  run.u = g.u;
  run.r0 = g.r0;
  const MatrixBounds<S>& mb = g.matrix;
  const S& u = g.u;
  run.c = rule(g, in);
  const GdConstants<S>& c = run.c;
  if (!(c.alpha > 0) || !(c.limit > 0)) {
    Outcome o;
    o.ok = false;
    o.message = "alpha = 0 or a zero step limit: the theorem allows no run on this instance";
    o.hypotheses = c.hypotheses;
    run.failure = o;
    return run;
  }
  StepChoice<S> step = choose_step(in.eta, in.eta_fraction, c.limit, mb);
  run.eta = step.eta;
  step.hypothesis.detail = "eta = " + to_decimal(run.eta, 8) + ", limit = " + to_decimal(c.limit, 8);
  run.c.hypotheses.push_back(step.hypothesis);

  if (needs_optimum) {
    run.star = closest_glm_optimum(g.x, g.y, g.phi, g.theta0);
    if (!run.star.ok()) {
      Outcome o;
      o.ok = false;
      o.message = "closest optimum: " + run.star.message;
      o.hypotheses = run.c.hypotheses;
      run.failure = o;
      return run;
    }
  }
  TrajectoryOptions<S> topt;
  topt.step = run.eta;
  topt.iterations = g.iterations;
  topt.beta = g.bounds.beta;
  topt.jacobian_frobenius = g.phi.big_gamma() * mb.frobenius;
  topt.lipschitz = g.bounds.lipschitz;
  topt.flops_length = g.n + g.p;
  run.trajectory = record_gradient_descent<S>(g.model, g.theta0, topt,
                                              run.star.ok() ? run.star.theta_star : Vector<S>());
  const Trajectory<S>& t = run.trajectory;
  if (!t.ok()) {
    Outcome o;
    o.ok = false;
    o.message = "gradient descent: " + t.message;
    o.hypotheses = run.c.hypotheses;
    run.failure = o;
    return run;
  }
  // Error of ||theta* - theta0||: theta* - theta0 lies in the row space, so a
  // residual e in X theta* = phi^{-1}(y) moves it by at most e / sigma_min(X).
  run.dstar = run.star.distance;
  run.dstar_err = run.star.ok() ? S(run.star.residual_bound / mb.sigma_min_lower +
                                    8 * u * S(static_cast<double>(g.p)) * run.dstar)
                                : S(0);
  run.dr0 = t.residual_error[0];
  run.T = static_cast<long>(t.residual.size()) - 1;
  run.zeta = (c.lambda - run.eta * c.beta * c.beta / 2) * c.alpha;
  // Constants computed at this precision differ from the exact ones by their
  // enclosure width (relative crel); see constants_rounding_error.
  run.crel = 8 * mb.shift / mb.sigma_min_lower + 64 * u;
  return run;
}

template <class S>
Outcome glm_gd_outcome(const GlmGdRun<S>& run, const Worst<S>& w) {
  const GdConstants<S>& c = run.c;
  Outcome o;
  o.relation = Relation::kLessEqual;
  o.measured = widen(w.measured);
  o.bound = widen(w.bound);
  o.error = widen(w.error);
  o.hypotheses = c.hypotheses;
  o.details = {{"n", std::to_string(run.n)},
               {"p", std::to_string(run.p)},
               {"phi", run.phi.describe()},
               {"alpha", to_decimal(c.alpha, 8)},
               {"beta", to_decimal(c.beta, 8)},
               {"L", to_decimal(c.lipschitz, 8)},
               {"eta", to_decimal(run.eta, 8)},
               {"eta / limit", to_decimal(S(run.eta / c.limit), 6)},
               {"||y - f(theta0)||", to_decimal(run.r0, 8)},
               {"iterations", std::to_string(run.T)},
               {"worst iteration", std::to_string(w.iteration)},
               {"measured / bound", to_decimal(w.ratio, 10)},
               {"tightness", to_decimal(w.tightness, 6)},
               {"final residual", to_decimal(run.trajectory.residual.back(), 6)}};
  if (run.star.ok()) o.details.push_back({"||theta* - theta0||", to_decimal(run.dstar, 8)});
  return o;
}

ClaimInfo glm_gd_claim_info(const GlmGdClaimText& text, const GdStepRuleText& rule) {
  ClaimInfo c;
  c.id = text.id;
  c.paper = "os19";
  c.source = text.source;
  c.summary = text.summary;
  c.statement = text.statement;
  c.kind = ClaimKind::kExplicit;
  c.hypotheses = {{"assumption1", rule.assumption1},
                  {"assumption2b", rule.assumption2},
                  {"step", rule.step}};
  for (const HypothesisSpec& h : rule.extra) c.hypotheses.push_back(h);
  c.measurement = std::string("GLM f = phi(X theta) (phi = identity: linear regression), GD from theta0 "
                              "for T steps; every iterate t = 1..T is checked and the worst reported. ") +
                  text.measurement + ".";
  c.generator_info = rule.ball_constants ? kGlmBallGeneratorInfo : kGlmGeneratorInfo;
  c.notes = text.notes;
  c.default_cases = 100;
  return c;
}

#define THMCHECK_OS19_GD_RUN_INSTANTIATE(S)                                 \
  template struct GlmGdRun<S>;                                              \
  template GlmGdRun<S> run_glm_gd(const GlmGdInstance&, GdStepRule<S>, bool); \
  template Outcome glm_gd_outcome(const GlmGdRun<S>&, const Worst<S>&);
THMCHECK_OS19_GD_RUN_INSTANTIATE(double)
THMCHECK_OS19_GD_RUN_INSTANTIATE(Mp50)
THMCHECK_OS19_GD_RUN_INSTANTIATE(Mp100)

}  // namespace thmcheck::os19
