// mf22 Proposition 1 (direction-preserving property, eq. (5); proof in
// Appendix E):
//   ||q - psi(z) z/||z|| || <= delta for q in Q(z), uniformly over (k, vartheta)-
//   approximately sparse z with r <= ||z|| <= R once m >~ k log^2 m log d
//   log(R/vartheta) / ((1-p)^2 delta^2); over every z once m >~ d log m /
//   ((1-p)^2 delta^2). psi(z) = sqrt(2/pi)(1 - p + p E[exp(-eps^2/(2||z||))]).
// Printed vs proved (Appendix E): the proof measures the deviation in ||.||_inf
// (eq. (99), (119), (132)) where (5) prints ||.|| (the 2-norm by the paper's
// notation), and Lemma 5 / (137) give exp(-eps^2/(2||z||^2)) where (5) prints
// exp(-eps^2/(2||z||)). The `.as-proved` siblings use the proof's forms.
//
// Checked here: the limit itself, E[Q(z)] = psi(z) z/||z|| at fixed z, by Monte
// Carlo (mf22.prop1.psi, .as-proved); and the sup deviation as a scaling law in
// m over k-sparse z (mf22.prop1), over all z (mf22.prop1.dense), and in d at
// fixed m (mf22.prop1.dim), each with its .as-proved sibling.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "thmcheck/engine/registry.hpp"
#include "thmcheck/engine/typed_instance.hpp"
#include "thmcheck/mf22/deviation_sweep.hpp"
#include "thmcheck/mf22/deviation_sweep_instance.hpp"
#include "thmcheck/mf22/outlier_law_instance.hpp"
#include "thmcheck/mf22/psi_instance.hpp"
#include "thmcheck/mf22/q_coefficient.hpp"
#include "thmcheck/mf22/robust_regression.hpp"
#include "thmcheck/mf22/sign_gradient.hpp"

