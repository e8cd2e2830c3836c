// os19 Lemma 9.5 (Section 9.2): under Assumption 1 over D = B(theta0,
// ||f(theta0) - y||/zeta) with zeta <= alpha, a gradient step theta+ = theta -
// eta grad L(theta) from theta in P(theta0, R_zeta) (Definition 9.4) with
// eta <= 1/beta^2 stays in D. Measured ||theta+ - theta0|| against R_zeta, on
// GLMs (lib/os19/one_step_instance.hpp).
#include <fmt/format.h>

#include "thmcheck/engine/registry.hpp"
#include "thmcheck/engine/typed_instance.hpp"
#include "thmcheck/os19/one_step_setup.hpp"

namespace thmcheck::checks {
namespace {

template <class S>
Outcome evaluate_lemma9_5(const os19::OneStepInstance& in) {
  const os19::OneStepSetup<S> s = os19::one_step_setup<S>(in, os19::OneStepUse::kLemma95);
  Outcome o;
  o.relation = Relation::kLessEqual;
  const S dist = (s.theta_plus - s.theta0).norm();
  o.measured = widen(dist);
  o.bound = widen(s.radius);
  o.error = widen(s.step_error);
  o.hypotheses = s.hypotheses;
  o.details = {{"n", std::to_string(s.model.samples())},
               {"p", std::to_string(s.model.parameters())},
               {"phi", s.model.activation().describe()},
               {"eta beta^2", to_decimal(S(s.eta * s.ball.beta * s.ball.beta), 8)},
               {"potential / R_zeta", s.radius > 0 ? to_decimal(S(s.potential / s.radius), 12) : "-"},
               {"||theta+ - theta|| beta / ||r(theta)||",
                s.model.residual(s.theta).norm() > 0
                    ? to_decimal(S((s.theta_plus - s.theta).norm() * s.ball.beta / s.model.residual(s.theta).norm()), 8)
                    : "-"}};
  return o;
}

}  // namespace

THMCHECK_REGISTER(os19_lem9_5) {
  registry.add(typed_claim<os19::OneStepInstance>(
      ClaimInfo{
          .id = "os19.lem9.5",
          .paper = "os19",
          .source = "Lemma 9.5 (Section 9.2), with Definition 9.4",
          .statement =
              "Suppose Assumption 1 holds over D = B(theta0, ||f(theta0) - y||/zeta) for some zeta obeying zeta <= "
              "alpha. Also assume theta in P(theta0, R_zeta) = {theta : ||theta - theta0|| + ||f(theta) - y||/zeta <= "
              "R_zeta}, R_zeta = ||f(theta0) - y||/zeta; then the gradient iterate theta+ = theta - eta grad L(theta) "
              "with eta <= 1/beta^2 satisfies theta+ in D.",
          .summary = "one GD step from the potential set P(theta0, R_zeta) stays in B(theta0, R_zeta)",
          .kind = ClaimKind::kExplicit,
          .hypotheses = {{"assumption1", "alpha <= sigma_min(J) <= ||J|| <= beta over D, beta >= alpha > 0"},
                         {"zeta", "0 < zeta <= alpha (zeta > 0 from Definition 9.4)"},
                         {"step", "eta <= 1/beta^2"},
                         {"theta.in.P", "theta in P(theta0, R_zeta)"}},
          .measurement = "||theta+ - theta0|| against R_zeta = ||f(theta0) - y||/zeta",
          .generator_info = os19::kOneStepGeneratorInfo,
          .instance_schema = {},
          .notes =
              "GLMs f = phi(X theta); zeta = zeta_fraction x the global alpha gamma sigma_min(X), D = B(theta0, "
              "R_zeta), and alpha, beta certified over D from the range of phi' on the intervals x_i^T theta0 +- "
              "||x_i|| R_zeta (glm_ball_constants, lib/os19/local_bounds.hpp; for phi = identity the exact "
              "singular-value bounds up to the Weyl shift). zeta above the certified alpha counts outside although "
              "a larger valid alpha might exist. "
              "eta > 0 is taken as implied (a step size). The tight case: X with equal singular values, zeta = alpha, "
              "eta = 1/beta^2 and theta on the segment from theta0 along -X^T r0 (the whole segment lies on the "
              "boundary of P, and theta+ lands at distance R_zeta); the generator draws it (orthogonal rows, "
              "zeta_fraction 1, theta at 1 - 1e-9 of the boundary). Error: first-order rounding bounds 8 (n + p + 10) u "
              "times the magnitudes (lib/os19/one_step_setup.hpp); the engine recomputes at 50 and 100 digits.",
          .proof_note = {},
          .default_cases = 200,
      },
      os19::one_step_generator(os19::OneStepUse::kLemma95),
      []<class S>(const os19::OneStepInstance& in) { return evaluate_lemma9_5<S>(in); }));
}

}  // namespace thmcheck::checks
