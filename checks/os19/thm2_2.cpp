// os19 Theorem 2.2 (Section 2): conditions at theta0 only. If 2 alpha <=
// sigma_min(J(theta0)) <= ||J(theta0)|| <= beta/2, Assumption 2 holds and
// alpha^2 >= 4 L ||y - f(theta0)|| (2.6), the conclusions (2.3)-(2.5) of
// Theorem 2.1 hold with eta <= 1/(2 beta^2). Checked on GLM instances with
// alpha, beta the extreme values the hypothesis allows; the three conclusions
// normalised to "<= 1" and the worst over iterates and conclusions reported.
#include "thmcheck/engine/registry.hpp"
#include "thmcheck/os19/glm_gd_run.hpp"

namespace thmcheck::checks {
namespace {

using os19::GdIterate;
using os19::Worst;

/// (2.3)-(2.5), normalised: ||r_t||^2/((1 - eta alpha^2/2)^t ||r_0||^2),
/// (alpha/4 d_t + ||r_t||)/||r_0|| and P_t alpha/(4 ||r_0||), each against 1.
template <class S>
Outcome conclusions(const os19::GlmGdInstance& in) {
  using std::log;
  const os19::GlmGdRun<S> run = os19::run_glm_gd<S>(in, os19::thm2_2_constants<S>, false);
  if (run.failure) return *run.failure;
  const S &alpha = run.c.alpha, &eta = run.eta, &r0 = run.r0, &dr0 = run.dr0, &u = run.u;
  const S q = 1 - eta * alpha * alpha / 2;
  S qt = 1;
  return os19::judge_iterates(run, q, r0, [&](Worst<S>& w, long k, const GdIterate<S>& it) {
    const auto& [rk, drk, dk, ddk, pk, dpk, hk, dhk] = it;
    qt *= q;
    {
      const S bound = qt * r0 * r0;
      const S err = (rk + drk) * (rk + drk) - rk * rk +
                    bound * (2 * dr0 / r0 + 4 * u * S(static_cast<double>(k + 1)));
      w.offer(k, rk * rk / (r0 * r0), qt, err / (r0 * r0),
              qt > 0 && qt < 1 && rk < r0 && rk > 0 ? S(log(qt) / log(rk * rk / (r0 * r0))) : S(0));
    }
    w.offer(k, (alpha / 4 * dk + rk) / r0, S(1), (alpha / 4 * ddk + drk + dr0) / r0,
            os19::potential_slack(alpha / 4, dk, r0, rk));
    w.offer(k, pk * alpha / (4 * r0), S(1), (dpk + 4 * dr0 / alpha) * alpha / (4 * r0));
  });
}

}  // namespace

THMCHECK_REGISTER(os19_thm2_2) {
  registry.add(os19::glm_gd_claim(
      {.id = "os19.thm2.2",
       .source = "Theorem 2.2 (conclusions (2.3)-(2.5))",
       .summary = "conditions at theta0 only (+ (2.6)) give (2.3)-(2.5) with eta <= 1/(2 beta^2)",
       .statement = "Suppose 2 alpha <= sigma_min(J(theta0)) <= ||J(theta0)|| <= beta/2, Assumption 2 holds over "
                    "B(theta0, 4||f(theta0)-y||/alpha) and alpha^2 >= 4 L ||y - f(theta0)|| (2.6). Then the "
                    "conclusions of Theorem 2.1 hold with constant learning rate eta <= 1/(2 beta^2).",
       .measurement = "max over t and over the three conclusions of the normalised ratios ||r_t||^2/((1 - eta "
                      "alpha^2/2)^t ||r_0||^2), (alpha/4 ||theta_t - theta0|| + ||r_t||)/||r_0||, path_t alpha/(4 "
                      "||r_0||), against 1",
       .notes = "alpha = sigma_min(J(theta0))/2 and beta = 2 ||J(theta0)|| are the largest/smallest values the "
                "hypothesis allows. The proof's (2.8) prints '>=' for '<='."},
      os19::thm2_2_rule_text(),
      []<class S>(const os19::GlmGdInstance& in) { return conclusions<S>(in); }));
}

}  // namespace thmcheck::checks