namespace thmcheck::checks {
namespace {

using mf22::DeviationNorm;
using mf22::OutlierLaw;
using mf22::PsiForm;

// ---------------------------------------------------------------------------
// mf22.prop1.psi (and .as-proved): E[Q(z)] = psi(z) z/||z|| for fixed z.

/// The Monte Carlo coefficient <Q(z), z/||z||> of one data set against psi(||z||)
/// of `form`, judged as an equality within 4.5 standard errors.
template <class S>
Outcome evaluate_psi(const mf22::PsiInstance& in, PsiForm form) {
  using std::sqrt;
  const OutlierLaw<S> law_s = in.outlier_law<S>();
  const OutlierLaw<double> law = in.outlier_law<double>();
  const int permille = in.corruption_permille;
  const Vector<double> z = as_vector<double>(in.z);
  mf22::RobustRegressionSpec spec;
  spec.dimension = static_cast<int>(z.size());
  spec.samples = in.samples;
  spec.sparsity = 0;
  spec.corrupted = mf22::corrupted_count(spec.samples, permille);
  spec.outliers = law;
  spec.seed = in.seed;
  const mf22::RobustRegressionData data = mf22::draw_robust_regression(spec);
  const int m = spec.samples;
  // Terms a_i = Sign(<x_i, z> + eps_i) <x_i, u>, u = z/||z||: their mean is the
  // coefficient of E[Q(z)] along u (stratified over S and its complement).
  const Vector<double> u = z / z.norm();
  const Vector<double> proj = data.x * u;
  const Vector<double> inner = data.x * z + data.noise;
  std::vector<int> in_s(m, 0);
  for (int i : data.corrupted) in_s[i] = 1;
  const mf22::QCoefficient mc = mf22::q_coefficient(proj, inner, in_s);
  const double coefficient = mc.mean;
  const double standard_error = mc.standard_error;
  const S norm_z = as_vector<S>(in.z).norm();
  const S p = S(spec.corrupted) / S(m);
  const S predicted = mf22::psi(law_s, p, norm_z, form);
  const PsiForm other_form = form == PsiForm::kPrinted ? PsiForm::kAsProved : PsiForm::kPrinted;
  const S other = mf22::psi(law_s, p, norm_z, other_form);
  // Orthogonal part of the mean of Q(z): should be 0 (reported, not judged).
  const Matrix<double> q = mf22::sign_gradient_batch(data.x, data.noise, Matrix<double>(z));
  const double orthogonal = (q.col(0) - coefficient * u).lpNorm<Eigen::Infinity>();

  Outcome o;
  o.relation = Relation::kEqual;
  o.measured = Wide(coefficient);
  o.bound = widen(predicted);
  // Monte Carlo half-width: 4.5 standard errors (two-sided level 7e-6 per case,
  // so < 1e-3 chance of a false alarm over 100 cases); double rounding of the
  // m-term sums (m u |a|max ~ 1e-10) is negligible next to it.
  o.error = Wide(4.5 * standard_error + 1e-9);
  o.hypotheses = mf22::assumption1_checks(law_s);
  o.details = {{"||z||", to_decimal(norm_z, 6)},
               {"p", to_decimal(p, 6)},
               {"m", std::to_string(m)},
               {"Monte Carlo coefficient <Q(z), z/||z||>",
                fmt::format("{:.6f} +- {:.2g} (1 s.e.)", coefficient, standard_error)},
               {std::string("psi ") + mf22::to_string(form), to_decimal(predicted, 8)},
               {std::string("psi ") + mf22::to_string(other_form), to_decimal(other, 8)},
               {"||Q(z) - coef u||_inf (orthogonal part, expected 0 +- O(1/sqrt(m)))",
                fmt::format("{:.3g}", orthogonal)}};
  return o;
}

/// What mf22.prop1.psi and its sibling share.
Claim psi_claim_common() {
  Claim c;
  c.paper = "mf22";
  c.kind = ClaimKind::kExplicit;
  c.hypotheses = mf22::assumption1_hypotheses();
  c.measurement =
      "One data set with m = 200000 and d <= 8: the Monte Carlo coefficient <Q(z), z/||z||> "
      "(whose expectation is the coefficient of E[Q(z)] along z) against psi(||z||); equality "
      "judged within 4.5 standard errors (stratified over S and its complement).";
  c.generator_info = mf22::psi_generator_info();
  c.default_cases = 60;
  c.error_is_rounding = false;
  return c;
}

Claim prop1_psi() {
  Claim c = psi_claim_common();
  c.id = "mf22.prop1.psi";
  c.source = "Proposition 1, eq. (5) (the limit psi(z) z/||z|| of Q(z))";
  c.summary = "E[Q(z)] = sqrt(2/pi)(1 - p + p E[exp(-eps^2/(2||z||))]) z/||z||";
  c.statement =
      "|| q - sqrt(2/pi) (1 - p + p E[e^{-eps^2/(2||z||)}]) z/||z|| || <= delta   (5): "
      "the direction-preserving limit of Q(z) = (1/m) sum_i Sign(<x_i, z> + eps_i) x_i";
  c.notes = "Differs from the as-proved form by ||z|| vs ||z||^2 in the exponent; the two "
            "agree at ||z|| = 1 and when p = 0.";
  c.proof_note =
      "E[Q(z)] is estimated by Monte Carlo (a random sample mean with a sampling error, not a bound), so a "
      "violation is certified at the estimate's confidence, never proved";
  set_instances<mf22::PsiInstance>(c, mf22::psi_instances(), []<class S>(const mf22::PsiInstance& in) {
    return evaluate_psi<S>(in, PsiForm::kPrinted);
  });
  return c;
}

Claim prop1_psi_as_proved() {
  Claim c = psi_claim_common();
  c.id = "mf22.prop1.psi.as-proved";
  c.source = "Lemma 5 and eq. (137), Appendix E / G.1";
  c.summary = "E[Q(z)] = sqrt(2/pi)(1 - p + p E[exp(-eps^2/(2||z||^2))]) z/||z||";
  c.statement =
      "phi(u) = E[Sign(<x, u> + eps) <x, v>] / <u/||u||, v> = sqrt(2/pi)(1 - p) + "
      "sqrt(2/pi) p E[e^{-eps^2/(2||u||^2)}]   (Lemma 5; (137))";
  c.notes = "The proof's form (Lemma 5). Lemma 5 does not use E[zeta] = 0, so it should "
            "hold for Cauchy outliers too.";
  set_instances<mf22::PsiInstance>(c, mf22::psi_instances(), []<class S>(const mf22::PsiInstance& in) {
    return evaluate_psi<S>(in, PsiForm::kAsProved);
  });
  return c;
}

// ---------------------------------------------------------------------------
// mf22.prop1 / .dense / .dim (and .as-proved): the sup deviation, estimated by
// search (lib/mf22/deviation_sweep), against m (or d).

const char* const kPsiPrinted = "sqrt(2/pi)(1 - p + p E[e^{-eps^2/(2||z||)}])";
const char* const kPsiAsProved = "sqrt(2/pi)(1 - p + p E[e^{-eps^2/(2||z||^2)}])";

/// Proposition 1's first statement (k-sparse z), with psi and the norm spelled out.
std::string sparse_statement(const std::string& psi_text, const std::string& norm_text) {
  return "If m >~ k log^2(m) log(d) log(R/vartheta) / ((1-p)^2 delta^2), then w.p. 1 - "
         "Ce^{-Omega(m delta^2)}, || q - psi(z) z/||z|| || <= delta for any q in Q(z) and any "
         "(k, vartheta)-approximately sparse z with sqrt(dm/k) vartheta log(1/vartheta) <~ "
         "||z|| <= R; psi(z) = " +
         psi_text + ", norm " + norm_text + ".";
}

/// Proposition 1's second statement (every z, m >~ d log m).
std::string dense_statement(const std::string& psi_text, const std::string& norm_text) {
  return "Moreover, if m >~ d log(m) / ((1-p)^2 delta^2), with probability 1 - Ce^{-Omega(m "
         "delta^2)}, || q - psi(z) z/||z|| || <= delta holds for every z in R^d, psi(z) = " +
         psi_text + ", norm " + norm_text + ".";
}

/// What the six deviation sweeps share; `printed` selects the source and the
/// notes of the as-printed claim or its .as-proved sibling.
Claim deviation_claim_common(bool printed) {
  Claim c;
  c.paper = "mf22";
  c.source = printed ? "Proposition 1, eq. (5), full version (2-norm)" : "Proposition 1 as proved: eq. (99), (119), (132)";
  c.kind = ClaimKind::kScaling;
  c.hypotheses = mf22::assumption1_hypotheses();
  c.y_label = "sup deviation (search lower bound)";
  c.measurement =
      "For each grid point an independent data set (X Gaussian, |S| = round(p m), eps ~ P_o on "
      "S); the sup over z of || Q(z) - psi(z) z/||z|| || is estimated by sampling k-sparse z, "
      "regression-built adversarial z and hill climbing (640 z per point); every value is "
      "attained, so each point is a lower bound on the sup. Exactly k-sparse z are "
      "(k, vartheta)-approximately sparse for every vartheta > 0, so the lower limit on ||z|| "
      "holds with vartheta small enough (log(R/vartheta) then enters only through logs).";
  c.notes = printed ? "As printed: 2-norm and exp(-eps^2/(2||z||)). The sibling .as-proved uses "
                      "the inf-norm of (99) and exp(-eps^2/(2||z||^2)) of Lemma 5. Weak where it holds: "
                      "the printed psi is biased away from ||z|| = 1 (mf22.prop1.psi, violated), so the "
                      "deviation must level off at that bias as m grows; on the m grid of the default run "
                      "(m <= 6400) the sampling noise still exceeds it. Measured on case 3 of the default "
                      "run extended to m = 100 2^i, i < 12: the sup deviation falls 0.786, 0.562, ... "
                      "0.144 (m = 6400), then 0.129, 0.117, 0.109, 0.108, 0.103 (m = 204800), a plateau "
                      "near 0.10; yet the pooled log-log slope over the whole grid is -0.27, still inside "
                      "the tolerance 0.25 that the log factors of the rate need at small m. Telling the "
                      "plateau needs a judgement of the large-m slope alone: mf22.prop1.large-m."
                    : "As proved in Appendix E: inf-norm, psi from Lemma 5.";
  c.error_is_rounding = false;
  return c;
}

/// Gives a deviation-sweep claim its instances along `axis` and its measure.
void set_sweep_instances(Claim& c, mf22::DeviationAxis axis, PsiForm form, DeviationNorm norm) {
  c.generator_info = mf22::deviation_generator_info(axis);
  set_instances<mf22::DeviationSweepInstance>(
      c, mf22::deviation_sweep_instances(axis),
      [form, norm]<class S>(const mf22::DeviationSweepInstance& in) {
        return mf22::deviation_sweep_outcome<S>(in, form, norm);
      });
}

/// mf22.prop1 / mf22.prop1.as-proved: sup over k-sparse z against m.
Claim sparse_sweep_claim(const char* id, PsiForm form, DeviationNorm norm, const char* psi_text,
                         const char* norm_text) {
  Claim c = deviation_claim_common(form == PsiForm::kPrinted);
  c.id = id;
  c.statement = sparse_statement(psi_text, norm_text);
  c.summary = std::string("sup deviation over k-sparse z shrinks like m^{-1/2} up to logs (") +
              mf22::to_string(norm) + ", psi " + mf22::to_string(form) + ")";
  c.x_label = "m";
  c.predicted_exponent = -0.5;
  // delta ~ sqrt(log^2(m)/m): the local log-log slope is -1/2 + 1/ln(m), up to
  // 0.22 above -1/2 at the smallest m of the grid (100).
  c.exponent_tolerance = 0.25;
  c.default_cases = 30;
  set_sweep_instances(c, mf22::DeviationAxis::kSparseSamples, form, norm);
  return c;
}

/// mf22.prop1.dense / .dense.as-proved: sup over every z against m (m >~ d log m).
Claim dense_sweep_claim(const char* id, PsiForm form, DeviationNorm norm, const char* psi_text,
                        const char* norm_text) {
  Claim c = deviation_claim_common(form == PsiForm::kPrinted);
  c.id = id;
  c.statement = dense_statement(psi_text, norm_text);
  c.summary = std::string("sup deviation over all z shrinks like m^{-1/2} up to logs (") +
              mf22::to_string(norm) + ", psi " + mf22::to_string(form) + ")";
  c.x_label = "m";
  c.predicted_exponent = -0.5;
  // delta ~ sqrt(log(m)/m): the local log-log slope is -1/2 + 1/(2 ln m), up to
  // 0.08 above -1/2 at the smallest m of the grid (400).
  c.exponent_tolerance = 0.1;
  c.default_cases = 30;
  set_sweep_instances(c, mf22::DeviationAxis::kDenseSamples, form, norm);
  return c;
}

/// mf22.prop1.dim / .dim.as-proved: at fixed m, k the sup over k-sparse z against d.
Claim dimension_sweep_claim(const char* id, PsiForm form, DeviationNorm norm, const char* psi_text,
                            const char* norm_text) {
  Claim c = deviation_claim_common(form == PsiForm::kPrinted);
  c.id = id;
  c.statement = sparse_statement(psi_text, norm_text);
  c.summary = std::string("at fixed m, k the sup deviation over k-sparse z depends on d only "
                          "through logs (") + mf22::to_string(norm) + ", psi " +
              mf22::to_string(form) + ")";
  c.x_label = "d";
  c.predicted_exponent = 0;
  // delta ~ sqrt(log(d) log(R/vartheta)) with vartheta ~ r sqrt(k/(dm)): both
  // logs grow with ln d, local slope up to 1/ln(d) = 0.26 at d = 50.
  c.exponent_tolerance = 0.26;
  c.default_cases = 12;
  c.slow = true;
  set_sweep_instances(c, mf22::DeviationAxis::kDimension, form, norm);
  return c;
}

/// mf22.prop1.large-m / .large-m.as-proved: the sparse sweep at m = 6400 ..
/// 204800 only, where the printed psi's bias (mf22.prop1.psi) outweighs the
/// sampling noise: the large-m slope that mf22.prop1's pooled fit cannot tell.
Claim large_sweep_claim(const char* id, PsiForm form, DeviationNorm norm, const char* psi_text,
                        const char* norm_text) {
  Claim c = deviation_claim_common(form == PsiForm::kPrinted);
  c.id = id;
  c.statement = sparse_statement(psi_text, norm_text);
  c.summary = std::string("at large m (6400 .. 204800) the sup deviation over k-sparse z still shrinks like "
                          "m^{-1/2} up to logs (") + mf22::to_string(norm) + ", psi " + mf22::to_string(form) + ")";
  c.x_label = "m";
  c.predicted_exponent = -0.5;
  // delta ~ sqrt(log^2(m)/m): the local log-log slope is -1/2 + 1/ln(m), at
  // most 0.114 above -1/2 on this grid (m >= 6400).
  c.exponent_tolerance = 0.15;
  c.default_cases = 4;
  c.slow = true;  // about 20 s per case (six data sets of up to 204800 rows)
  c.notes = form == PsiForm::kPrinted
                ? "The large-m judgement of mf22.prop1: the same instances (d, k, p, law, ||z|| drawn alike) on "
                  "m = 6400 2^i, i < 6 only, where the printed psi's bias (mf22.prop1.psi) exceeds the sampling "
                  "noise, so a deviation that levels off at the bias shows as a slope near 0. Four cases (each "
                  "20 s); the tolerance 0.15 covers the log factor's local slope 1/ln(m) <= 0.114 here."
                : "Control for mf22.prop1.large-m: the proof's inf-norm and Lemma 5's psi on the same large-m grid.";
  set_sweep_instances(c, mf22::DeviationAxis::kSparseLargeSamples, form, norm);
  return c;
}

/// The main text's (5): the inf-norm (as the proof, eq. (99)) with the
/// printed psi, exp(-eps^2/(2||z||)). The full version prints the 2-norm
/// (mf22.prop1, .dense); the proof uses the inf-norm with Lemma 5's psi (.as-proved).
Claim main_text_sibling(Claim c, const char* id) {
  c.id = id;
  c.slow = true;  // ctest budget: its 100-case registry test takes ~35 s
  c.source = "Proposition 1, eq. (5), main text (inf-norm)";
  c.notes = "The main text prints (5) with ||.||_inf and exp(-eps^2/(2||z||)); the full version prints "
            "the 2-norm (mf22.prop1 / .dense) and the proof uses the inf-norm with exp(-eps^2/(2||z||^2)) "
            "(.as-proved). Weak for the same reason as mf22.prop1: on this m grid the sampling noise exceeds "
            "the printed psi's bias.";
  return c;
}

}  // namespace

THMCHECK_REGISTER(mf22_prop1) {
  registry.add(main_text_sibling(
      sparse_sweep_claim("", PsiForm::kPrinted, DeviationNorm::kInf, kPsiPrinted, "||.||_inf"), "mf22.prop1.main-text"));
  registry.add(main_text_sibling(
      dense_sweep_claim("", PsiForm::kPrinted, DeviationNorm::kInf, kPsiPrinted, "||.||_inf"),
      "mf22.prop1.dense.main-text"));
  registry.add(prop1_psi());
  registry.add(prop1_psi_as_proved());
  // As printed: the 2-norm and exp(-eps^2/(2||z||)); as proved: the inf-norm
  // of (99) and exp(-eps^2/(2||z||^2)) of Lemma 5.
  registry.add(sparse_sweep_claim("mf22.prop1", PsiForm::kPrinted, DeviationNorm::kTwo, kPsiPrinted, "||.||"));
  registry.add(sparse_sweep_claim("mf22.prop1.as-proved", PsiForm::kAsProved, DeviationNorm::kInf,
                                  kPsiAsProved, "||.||_inf"));
  registry.add(large_sweep_claim("mf22.prop1.large-m", PsiForm::kPrinted, DeviationNorm::kTwo, kPsiPrinted, "||.||"));
  registry.add(large_sweep_claim("mf22.prop1.large-m.as-proved", PsiForm::kAsProved, DeviationNorm::kInf,
                                 kPsiAsProved, "||.||_inf"));
  registry.add(dense_sweep_claim("mf22.prop1.dense", PsiForm::kPrinted, DeviationNorm::kTwo, kPsiPrinted, "||.||"));
  registry.add(dense_sweep_claim("mf22.prop1.dense.as-proved", PsiForm::kAsProved, DeviationNorm::kInf,
                                 kPsiAsProved, "||.||_inf"));
  registry.add(dimension_sweep_claim("mf22.prop1.dim", PsiForm::kPrinted, DeviationNorm::kTwo, kPsiPrinted,
                                     "||.||"));
  registry.add(dimension_sweep_claim("mf22.prop1.dim.as-proved", PsiForm::kAsProved, DeviationNorm::kInf,
                                     kPsiAsProved, "||.||_inf"));
}

}  // namespace thmcheck::checks
