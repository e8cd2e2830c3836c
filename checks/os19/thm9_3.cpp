// os19 Theorem 9.3 (Section 9.2), the general-lambda form of Theorem 2.1, and
// its summary in Section 2: with 0 < lambda <= 1 and eta <= 1/beta^2
// min(lambda, 2 (1 - lambda) alpha^2/(L ||r_0||)), GD obeys the rate (9.2),
// the potential bound (9.3) with zeta = (lambda - eta beta^2/2) alpha, the
// path bounds (9.4), (9.6) and the distance bound (9.5). Section 2 prints
// (2.12)-(2.14) with alpha in place of zeta; both forms are checked (the
// printed ones as os19.thm9.3.{potential,distance,path}, the proved ones as
// .as-proved). GLM instances, every iterate, the worst reported.
#include "thmcheck/engine/registry.hpp"
#include "thmcheck/os19/glm_gd_run.hpp"

namespace thmcheck::checks {
namespace {

using os19::GdIterate;
using os19::Worst;

/// Theorem 9.3's GD run on an instance (lambda from the instance, default 1/2).
template <class S>
os19::GlmGdRun<S> thm9_3_run(const os19::GlmGdInstance& in, bool needs_optimum) {
  return os19::run_glm_gd<S>(in, os19::thm9_3_constants<S>, needs_optimum);
}

/// An outcome with zeta = (lambda - eta beta^2/2) alpha among its details.
template <class S>
Outcome with_zeta(Outcome o, const os19::GlmGdRun<S>& run) {
  o.details.push_back({"zeta", to_decimal(run.zeta, 8)});
  return o;
}

/// (9.2): ||r_t||^2 <= (1 - alpha^2 lambda eta)^t ||r_0||^2.
template <class S>
Outcome rate(const os19::GlmGdInstance& in) {
  const os19::GlmGdRun<S> run = thm9_3_run<S>(in, false);
  if (run.failure) return *run.failure;
  const S q = 1 - run.c.alpha * run.c.alpha * run.c.lambda * run.eta;
  S qt = 1;
  return with_zeta(os19::judge_iterates(run, q, [&](Worst<S>& w, long k, const GdIterate<S>& it) {
                     qt *= q;
                     os19::offer_squared_rate(w, k, qt, run.r0, run.dr0, it.residual, it.residual_error);
                   }),
                   run);
}

/// Potential with coefficient c: c ||theta_t - theta0|| + ||r_t|| <= ||r_0||;
/// (2.12) as printed takes c = alpha, (9.3) as proved c = zeta.
template <class S>
Outcome potential(const os19::GlmGdInstance& in, bool as_proved) {
  const os19::GlmGdRun<S> run = thm9_3_run<S>(in, false);
  if (run.failure) return *run.failure;
  const S& c = as_proved ? run.zeta : run.c.alpha;
  const S &r0 = run.r0, &dr0 = run.dr0;
  return with_zeta(os19::judge_iterates(run, S(1), [&](Worst<S>& w, long k, const GdIterate<S>& it) {
                     const auto& [rk, drk, dk, ddk, pk, dpk, hk, dhk] = it;
                     w.offer(k, c * dk + rk, r0, c * ddk + drk + dr0, os19::potential_slack(c, dk, r0, rk));
                   }),
                   run);
}

/// Distance from theta0 (or path length) against beta/c ||theta* - theta0||;
/// (2.13)/(2.14) as printed take c = alpha, (9.5)/(9.6) as proved c = zeta.
template <class S>
Outcome against_optimum(const os19::GlmGdInstance& in, bool path, bool as_proved) {
  const os19::GlmGdRun<S> run = thm9_3_run<S>(in, true);
  if (run.failure) return *run.failure;
  const S& c = as_proved ? run.zeta : run.c.alpha;
  const S &beta = run.c.beta, &dstar = run.dstar, &dstar_err = run.dstar_err;
  return with_zeta(os19::judge_iterates(run, S(1), [&](Worst<S>& w, long k, const GdIterate<S>& it) {
                     const S& lhs = path ? it.path : it.distance;
                     const S& lhs_err = path ? it.path_error : it.distance_error;
                     w.offer(k, lhs, beta / c * dstar, lhs_err + beta / c * dstar_err);
                   }),
                   run);
}

/// (9.4): sum_{s < t} ||theta_{s+1} - theta_s|| <= ||r_0|| / zeta.
template <class S>
Outcome path_residual(const os19::GlmGdInstance& in) {
  const os19::GlmGdRun<S> run = thm9_3_run<S>(in, false);
  if (run.failure) return *run.failure;
  const S &zeta = run.zeta, &r0 = run.r0, &dr0 = run.dr0;
  return with_zeta(os19::judge_iterates(run, S(1), [&](Worst<S>& w, long k, const GdIterate<S>& it) {
                     w.offer(k, it.path, r0 / zeta, it.path_error + dr0 / zeta);
                   }),
                   run);
}

}  // namespace

THMCHECK_REGISTER(os19_thm9_3) {
  const os19::GdStepRuleText rule = os19::thm9_3_rule_text();
  registry.add(os19::glm_gd_claim(
      {.id = "os19.thm9.3.rate",
       .source = "Theorem 9.3, eq. (9.2)",
       .summary = "general lambda: ||f(theta_t) - y||^2 <= (1 - alpha^2 lambda eta)^t ||f(theta0) - y||^2",
       .statement =
           "Let 0 < lambda <= 1, Assumption 1 over B(theta0, ||r0||/((lambda - eta beta^2/2) alpha)), and (a) "
           "eta <= lambda/beta^2 or (b) eta <= 1/beta^2 min(lambda, 2(1-lambda) alpha^2/(L ||r0||)). Then "
           "||f(theta_t) - y||^2 <= (1 - alpha^2 lambda eta)^t ||f(theta0) - y||^2.   (9.2)",
       .measurement = "max over t of ||r_t||^2 / ((1 - alpha^2 lambda eta)^t ||r_0||^2) against 1"},
      rule,
      []<class S>(const os19::GlmGdInstance& in) { return rate<S>(in); }));

  registry.add(os19::glm_gd_claim(
      {.id = "os19.thm9.3.potential",
       .source = "Section 2, eq. (2.12) (Theorem 9.3 as summarised)",
       .summary = "improved potential as printed: alpha ||theta_t - theta0|| + ||f(theta_t) - y|| <= ||f(theta0) - y||",
       .statement = "[Theorem 9.3] allows the radius R as small as ||f(theta0) - y||/alpha (2.11) and (2.4) to be "
                    "improved to alpha ||theta_t - theta0||_2 + ||f(theta_t) - y||_2 <= ||f(theta0) - y||_2.   (2.12) "
                    "This requires a smaller learning rate.",
       .measurement = "max over t of alpha ||theta_t - theta0|| + ||r_t|| against ||r_0||, under Theorem 9.3's step rule",
       .notes = "Theorem 9.3 itself proves the coefficient zeta = (lambda - eta beta^2/2) alpha < alpha for every "
                "eta > 0 (sibling os19.thm9.3.potential.as-proved); (2.12) is its limit lambda -> 1, eta -> 0."},
      rule,
      []<class S>(const os19::GlmGdInstance& in) { return potential<S>(in, false); }));

  registry.add(os19::glm_gd_claim(
      {.id = "os19.thm9.3.potential.as-proved",
       .source = "Theorem 9.3, eq. (9.3)",
       .summary = "(lambda - eta beta^2/2) alpha ||theta_t - theta0|| + ||f(theta_t) - y|| <= ||f(theta0) - y||",
       .statement =
           "(lambda - eta beta^2/2) alpha ||theta_t - theta0||_2 + ||f(theta_t) - y||_2 <= ||f(theta0) - y||_2.   (9.3)",
       .measurement = "max over t of zeta ||theta_t - theta0|| + ||r_t|| against ||r_0||"},
      rule,
      []<class S>(const os19::GlmGdInstance& in) { return potential<S>(in, true); }));

  registry.add(os19::glm_gd_claim(
      {.id = "os19.thm9.3.distance",
       .source = "Section 2, eq. (2.13)",
       .summary = "as printed: ||theta_t - theta0|| <= beta/alpha ||theta* - theta0||",
       .statement = "Also the approximation ratios in Corollary 2.3 can be improved to ||theta_t - theta0||_2 <= "
                    "(beta/alpha) ||theta* - theta0||_2.   (2.13)",
       .measurement =
           "max over t of ||theta_t - theta0|| against beta/alpha ||theta* - theta0||, under Theorem 9.3's step rule",
       .notes = "Theorem 9.3 proves beta/zeta instead (sibling .as-proved)."},
      rule,
      []<class S>(const os19::GlmGdInstance& in) { return against_optimum<S>(in, false, false); }));

  registry.add(os19::glm_gd_claim(
      {.id = "os19.thm9.3.distance.as-proved",
       .source = "Theorem 9.3, eq. (9.5)",
       .summary = "||theta_t - theta0|| <= beta/((lambda - eta beta^2/2) alpha) ||theta* - theta0||",
       .statement = "||theta_t - theta0||_2 <= beta / ((lambda - eta beta^2/2) alpha) ||theta* - theta0||_2.   (9.5)",
       .measurement = "max over t of ||theta_t - theta0|| against beta/zeta ||theta* - theta0||"},
      rule,
      []<class S>(const os19::GlmGdInstance& in) { return against_optimum<S>(in, false, true); }));

  registry.add(os19::glm_gd_claim(
      {.id = "os19.thm9.3.path",
       .source = "Section 2, eq. (2.14)",
       .summary = "as printed: path length <= beta/alpha ||theta* - theta0||",
       .statement = "sum_{t>=0} ||theta_{t+1} - theta_t||_2 <= (beta/alpha) ||theta* - theta0||_2.   (2.14)",
       .measurement = "path of the first T steps against beta/alpha ||theta* - theta0||, under Theorem 9.3's step rule",
       .notes = "Theorem 9.3 proves beta/zeta instead (sibling .as-proved)."},
      rule,
      []<class S>(const os19::GlmGdInstance& in) { return against_optimum<S>(in, true, false); }));

  registry.add(os19::glm_gd_claim(
      {.id = "os19.thm9.3.path.as-proved",
       .source = "Theorem 9.3, eq. (9.6)",
       .summary = "path length <= beta/((lambda - eta beta^2/2) alpha) ||theta* - theta0||",
       .statement =
           "sum_{t>=0} ||theta_{t+1} - theta_t||_2 <= beta / ((lambda - eta beta^2/2) alpha) ||theta* - theta0||_2.   (9.6)",
       .measurement = "path of the first T steps against beta/zeta ||theta* - theta0||"},
      rule,
      []<class S>(const os19::GlmGdInstance& in) { return against_optimum<S>(in, true, true); }));

  registry.add(os19::glm_gd_claim(
      {.id = "os19.thm9.3.path.residual",
       .source = "Theorem 9.3, eq. (9.4)",
       .summary = "path length <= ||f(theta0) - y|| / ((lambda - eta beta^2/2) alpha)",
       .statement =
           "sum_{t>=0} ||theta_{t+1} - theta_t||_2 <= ||f(theta0) - y||_2 / ((lambda - eta beta^2/2) alpha).   (9.4)",
       .measurement = "path of the first T steps against ||r_0|| / zeta"},
      rule,
      []<class S>(const os19::GlmGdInstance& in) { return path_residual<S>(in); }));
}

}  // namespace thmcheck::checks
