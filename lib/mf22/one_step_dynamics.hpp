// One SubGM step on the depth-2 diagonal network u (.) v (mf22 Section 4.1)
// and what Lemmas 1-3 read off it. The step from (u, v) is
//   u' = u + eta q (.) v,  v' = v + eta q (.) u,  q = Q(z), z = theta* - u (.) v,
// Q(z) = (1/m) sum_i Sign(<x_i, z> + eps_i) x_i (Algorithm 1 with the true
// sub-gradient: d_u = -q (.) v, d_v = -q (.) u). Each lemma's conclusion is
// turned into the smallest delta it needs at this step ("required"), which is
// compared with the smallest delta of the hypothesis at z ("delta"):
//   Lemma 1 (7), i in supp(theta*), for some |delta_i| <= delta:
//     u'_i v'_i >= (1 + 2 eta (zhat_i + delta_i)) u_i v_i, zhat = z/||z||;
//     required_i = sgn(u_i v_i) (zhat_i - (u'_i v'_i - u_i v_i) / (2 eta u_i v_i)).
//   Lemma 2 (8) with the proof's constant, eq. (61), i off supp(theta*):
//     u'_i^2 + v'_i^2 <= (1 + 3 eta delta)(u_i^2 + v_i^2);
//     required_i = ((u'_i^2 + v'_i^2)/(u_i^2 + v_i^2) - 1) / (3 eta).
//   Lemma 3 (9), every i with u_i != v_i, for some |delta_i| <= delta:
//     u'_i - v'_i = (u_i - v_i)(1 - eta zhat_i + eta delta_i);
//     required_i = |((u'_i - v'_i)/(u_i - v_i) - 1)/eta + zhat_i|.
//   Lemma 3 as used in the proof, eq. (69), i in supp with theta*_i >= u_i v_i:
//     |u'_i - v'_i| <= (1 + eta delta)|u_i - v_i|;
//     required_i = (|u'_i - v'_i| / |u_i - v_i| - 1) / eta.
// delta is (5) of the main text (inf-norm), of the full version (2-norm), both
// with the printed psi, or the deviation of the proof's (49)-(50), which
// drops psi: ||q - zhat||_inf.
#pragma once

#include <string>
#include <vector>

#include "thmcheck/mf22/outlier_law.hpp"
#include "thmcheck/mf22/robust_regression.hpp"
#include "thmcheck/numerics/scalar.hpp"

namespace thmcheck::mf22 {

/// Which one-step statement is read.
enum class OneStepLemma {
  kSignal,          ///< Lemma 1, eq. (7)
  kResidual,        ///< Lemma 2, eq. (8) with the constant 3 of eq. (61)
  kDifference,      ///< Lemma 3, eq. (9)
  kDifferenceUsed,  ///< Lemma 3 as the proof uses it, eq. (69)
};
std::string to_string(OneStepLemma l);

/// Which delta the hypothesis gives at z.
enum class OneStepDelta {
  kMainText,  ///< main text (5): ||q - psi(z) z/||z|| ||_inf, psi as printed (exp(-eps^2/(2||z||)))
  kFullText,  ///< full version (5): ||q - psi(z) z/||z|| || (2-norm), psi as printed
  kAsProved,  ///< Appendix D (49)-(50): ||q - z/||z|| ||_inf (no psi)
};
std::string to_string(OneStepDelta d);

/// The data of the step at precision S (all converted from the doubles of the data set).
template <class S>
struct StepProblem {
  Matrix<S> x;                 ///< m x d
  Vector<S> noise;             ///< eps
  Vector<S> theta_star;
  OutlierLaw<S> law;           ///< P_o (enters psi)
  S corruption_rate = 0;       ///< p = |S|/m
  std::vector<bool> on_support;
  S column_scale = 0;          ///< max_j (1/m) sum_i |x_ij| (scale of Q's rounding)
};

/// The StepProblem of a data set at precision S.
template <class S>
StepProblem<S> step_problem(const RobustRegressionData& data, const OutlierLaw<S>& law);

/// One step and what the lemma reads off it.
template <class S>
struct OneStepReading {
  Vector<S> u_next, v_next;  ///< (u', v')
  S z_norm = 0;              ///< ||theta* - u (.) v||
  S boundary = 0;            ///< ||z|| / (eta ||theta*||): the hypothesis ||z|| >~ eta ||theta*|| is boundary >= 1
  S delta = 0;               ///< the smallest delta of the hypothesis (variant) at z
  S required = -1;           ///< max_i required_i (-1 when no coordinate is constrained)
  S error = 0;               ///< rounding bound on |required| + |delta| (see the .cpp)
  long coordinate = -1;      ///< argmax i (-1: none)
  int constrained = 0;       ///< how many coordinates the conclusion constrains
  std::string message = "read_one_step was not called.";
};

/// Takes the step from (u, v) with step eta and reads the lemma's conclusion
/// with the variant's delta. z = 0 (exact fit) gives message "z = 0" and no reading.
template <class S>
OneStepReading<S> read_one_step(const StepProblem<S>& problem, const Vector<S>& u, const Vector<S>& v,
                                const S& eta, OneStepLemma lemma, OneStepDelta variant);

/// The steps of a double SubGM run picked for checking at higher precision.
struct OneStepScan {
  std::vector<long> steps;            ///< picked iterations t, increasing
  std::vector<Vector<double>> u, v;   ///< their states (u^(t), v^(t))
  long scanned = 0;                   ///< iterations looked at
  long in_hypothesis = 0;             ///< of them with ||z|| >= eta ||theta*||
  double worst_ratio = 0;             ///< max required/delta in double over in-hypothesis steps
  std::string failure;                ///< non-empty when SubGM produced a non-finite iterate
};

/// Runs SubGM in double from (u0, v0) for at most `iterations` steps, stopping
/// at the first t with ||z|| < eta ||theta*|| (the hypothesis fails from
/// there on up to noise), reads the lemma at every step, and keeps the `keep`
/// in-hypothesis steps of largest required/delta plus the in-hypothesis step
/// closest to the boundary ||z|| = eta ||theta*|| (the first step when no step is in hypothesis).
OneStepScan scan_steps(const StepProblem<double>& problem, Vector<double> u0, Vector<double> v0, double eta,
                       long iterations, OneStepLemma lemma, OneStepDelta variant, int keep);

#define THMCHECK_MF22_ONE_STEP_EXTERN(S)                                                                \
  extern template StepProblem<S> step_problem<S>(const RobustRegressionData&, const OutlierLaw<S>&); \
  extern template OneStepReading<S> read_one_step<S>(const StepProblem<S>&, const Vector<S>&,        \
                                                     const Vector<S>&, const S&, OneStepLemma, OneStepDelta);
THMCHECK_MF22_ONE_STEP_EXTERN(double)
THMCHECK_MF22_ONE_STEP_EXTERN(Mp50)
THMCHECK_MF22_ONE_STEP_EXTERN(Mp100)
#undef THMCHECK_MF22_ONE_STEP_EXTERN

}  // namespace thmcheck::mf22
