// The step-size rules of the os19 gradient-descent theorems on GLM instances
// f(theta) = phi(X theta): for each theorem, the constants (alpha, beta, L,
// and where needed lambda, mu, the smoothness L) it is applied with, the
// largest step it allows, and the hypotheses checked on the instance. All
// constants are certified on R^p (lib/os19/jacobian_bounds.hpp), hence on
// every ball D the theorems name.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "thmcheck/engine/claim.hpp"
#include "thmcheck/numerics/scalar.hpp"
#include "thmcheck/os19/activation.hpp"
#include "thmcheck/os19/glm_gd_instance.hpp"
#include "thmcheck/os19/jacobian_bounds.hpp"
#include "thmcheck/os19/models.hpp"

namespace thmcheck::os19 {

/// A GLM gradient-descent instance (lib/os19/glm_gd_instance.hpp) read at
/// precision S, with its model, certified constants and initial residual.
template <class S>
struct GlmGdProblem {
  /// X, y, theta0, phi and T of an instance at precision S, with the
  /// certified bounds of X and of the GLM Jacobian.
  explicit GlmGdProblem(const GlmData& in);
  Matrix<S> x;
  Eigen::Index n, p;
  Vector<S> y, theta0;
  Activation<S> phi;
  long iterations;  ///< T
  GlmModel<S> model;
  MatrixBounds<S> matrix;    ///< sigma_min(X) >= ..., ||X|| <= ..., ||X||_F
  JacobianBounds<S> bounds;  ///< alpha = gamma sigma_min(X), beta = Gamma ||X||, L = M ||X||_2,inf ||X||
  S r0;  ///< ||f(theta0) - y||
  S u;   ///< unit roundoff of S
};

/// The constants a theorem is applied with on one instance, its step limit,
/// and the hypotheses checked so far (Assumptions 1 and 2, and the theorem's
/// own conditions; the step itself is checked by run_glm_gd).
template <class S>
struct GdConstants {
  S alpha = 0, beta = 0;
  S lipschitz = 0;      ///< L of Assumption 2 (b)
  S limit = 0;          ///< the largest step the theorem allows
  S lambda = S(1) / 2;  ///< Theorem 9.3's lambda (default 1/2 elsewhere)
  S mu = 0;             ///< Theorem 5.2: PL constant mu = alpha^2
  S smooth = 0;         ///< Theorem 5.2: smoothness constant L over B(theta0, R)
  std::vector<HypothesisCheck> hypotheses;
};

/// A theorem's step rule: the constants it uses on an instance.
template <class S>
using GdStepRule = GdConstants<S> (*)(const GlmGdProblem<S>&, const GlmGdInstance&);

/// Theorem 2.1 with the constants of its ball D = B(theta0, 4 ||r0|| / alpha)
/// (lib/os19/ball_glm_bounds.hpp, alpha self-consistent with D's radius), and
/// either branch: (a) with lambda = 1/2 when sup_D ||J(a) - J(b)|| <=
/// alpha^2 / (2 beta), then eta <= 1/(2 beta^2); else (b), eta <= 1/(2 beta^2)
/// min(1, alpha^2/(L ||r0||)). The larger limit of the branches that hold.
template <class S>
GdConstants<S> thm2_1_constants(const GlmGdProblem<S>& g, const GlmGdInstance& in);

/// Theorem 9.3, case (b): eta <= 1/beta^2 min(lambda, 2 (1 - lambda) alpha^2
/// / (L ||r0||)), lambda read from the instance (default 1/2).
template <class S>
GdConstants<S> thm9_3_constants(const GlmGdProblem<S>& g, const GlmGdInstance& in);

/// Theorem 2.2: conditions at theta0 only, alpha = sigma_min(J(theta0))/2 and
/// beta = 2 ||J(theta0)|| (the extreme values the hypothesis allows), (2.6)
/// alpha^2 >= 4 L ||r0|| checked; eta <= 1/(2 beta^2).
template <class S>
GdConstants<S> thm2_2_constants(const GlmGdProblem<S>& g, const GlmGdInstance& in);

/// Theorem 4.1: eta <= 1/(||X||^2 Gamma^2).
template <class S>
GdConstants<S> thm4_1_constants(const GlmGdProblem<S>& g, const GlmGdInstance& in);

/// Theorem 5.2: local PL with mu = alpha^2 and smoothness L = beta^2 + M
/// ||X||_2,inf ||X||_F (||r0|| + beta R) over B(theta0, R), R = 2 ||r0|| /
/// alpha = sqrt(8 L(theta0)/mu); eta <= 1/L.
template <class S>
GdConstants<S> thm5_2_constants(const GlmGdProblem<S>& g, const GlmGdInstance& in);

/// The step an instance asks for, and the check of the step hypothesis.
template <class S>
struct StepChoice {
  S eta = 0;
  /// "step": eta <= limit (detail left for the caller to fill in).
  HypothesisCheck hypothesis{"step", false, Evidence::kCertified, ""};
};

/// The step of an instance: "eta" as given, or "eta_fraction" times `limit`.
/// A given eta above the limit but within the enclosure width 64 u + 8 shift /
/// sigma_min(X) of the certified constants may still satisfy the hypothesis
/// with the exact constants: it holds, labelled estimated.
template <class S>
StepChoice<S> choose_step(const std::optional<Real>& eta, const std::optional<Real>& eta_fraction, const S& limit,
                          const MatrixBounds<S>& mb);

/// How a step rule appears in a claim's description.
struct GdStepRuleText {
  std::string step;                   ///< the "step" hypothesis as the theorem states it
  std::vector<HypothesisSpec> extra;  ///< hypotheses after assumption1, assumption2b, step
  bool with_lambda = false;           ///< instances carry "lambda" (Theorem 9.3)
  /// How the rule establishes Assumptions 1 and 2 (the "assumption1" and
  /// "assumption2b" hypotheses' text).
  std::string assumption1 = "Assumption 1 (Jacobian spectrum) over the theorem's ball D";
  std::string assumption2 = "Assumption 2 (b) (Lipschitz Jacobian) over D";
  /// The rule's constants are those of the ball D (glm_gd_generator's
  /// ball_constants: non-monotone phi and longer runs are drawn too).
  bool ball_constants = false;
};
/// Theorem 2.1's step rule in words.
GdStepRuleText thm2_1_rule_text();
/// Theorem 9.3's step rule in words (adds the "lambda" hypothesis).
GdStepRuleText thm9_3_rule_text();
/// Theorem 2.2's step rule in words (adds the "eq2.6" hypothesis).
GdStepRuleText thm2_2_rule_text();
/// Theorem 4.1's step rule in words.
GdStepRuleText thm4_1_rule_text();
/// Theorem 5.2's step rule in words.
GdStepRuleText thm5_2_rule_text();

#define THMCHECK_OS19_GD_EXTERN(S)                                                    \
  extern template struct GlmGdProblem<S>;                                             \
  extern template StepChoice<S> choose_step(const std::optional<Real>&, const std::optional<Real>&, const S&, \
                                            const MatrixBounds<S>&);                                        \
  extern template GdConstants<S> thm2_1_constants(const GlmGdProblem<S>&, const GlmGdInstance&); \
  extern template GdConstants<S> thm9_3_constants(const GlmGdProblem<S>&, const GlmGdInstance&); \
  extern template GdConstants<S> thm2_2_constants(const GlmGdProblem<S>&, const GlmGdInstance&); \
  extern template GdConstants<S> thm4_1_constants(const GlmGdProblem<S>&, const GlmGdInstance&); \
  extern template GdConstants<S> thm5_2_constants(const GlmGdProblem<S>&, const GlmGdInstance&);
THMCHECK_OS19_GD_EXTERN(double)
THMCHECK_OS19_GD_EXTERN(Mp50)
THMCHECK_OS19_GD_EXTERN(Mp100)
#undef THMCHECK_OS19_GD_EXTERN

}  // namespace thmcheck::os19
