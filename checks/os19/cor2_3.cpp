// os19 Corollary 2.3 (Section 2): under the setting of Theorem 2.1, with
// theta* the global optimum closest to theta0, GD stays within
// 4 (beta/alpha) ||theta* - theta0|| of theta0 (2.9) and its path is at most
// that long (2.10). Checked on GLM instances (theta* = theta0 + X^T (X X^T)^-1
// (phi^-1(y) - X theta0), lib/os19/closest_optimum.hpp), every iterate.
#include "thmcheck/engine/registry.hpp"
#include "thmcheck/os19/glm_gd_run.hpp"

namespace thmcheck::checks {
namespace {

using os19::GdIterate;
using os19::Worst;

/// (2.9): ||theta_t - theta0|| <= 4 beta/alpha ||theta* - theta0||.
template <class S>
Outcome distance(const os19::GlmGdInstance& in) {
  const os19::GlmGdRun<S> run = os19::run_glm_gd<S>(in, os19::thm2_1_constants<S>, true);
  if (run.failure) return *run.failure;
  const S &alpha = run.c.alpha, &beta = run.c.beta, &dstar = run.dstar, &dstar_err = run.dstar_err;
  return os19::judge_iterates(run, S(1), [&](Worst<S>& w, long k, const GdIterate<S>& it) {
    w.offer(k, it.distance, 4 * beta / alpha * dstar, it.distance_error + 4 * beta / alpha * dstar_err);
  });
}

/// (2.10): sum_{s < t} ||theta_{s+1} - theta_s|| <= 4 beta/alpha ||theta* - theta0||.
template <class S>
Outcome path(const os19::GlmGdInstance& in) {
  const os19::GlmGdRun<S> run = os19::run_glm_gd<S>(in, os19::thm2_1_constants<S>, true);
  if (run.failure) return *run.failure;
  const S &alpha = run.c.alpha, &beta = run.c.beta, &dstar = run.dstar, &dstar_err = run.dstar_err;
  return os19::judge_iterates(run, S(1), [&](Worst<S>& w, long k, const GdIterate<S>& it) {
    w.offer(k, it.path, 4 * beta / alpha * dstar, it.path_error + 4 * beta / alpha * dstar_err);
  });
}

}  // namespace

THMCHECK_REGISTER(os19_cor2_3) {
  // Theorem 2.1's ball constants, on increasing phi only: the closest optimum
  // theta* = theta0 + X^T (X X^T)^{-1} (phi^{-1}(y) - X theta0) needs phi invertible.
  os19::GdStepRuleText rule = os19::thm2_1_rule_text();
  rule.ball_constants = false;
  constexpr const char* kNotes =
      "Constants as in os19.thm2.1.* (those of the ball D, either branch of Assumption 2); phi increasing "
      "only (tanh_plus c > -1, leaky_softplus, identity): for a non-monotone phi the zero-loss set has "
      "several preimages per row and the closest optimum is not computed, so those instances are not drawn.";
  registry.add(os19::glm_gd_claim(
      {.id = "os19.cor2.3.distance",
       .source = "Corollary 2.3, eq. (2.9)",
       .summary = "GD stays within 4 beta/alpha ||theta* - theta0|| of theta0 (theta* closest optimum)",
       .statement = "Under the setting of Theorem 2.1, with theta* the global optimum closest to theta0, "
                    "||theta_t - theta0||_2 <= 4 (beta/alpha) ||theta* - theta0||_2.   (2.9)",
       .measurement = "max over t of ||theta_t - theta0|| against 4 beta/alpha ||theta* - theta0||, theta* = theta0 + "
                      "X^T (X X^T)^{-1} (phi^{-1}(y) - X theta0)",
       .notes = kNotes},
      rule,
      []<class S>(const os19::GlmGdInstance& in) { return distance<S>(in); }));

  registry.add(os19::glm_gd_claim(
      {.id = "os19.cor2.3.path",
       .source = "Corollary 2.3, eq. (2.10)",
       .summary = "GD path length <= 4 beta/alpha ||theta* - theta0||",
       .statement = "Under the setting of Theorem 2.1, sum_{t>=0} ||theta_{t+1} - theta_t||_2 <= 4 (beta/alpha) "
                    "||theta* - theta0||_2.   (2.10)",
       .measurement = "path length of the first T steps against 4 beta/alpha ||theta* - theta0||",
       .notes = kNotes},
      rule,
      []<class S>(const os19::GlmGdInstance& in) { return path<S>(in); }));
}

}  // namespace thmcheck::checks
