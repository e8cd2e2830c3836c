// os19 Corollary 5.3 (Section 5): under the setting of Theorem 5.2, with
// theta* the global optimum closest to theta0, GD stays within
// 2 (L/mu) ||theta* - theta0|| of theta0 (5.4) and its path is at most that
// long (5.5). Checked on GLM least-squares losses with mu = alpha^2 and the
// certified smoothness constant L, every iterate.
#include "thmcheck/engine/registry.hpp"
#include "thmcheck/os19/glm_gd_run.hpp"

namespace thmcheck::checks {
namespace {

using os19::GdIterate;
using os19::Worst;

/// (5.4): ||theta_t - theta0|| <= 2 L/mu ||theta* - theta0||.
template <class S>
Outcome distance(const os19::GlmGdInstance& in) {
  const os19::GlmGdRun<S> run = os19::run_glm_gd<S>(in, os19::thm5_2_constants<S>, true);
  if (run.failure) return *run.failure;
  const S &smooth = run.c.smooth, &mu = run.c.mu, &dstar = run.dstar, &dstar_err = run.dstar_err;
  return os19::judge_iterates(run, S(1), [&](Worst<S>& w, long k, const GdIterate<S>& it) {
    w.offer(k, it.distance, 2 * smooth / mu * dstar, it.distance_error + 2 * smooth / mu * dstar_err);
  });
}

/// (5.5): sum_{s < t} ||theta_{s+1} - theta_s|| <= 2 L/mu ||theta* - theta0||.
template <class S>
Outcome path(const os19::GlmGdInstance& in) {
  const os19::GlmGdRun<S> run = os19::run_glm_gd<S>(in, os19::thm5_2_constants<S>, true);
  if (run.failure) return *run.failure;
  const S &smooth = run.c.smooth, &mu = run.c.mu, &dstar = run.dstar, &dstar_err = run.dstar_err;
  return os19::judge_iterates(run, S(1), [&](Worst<S>& w, long k, const GdIterate<S>& it) {
    w.offer(k, it.path, 2 * smooth / mu * dstar, it.path_error + 2 * smooth / mu * dstar_err);
  });
}

}  // namespace

THMCHECK_REGISTER(os19_cor5_3) {
  const os19::GdStepRuleText rule = os19::thm5_2_rule_text();
  registry.add(os19::glm_gd_claim(
      {.id = "os19.cor5.3.distance",
       .source = "Corollary 5.3, eq. (5.4)",
       .summary = "||theta_t - theta0|| <= 2 L/mu ||theta* - theta0||",
       .statement = "||theta_t - theta0||_2 <= 2 (L/mu) ||theta* - theta0||_2.   (5.4)",
       .measurement = "max over t of ||theta_t - theta0|| against 2 L/mu ||theta* - theta0||"},
      rule,
      []<class S>(const os19::GlmGdInstance& in) { return distance<S>(in); }));

  registry.add(os19::glm_gd_claim(
      {.id = "os19.cor5.3.path",
       .source = "Corollary 5.3, eq. (5.5)",
       .summary = "path length <= 2 L/mu ||theta* - theta0||",
       .statement = "sum_{t>=0} ||theta_{t+1} - theta_t||_2 <= 2 (L/mu) ||theta* - theta0||_2.   (5.5)",
       .measurement = "path of the first T steps against 2 L/mu ||theta* - theta0||"},
      rule,
      []<class S>(const os19::GlmGdInstance& in) { return path<S>(in); }));
}

}  // namespace thmcheck::checks
