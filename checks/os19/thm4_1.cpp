// os19 Theorem 4.1 (Section 4.1): generalized linear models f = phi(X theta)
// with phi strictly increasing, 0 < gamma <= phi' <= Gamma, n <= p and
// eta <= 1/(||X||^2 Gamma^2): GD converges to the closest global optimum
// theta* at the rate (4.2) and its path length obeys (4.3). Checked on GLM
// instances with certified sigma_min(X), ||X||, every iterate.
#include "thmcheck/engine/registry.hpp"
#include "thmcheck/os19/glm_gd_run.hpp"

namespace thmcheck::checks {
namespace {

using os19::GdIterate;
using os19::Worst;

/// (4.2): ||theta_t - theta*|| <= (1 - eta gamma^2 sigma_min(X)^2)^t ||theta0 - theta*||.
template <class S>
Outcome rate(const os19::GlmGdInstance& in) {
  using std::log;
  const os19::GlmGdRun<S> run = os19::run_glm_gd<S>(in, os19::thm4_1_constants<S>, true);
  if (run.failure) return *run.failure;
  const S &eta = run.eta, &dstar = run.dstar, &dstar_err = run.dstar_err, &u = run.u;
  const os19::MatrixBounds<S>& mb = run.matrix;
  const S q = 1 - eta * run.phi.gamma() * run.phi.gamma() * mb.sigma_min_lower * mb.sigma_min_lower;
  S qt = 1;
  return os19::judge_iterates(run, q, [&](Worst<S>& w, long k, const GdIterate<S>& it) {
    qt *= q;
    const S &hk = it.to_optimum, &dhk = it.optimum_error;
    const S bound = qt * dstar;
    w.offer(k, hk, bound, dhk + qt * dstar_err + bound * 4 * u * S(static_cast<double>(k + 1)),
            qt > 0 && qt < 1 && hk < dstar && hk > 0 ? S(log(qt) / log(hk / dstar)) : S(0));
  });
}

/// (4.3): path length <= Gamma^2/gamma^2 ||X||^2/sigma_min(X)^2 ||theta0 - theta*||.
template <class S>
Outcome path(const os19::GlmGdInstance& in) {
  const os19::GlmGdRun<S> run = os19::run_glm_gd<S>(in, os19::thm4_1_constants<S>, true);
  if (run.failure) return *run.failure;
  const S &dstar = run.dstar, &dstar_err = run.dstar_err;
  const os19::MatrixBounds<S>& mb = run.matrix;
  const S g2 = run.phi.gamma() * run.phi.gamma(), G2 = run.phi.big_gamma() * run.phi.big_gamma();
  const S kappa2 = mb.norm_upper * mb.norm_upper / (mb.sigma_min_lower * mb.sigma_min_lower);
  return os19::judge_iterates(run, S(1), [&](Worst<S>& w, long k, const GdIterate<S>& it) {
    w.offer(k, it.path, G2 / g2 * kappa2 * dstar, it.path_error + G2 / g2 * kappa2 * dstar_err);
  });
}

}  // namespace

THMCHECK_REGISTER(os19_thm4_1) {
  const os19::GdStepRuleText rule = os19::thm4_1_rule_text();
  registry.add(os19::glm_gd_claim(
      {.id = "os19.thm4.1.rate",
       .source = "Theorem 4.1, eq. (4.2)",
       .summary = "GLM: ||theta_t - theta*|| <= (1 - eta gamma^2 lambda_min(X X^T))^t ||theta0 - theta*||",
       .statement = "phi strictly increasing, 0 < gamma <= phi' <= Gamma, n <= p, eta <= 1/(||X||^2 Gamma^2), theta* "
                    "the closest global optimum: ||theta_t - theta*||_2 <= (1 - eta gamma^2 lambda_min(X X^T))^t "
                    "||theta0 - theta*||_2.   (4.2)",
       .measurement =
           "max over t of ||theta_t - theta*|| / ((1 - eta gamma^2 sigma_min(X)^2)^t ||theta0 - theta*||) against 1"},
      rule,
      []<class S>(const os19::GlmGdInstance& in) { return rate<S>(in); }));

  registry.add(os19::glm_gd_claim(
      {.id = "os19.thm4.1.path",
       .source = "Theorem 4.1, eq. (4.3)",
       .summary = "GLM path length <= Gamma^2/gamma^2 lambda_max/lambda_min(X X^T) ||theta0 - theta*||",
       .statement = "With a step size on the order of 1/(||X||^2 Gamma^2) the total path length is bounded by "
                    "sum_t ||theta_{t+1} - theta_t||_2 <= (Gamma^2/gamma^2) (lambda_max(X X^T)/lambda_min(X X^T)) "
                    "||theta0 - theta*||_2.   (4.3)",
       .measurement = "path of the first T steps against the bound, for every eta <= 1/(||X||^2 Gamma^2)",
       .notes = "The proof (Section 9.5) states it for eta = 1/(Gamma^2 ||X||^2), but eta cancels in its argument, "
                "so it is checked for every eta up to that value."},
      rule,
      []<class S>(const os19::GlmGdInstance& in) { return path<S>(in); }));
}

}  // namespace thmcheck::checks
