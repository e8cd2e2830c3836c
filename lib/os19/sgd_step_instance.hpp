// The one-step SGD instance family of os19 Lemmas 9.8-9.12: GLM data
// f(theta) = phi(X theta), the start theta0 (which fixes r0 = f(theta0) - y and
// the sets B(nu) of (9.26)), the radius factor nu, the point theta the step
// starts from, the anchor points p_1..p_K of the potential (9.48) and the step
// (eta, or eta_fraction of the lemma's own limit). One typed instance: its
// fields give the reader, validator, writer and schema. SgdStepProblem reads it
// at precision S with its certified constants and the hypotheses all the
// lemmas share.
#pragma once

#include <rapidcheck.h>

#include <optional>
#include <tuple>
#include <vector>

#include "thmcheck/engine/claim.hpp"
#include "thmcheck/engine/typed_instance.hpp"
#include "thmcheck/os19/activation.hpp"
#include "thmcheck/os19/glm_gd_step_rules.hpp"
#include "thmcheck/os19/jacobian_bounds.hpp"
#include "thmcheck/os19/models.hpp"
#include "thmcheck/os19/sgd_step.hpp"

namespace thmcheck::os19 {

/// An instance of Lemmas 9.8-9.12 (one SGD step from theta).
struct SgdStepInstance {
  RealMatrix x;
  RealVector y;
  ActivationSpec phi;
  RealVector theta0;
  Real nu;
  RealVector theta;
  RealMatrix anchors;
  std::optional<Real> eta, eta_fraction;
  static constexpr auto fields = std::make_tuple(
      field("X", &SgdStepInstance::x, "n x p, the data matrix (n <= p)"),
      field("y", &SgdStepInstance::y, "[n], the labels"),
      field("phi", &SgdStepInstance::phi, "the activation (identity: linear regression)"),
      field("theta0", &SgdStepInstance::theta0, "[p], the SGD start (defines r0 and B(nu))"),
      field("nu", &SgdStepInstance::nu, "radius factor, >= 3"),
      field("theta", &SgdStepInstance::theta, "[p], the point the SGD step starts from"),
      field("anchors", &SgdStepInstance::anchors, "K x p, the anchor points p_l of (9.40)/(9.48) (may be empty)"),
      field("eta", &SgdStepInstance::eta, "the step size > 0 (give eta or eta_fraction)"),
      field("eta_fraction", &SgdStepInstance::eta_fraction,
            "the step as a fraction > 0 of the lemma's own step limit (from the certified constants)"));
  void check() const;
};

/// The hypotheses the SGD lemmas share, as printed: assumption1, row.bound,
/// assumption2b, nu, step ("eta <= " + step) and, with `packing`, the anchor packing.
std::vector<HypothesisSpec> sgd_lemma_hypotheses(const std::string& step, bool packing);

/// Where generated points theta lie.
enum class SgdStepFocus {
  kInside,   ///< theta in B(nu/2): theta0, an anchor, its distance or residual boundary (inside)
  kOutside,  ///< theta just outside B(nu/2): distance or residual just beyond the boundary
};

/// Generator ranges of sgd_step_generator, for the report.
extern const char* const kSgdStepGeneratorInfo;

/// Instances: n in [1, 10], p = max(n, 2) + [0, 30], cond(X) in [1, 1000], ||X|| in
/// [0.1, 10], phi from the family, r0 possibly along the least singular direction, nu = 3 / [3, 20] / [20, 600], anchors theta0
/// and theta0 +- 1.2 eps q_j (q_1 along J^T r), K = ceil(sqrt(n beta/alpha)) + [0, 4]
/// (at most 2p + 1), eta_fraction 1 (half), below or above (up to 3x).
rc::Gen<SgdStepInstance> sgd_step_generator(SgdStepFocus focus);

/// An SgdStepInstance at precision S: model, certified constants over
/// B(theta0, nu ||r0||/alpha), the sets B(nu), and the shared hypotheses.
template <class S>
struct SgdStepProblem {
  explicit SgdStepProblem(const SgdStepInstance& in);
  Matrix<S> x;
  Eigen::Index n, p;
  Vector<S> y, theta0, theta;
  Activation<S> phi;
  GlmModel<S> model;
  S nu;
  std::vector<Vector<S>> anchors;
  MatrixBounds<S> mb;
  JacobianBounds<S> b;  ///< alpha, beta, L, B over D (glm_sgd_ball_bounds)
  S r0;                 ///< ||f(theta0) - y||
  S eps;                ///< ||r0|| / alpha (packing distance, Lemma 9.9)
  S dist;               ///< ||theta - theta0||
  S r;                  ///< ||f(theta) - y||
  S u;                  ///< unit roundoff
  std::optional<Real> eta_given, eta_fraction;  ///< the instance's step fields
  /// assumption1, row.bound, assumption2b, nu (all lemmas).
  std::vector<HypothesisCheck> hyps;

  /// "theta.in.B(nu/2)": ||theta - theta0|| <= (nu/2) ||r0||/alpha and ||r(theta)|| <= (nu/3) ||r0||.
  HypothesisCheck in_half_ball() const;
  /// "packing": K >= sqrt(n beta/alpha), pairwise distances >= eps, all within
  /// R_p = 1.25 (beta/alpha)^(1/p) eps of theta0 (Lemmas 9.9, 9.11). With
  /// `proof_count`, K >= sqrt(n) beta/alpha instead (what the proof of 9.9 uses).
  HypothesisCheck packing(bool proof_count = false) const;
  /// Lemma 9.8, Assumption 2(b): 1/(2 beta B) min(alpha^2/(B beta), 3 alpha^2/(nu L ||r0||)).
  S limit_9_8() const;
  /// Lemma 9.9: min(limit_9_8, 3/(nu B^2)).
  S limit_9_9() const;
  /// Lemma 9.11 (b): alpha^2/(nu beta^2 B^2 + nu beta B L ||r0||).
  S limit_9_11() const;
  /// The step of the instance against `limit` (hypothesis "step").
  StepChoice<S> step(const S& limit, const std::string& formula) const;
  /// V(theta) = 12 ||r(theta)|| + alpha d_P(theta) (9.48) and its exact expectation
  /// after one SGD step of size eta, with the rounding bound of their difference.
  struct Potential {
    S v = 0, ev = 0, error = 0;
  };
  Potential potential(const S& eta) const;
  /// Details shared by every claim's outcome.
  std::vector<std::pair<std::string, std::string>> details(const S& eta) const;
};

extern template struct SgdStepProblem<double>;
extern template struct SgdStepProblem<Mp50>;
extern template struct SgdStepProblem<Mp100>;

}  // namespace thmcheck::os19
