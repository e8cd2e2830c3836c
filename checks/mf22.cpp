// Claims of Ma & Fattahi (2022), "Blessing of Depth in Linear Regression:
// Deeper Models Have Flatter Landscape Around the True Solution" (mf22).
//
// Proposition 1 (direction-preserving property, eq. (5); proof in Appendix E):
//   ||q - psi(z) z/||z|| || <= delta for q in Q(z), uniformly over (k, vartheta)-
//   approximately sparse z with r <= ||z|| <= R once m >~ k log^2 m log d
//   log(R/vartheta) / ((1-p)^2 delta^2); over every z once m >~ d log m /
//   ((1-p)^2 delta^2). psi(z) = sqrt(2/pi)(1 - p + p E[exp(-eps^2/(2||z||))]).
// Printed vs proved (Appendix E): the proof measures the deviation in ||.||_inf
// (eq. (99), (119), (132)) where (5) prints ||.|| (the 2-norm by the paper's
// notation), and Lemma 5 / (137) give exp(-eps^2/(2||z||^2)) where (5) prints
// exp(-eps^2/(2||z||)). The `.as-proved` siblings use the proof's forms.
//
// Theorems 1 and 4 (landscape) and Theorems 2, 3 (SubGM) follow below.
#include <fmt/format.h>
#include <rapidcheck.h>

#include <algorithm>
#include <cmath>

#include "checks/catalog.hpp"
#include "lib/generators/random_data.hpp"
#include "lib/mf22/outlier_law.hpp"
#include "lib/mf22/robust_regression.hpp"
#include "lib/mf22/sign_gradient.hpp"

namespace thmcheck::checks {
namespace {

using mf22::DeviationNorm;
using mf22::OutlierKind;
using mf22::OutlierLaw;
using mf22::PsiForm;

// ---------------------------------------------------------------------------
// Shared pieces.

const std::vector<OutlierKind> kLaws = {OutlierKind::kGaussian, OutlierKind::kUniform,
                                        OutlierKind::kTwoPoint, OutlierKind::kStudentT3,
                                        OutlierKind::kCauchy};

/// Reads the outlier law {"law": name, "outlier_scale": decimal} at precision S.
template <class S>
OutlierLaw<S> read_law(const Json& j) {
  OutlierLaw<S> law;
  try {
    law.kind = mf22::parse_outlier_kind(read_string(j, "law"));
  } catch (const std::invalid_argument& e) {
    throw InputError(std::string("field 'law': ") + e.what());
  }
  law.scale = read_real<S>(j, "outlier_scale");
  if (!(law.scale > 0)) throw InputError("field 'outlier_scale': must be positive");
  return law;
}

/// Assumption 1 on the outlier law: E[zeta] = 0 (certified from the law's
/// definition) and P(|zeta| >= t0) >= p0 > 0 with t0 = scale/2 (closed form).
template <class S>
std::vector<HypothesisCheck> assumption1_checks(const OutlierLaw<S>& law) {
  HypothesisCheck mean{"assumption1.mean", law.satisfies_mean_assumption(), Evidence::kCertified,
                       law.satisfies_mean_assumption()
                           ? mf22::to_string(law.kind) + " is symmetric with a finite mean: E[zeta] = 0"
                           : "Cauchy outliers have no mean: E[zeta] = 0 fails (out of hypothesis)"};
  const S t0 = law.scale / 2;
  const S p0 = law.tail_probability(t0);
  HypothesisCheck tail{"assumption1.tail", p0 > 0, Evidence::kCertified,
                       fmt::format("P(|zeta| >= t0) = {} with t0 = {} (closed form)",
                                   to_decimal(p0, 6), to_decimal(t0, 6))};
  return {mean, tail};
}

/// Corrupted count |S| = round(p m) for a corruption rate given in permille.
int corrupted_count(int m, int permille) {
  return static_cast<int>(std::lround(m * permille / 1000.0));
}

// ---------------------------------------------------------------------------
// mf22.prop1 / mf22.prop1.dense / mf22.prop1.dim (and .as-proved): the sup
// deviation, estimated by search, against m (or d).

struct DeviationSweepParams {
  int dimension;
  int sparsity;
  int corruption_permille;  // p = permille / 1000
  int law;                  // index into kLaws
  int scale_exp;            // outlier scale 10^(scale_exp / 2)
  std::uint64_t seed;
};

/// What the sweep varies.
enum class SweepAxis { kSamples, kDimension };

struct SweepSetup {
  SweepAxis axis = SweepAxis::kSamples;
  bool dense = false;
  PsiForm form = PsiForm::kPrinted;
  DeviationNorm norm = DeviationNorm::kTwo;
};

rc::Gen<Json> deviation_sweep_generator(SweepAxis axis, bool dense) {
  auto params = rc::gen::build<DeviationSweepParams>(
      rc::gen::set(&DeviationSweepParams::dimension,
                   dense ? rc::gen::inRange(3, 21) : rc::gen::inRange(20, 61)),
      rc::gen::set(&DeviationSweepParams::sparsity, rc::gen::inRange(1, 21)),
      rc::gen::set(&DeviationSweepParams::corruption_permille, rc::gen::inRange(0, 451)),
      rc::gen::set(&DeviationSweepParams::law, rc::gen::inRange(0, 5)),
      rc::gen::set(&DeviationSweepParams::scale_exp, rc::gen::inRange(-2, 5)),
      rc::gen::set(&DeviationSweepParams::seed, rc::gen::arbitrary<std::uint64_t>()));
  return rc::gen::map(params, [axis, dense](const DeviationSweepParams& q) {
    Json j;
    const double scale = std::pow(10.0, q.scale_exp / 2.0);
    j["law"] = mf22::to_string(kLaws[q.law]);
    j["outlier_scale"] = short_decimal(scale, 6);
    j["corruption_permille"] = q.corruption_permille;
    // ||z|| spans three decades around the outlier scale, where psi varies.
    j["norm_min"] = short_decimal(scale * std::pow(10.0, -1.5), 6);
    j["norm_max"] = short_decimal(scale * std::pow(10.0, 1.5), 6);
    j["seed"] = q.seed;
    Json grid = Json::array();
    if (axis == SweepAxis::kSamples) {
      const int d = q.dimension;
      j["dimension"] = d;
      j["sparsity"] = dense ? d : std::min(q.sparsity, d / 2);
      // The same grid for every case (the engine pools all points into one
      // fit, which is unbiased only if the x values do not depend on the
      // case). Dense: d <= 20 and m >= 400 >= 4 d ln(4 d) >= d ln m at m = 400.
      const int m0 = dense ? 400 : 100;
      for (int i = 0; i < (dense ? 5 : 7); ++i) grid.push_back(m0 << i);
      j["samples_grid"] = grid;
    } else {
      j["samples"] = 400;
      j["sparsity"] = std::min(q.sparsity, 5);
      for (int d : {50, 100, 200, 400, 800, 1600}) grid.push_back(d);
      j["dimension_grid"] = grid;
    }
    return j;
  });
}

void validate_deviation_sweep(const Json& j) {
  read_law<double>(j);
  read_integer(j, "corruption_permille", 0, 999);
  const double r = read_real<double>(j, "norm_min"), big_r = read_real<double>(j, "norm_max");
  if (!(r > 0 && big_r >= r)) throw InputError("fields 'norm_min', 'norm_max': need 0 < r <= R");
  read_integer(j, "sparsity", 1, 100000);
  if (has_field(j, "samples_grid")) {
    read_integer(j, "dimension", 1, 100000);
    for (double m : read_vector<double>(j, "samples_grid"))
      if (!(m >= 2 && m <= 1e6)) throw InputError("field 'samples_grid': entries in [2, 1e6]");
  } else {
    read_integer(j, "samples", 2, 1000000);
    for (double d : read_vector<double>(j, "dimension_grid"))
      if (!(d >= 1 && d <= 1e5)) throw InputError("field 'dimension_grid': entries in [1, 1e5]");
  }
}

template <class S>
Outcome evaluate_deviation_sweep(const Json& j, const SweepSetup& setup) {
  const OutlierLaw<S> law_s = read_law<S>(j);
  const OutlierLaw<double> law = read_law<double>(j);
  const int permille = static_cast<int>(read_integer(j, "corruption_permille", 0, 999));
  const std::uint64_t seed = j.at("seed").get<std::uint64_t>();
  const bool by_samples = has_field(j, "samples_grid");
  std::vector<int> grid;
  for (double v : read_vector<double>(j, by_samples ? "samples_grid" : "dimension_grid"))
    grid.push_back(static_cast<int>(v));
  Outcome o;
  o.hypotheses = assumption1_checks(law_s);
  std::string series;
  double worst_other = 0;
  for (std::size_t g = 0; g < grid.size(); ++g) {
    mf22::RobustRegressionSpec spec;
    spec.dimension = by_samples ? static_cast<int>(read_integer(j, "dimension", 1, 100000)) : grid[g];
    spec.samples = by_samples ? grid[g] : static_cast<int>(read_integer(j, "samples", 2, 1000000));
    spec.sparsity = 0;  // theta* plays no role in Q(z): the data are (X, eps)
    spec.corrupted = corrupted_count(spec.samples, permille);
    spec.outliers = law;
    spec.seed = seed + 7919 * g;
    const mf22::RobustRegressionData data = mf22::draw_robust_regression(spec);
    mf22::DeviationSearchOptions options;
    options.sparsity = std::min<int>(static_cast<int>(read_integer(j, "sparsity", 1, 100000)),
                                     spec.dimension);
    options.norm_min = read_real<double>(j, "norm_min");
    options.norm_max = read_real<double>(j, "norm_max");
    options.form = setup.form;
    options.norm = setup.norm;
    options.seed = seed ^ (0x9e3779b97f4a7c15ULL * (g + 1));
    const mf22::DeviationSearchResult r =
        mf22::search_deviation(data.x, data.noise, law, data.corruption_rate(), options);
    if (r.best_deviation <= 0 || r.message != "ok") {
      o.ok = false;
      o.message = "deviation search failed: " + r.message;
      return o;
    }
    const double x = by_samples ? spec.samples : spec.dimension;
    o.points.emplace_back(Wide(x), Wide(r.best_deviation));
    // The same z under the other psi form, for the report.
    Matrix<double> z = r.best_z;
    const PsiForm other = setup.form == PsiForm::kPrinted ? PsiForm::kAsProved : PsiForm::kPrinted;
    worst_other = std::max(worst_other, mf22::deviations(data.x, data.noise, law,
                                                         data.corruption_rate(), z, other,
                                                         setup.norm)(0));
    series += fmt::format("{}{}={:.0f}: {:.4g} (||z||={:.3g}, {} z)", g ? "; " : "",
                          by_samples ? "m" : "d", x, r.best_deviation, r.best_z.norm(),
                          r.evaluations);
  }
  o.details = {{"deviation by " + std::string(by_samples ? "m" : "d"), series},
               {"psi", mf22::to_string(setup.form)},
               {"norm", mf22::to_string(setup.norm)},
               {"max deviation of the best z with the other psi", fmt::format("{:.4g}", worst_other)},
               {"search", "per grid point: 2x64 random k-sparse z, 2x64 regression-built z, "
                          "6x64 hill-climbing steps; each value is attained, so a lower bound "
                          "on the sup"}};
  o.message = "each point is a lower bound on the sup deviation (search, not exhaustive)";
  return o;
}

// ---------------------------------------------------------------------------
// mf22.prop1.psi (and .as-proved): E[Q(z)] = psi(z) z/||z|| for fixed z.

struct PsiParams {
  int dimension;
  int corruption_permille;
  int law;
  int scale_exp;  // outlier scale 10^(scale_exp/2)
  int norm_exp;   // ||z|| = scale 10^(norm_exp/4)
  std::uint64_t seed;
};

rc::Gen<Json> psi_generator() {
  auto params = rc::gen::build<PsiParams>(
      rc::gen::set(&PsiParams::dimension, rc::gen::inRange(1, 9)),
      rc::gen::set(&PsiParams::corruption_permille, rc::gen::inRange(0, 451)),
      rc::gen::set(&PsiParams::law, rc::gen::inRange(0, 5)),
      rc::gen::set(&PsiParams::scale_exp, rc::gen::inRange(-2, 5)),
      rc::gen::set(&PsiParams::norm_exp, rc::gen::inRange(-8, 9)),
      rc::gen::set(&PsiParams::seed, rc::gen::arbitrary<std::uint64_t>()));
  return rc::gen::map(params, [](const PsiParams& q) {
    RandomSource rng(q.seed);
    const double scale = std::pow(10.0, q.scale_exp / 2.0);
    Json j;
    j["law"] = mf22::to_string(kLaws[q.law]);
    j["outlier_scale"] = short_decimal(scale, 6);
    j["corruption_permille"] = q.corruption_permille;
    j["samples"] = 200000;
    Vector<double> z = random_unit_vector(q.dimension, rng) * scale * std::pow(10.0, q.norm_exp / 4.0);
    Json zj = Json::array();
    for (int i = 0; i < z.size(); ++i) zj.push_back(short_decimal(z(i), 8));
    j["z"] = zj;
    j["seed"] = q.seed;
    return j;
  });
}

void validate_psi(const Json& j) {
  read_law<double>(j);
  read_integer(j, "corruption_permille", 0, 999);
  read_integer(j, "samples", 2, 10000000);
  const Vector<double> z = read_vector<double>(j, "z");
  if (z.size() < 1 || !(z.norm() > 0)) throw InputError("field 'z': must be a nonzero vector");
}

template <class S>
Outcome evaluate_psi(const Json& j, PsiForm form) {
  using std::sqrt;
  const OutlierLaw<S> law_s = read_law<S>(j);
  const OutlierLaw<double> law = read_law<double>(j);
  const int permille = static_cast<int>(read_integer(j, "corruption_permille", 0, 999));
  const Vector<double> z = read_vector<double>(j, "z");
  mf22::RobustRegressionSpec spec;
  spec.dimension = static_cast<int>(z.size());
  spec.samples = static_cast<int>(read_integer(j, "samples", 2, 10000000));
  spec.sparsity = 0;
  spec.corrupted = corrupted_count(spec.samples, permille);
  spec.outliers = law;
  spec.seed = j.at("seed").get<std::uint64_t>();
  const mf22::RobustRegressionData data = mf22::draw_robust_regression(spec);
  const int m = spec.samples;
  // Terms a_i = Sign(<x_i, z> + eps_i) <x_i, u>, u = z/||z||; their mean is the
  // coefficient of E[Q(z)] along u. Rows are independent given S, with two
  // strata (S and its complement), so Var(mean) = sum over strata n_s var_s / m^2.
  const Vector<double> u = z / z.norm();
  const Vector<double> proj = data.x * u;
  const Vector<double> inner = data.x * z + data.noise;
  std::vector<char> in_s(m, 0);
  for (int i : data.corrupted) in_s[i] = 1;
  double sum[2] = {0, 0}, sum2[2] = {0, 0};
  long count[2] = {0, 0};
  for (int i = 0; i < m; ++i) {
    const double sgn = inner(i) > 0 ? 1.0 : (inner(i) < 0 ? -1.0 : 0.0);
    const double a = sgn * proj(i);
    sum[in_s[i]] += a;
    sum2[in_s[i]] += a * a;
    ++count[in_s[i]];
  }
  double var = 0;
  for (int s = 0; s < 2; ++s) {
    if (count[s] > 1) {
      const double mean = sum[s] / count[s];
      var += count[s] * (sum2[s] - count[s] * mean * mean) / (count[s] - 1);
    }
  }
  const double coefficient = (sum[0] + sum[1]) / m;
  const double standard_error = std::sqrt(std::max(var, 0.0)) / m;
  const S norm_z = read_vector<S>(j, "z").norm();
  const S p = S(spec.corrupted) / S(m);
  const S predicted = mf22::psi(law_s, p, norm_z, form);
  const S other = mf22::psi(law_s, p, norm_z,
                            form == PsiForm::kPrinted ? PsiForm::kAsProved : PsiForm::kPrinted);
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
  o.hypotheses = assumption1_checks(law_s);
  o.details = {{"||z||", to_decimal(norm_z, 6)},
               {"p", to_decimal(p, 6)},
               {"m", std::to_string(m)},
               {"Monte Carlo coefficient <Q(z), z/||z||>", fmt::format("{:.6f} +- {:.2g} (1 s.e.)", coefficient, standard_error)},
               {std::string("psi ") + mf22::to_string(form), to_decimal(predicted, 8)},
               {std::string("psi ") + mf22::to_string(form == PsiForm::kPrinted ? PsiForm::kAsProved : PsiForm::kPrinted),
                to_decimal(other, 8)},
               {"||Q(z) - coef u||_inf (orthogonal part, expected 0 +- O(1/sqrt(m)))",
                fmt::format("{:.3g}", orthogonal)}};
  return o;
}

Claim psi_claim(PsiForm form) {
  Claim c;
  const bool printed = form == PsiForm::kPrinted;
  c.id = printed ? "mf22.prop1.psi" : "mf22.prop1.psi.as-proved";
  c.paper = "mf22";
  c.source = printed ? "Proposition 1, eq. (5) (the limit psi(z) z/||z|| of Q(z))"
                     : "Lemma 5 and eq. (137), Appendix E / G.1";
  c.summary = printed ? "E[Q(z)] = sqrt(2/pi)(1 - p + p E[exp(-eps^2/(2||z||))]) z/||z||"
                      : "E[Q(z)] = sqrt(2/pi)(1 - p + p E[exp(-eps^2/(2||z||^2))]) z/||z||";
  c.statement =
      printed ? "|| q - sqrt(2/pi) (1 - p + p E[e^{-eps^2/(2||z||)}]) z/||z|| || <= delta   (5): "
                "the direction-preserving limit of Q(z) = (1/m) sum_i Sign(<x_i, z> + eps_i) x_i"
              : "phi(u) = E[Sign(<x, u> + eps) <x, v>] / <u/||u||, v> = sqrt(2/pi)(1 - p) + "
                "sqrt(2/pi) p E[e^{-eps^2/(2||u||^2)}]   (Lemma 5; (137))";
  c.kind = ClaimKind::kExplicit;
  c.hypotheses = {{"assumption1.mean", "E_{P_o}[zeta] = 0 (Assumption 1)"},
                  {"assumption1.tail", "P(|zeta| >= t0) >= p0 > 0 (Assumption 1)"}};
  c.measurement =
      "One data set with m = 200000 and d <= 8: the Monte Carlo coefficient <Q(z), z/||z||> "
      "(whose expectation is the coefficient of E[Q(z)] along z) against psi(||z||); equality "
      "judged within 4.5 standard errors (stratified over S and its complement).";
  c.generator_info =
      "d in [1, 8], p in [0, 0.45], outliers Gaussian / uniform / two-point / Student-t3 / "
      "Cauchy (Cauchy violates E[zeta] = 0), outlier scale 10^[-1, 2], ||z|| = scale "
      "10^[-2, 2].";
  c.instance_schema =
      "{\"law\", \"outlier_scale\", \"corruption_permille\": 1000 p, \"samples\": m, \"z\": [d], "
      "\"seed\"}";
  c.notes = printed ? "Differs from the as-proved form by ||z|| vs ||z||^2 in the exponent; the two "
                      "agree at ||z|| = 1 and when p = 0."
                    : "The proof's form (Lemma 5). Lemma 5 does not use E[zeta] = 0, so it should "
                      "hold for Cauchy outliers too.";
  c.default_cases = 60;
  c.error_is_rounding = false;
  c.generator = psi_generator();
  c.validate = validate_psi;
  c.evaluate = make_evaluator([form]<class S>(const Json& j) { return evaluate_psi<S>(j, form); });
  return c;
}

Claim deviation_claim(const SweepSetup& setup) {
  Claim c;
  const bool printed = setup.form == PsiForm::kPrinted;
  const std::string base = setup.axis == SweepAxis::kDimension ? "mf22.prop1.dim"
                           : setup.dense                      ? "mf22.prop1.dense"
                                                              : "mf22.prop1";
  c.id = printed ? base : base + ".as-proved";
  c.paper = "mf22";
  c.source = printed ? "Proposition 1, eq. (5)" : "Proposition 1 as proved: eq. (99), (119), (132)";
  const std::string psi_text =
      printed ? "sqrt(2/pi)(1 - p + p E[e^{-eps^2/(2||z||)}])" : "sqrt(2/pi)(1 - p + p E[e^{-eps^2/(2||z||^2)}])";
  const std::string norm_text = printed ? "||.||" : "||.||_inf";
  c.statement =
      setup.dense
          ? "Moreover, if m >~ d log(m) / ((1-p)^2 delta^2), with probability 1 - Ce^{-Omega(m "
            "delta^2)}, || q - psi(z) z/||z|| || <= delta holds for every z in R^d, psi(z) = " +
                psi_text + ", norm " + norm_text + "."
          : "If m >~ k log^2(m) log(d) log(R/vartheta) / ((1-p)^2 delta^2), then w.p. 1 - "
            "Ce^{-Omega(m delta^2)}, || q - psi(z) z/||z|| || <= delta for any q in Q(z) and any "
            "(k, vartheta)-approximately sparse z with sqrt(dm/k) vartheta log(1/vartheta) <~ "
            "||z|| <= R; psi(z) = " +
                psi_text + ", norm " + norm_text + ".";
  c.kind = ClaimKind::kScaling;
  c.hypotheses = {{"assumption1.mean", "E_{P_o}[zeta] = 0 (Assumption 1)"},
                  {"assumption1.tail", "P(|zeta| >= t0) >= p0 > 0 (Assumption 1)"}};
  if (setup.axis == SweepAxis::kSamples) {
    c.summary = std::string("sup deviation ") + (setup.dense ? "over all z" : "over k-sparse z") +
                " shrinks like m^{-1/2} up to logs (" + mf22::to_string(setup.norm) + ", psi " +
                mf22::to_string(setup.form) + ")";
    c.x_label = "m";
    c.predicted_exponent = -0.5;
    // delta ~ sqrt(log^2(m)/m) (sparse) or sqrt(log(m)/m) (dense): the local
    // log-log slope is -1/2 + 1/ln(m) resp. -1/2 + 1/(2 ln m); at the smallest
    // m of the grid (100, resp. 400) that is up to 0.22 resp. 0.08 above -1/2.
    c.exponent_tolerance = setup.dense ? 0.1 : 0.25;
  } else {
    c.summary = std::string("at fixed m, k the sup deviation over k-sparse z depends on d only "
                            "through logs (") + mf22::to_string(setup.norm) + ", psi " +
                mf22::to_string(setup.form) + ")";
    c.x_label = "d";
    c.predicted_exponent = 0;
    // delta ~ sqrt(log(d) log(R/vartheta)) with vartheta ~ r sqrt(k/(dm)): both
    // logs grow with ln d, local slope up to 1/ln(d) = 0.26 at d = 50.
    c.exponent_tolerance = 0.26;
  }
  c.y_label = "sup deviation (search lower bound)";
  c.measurement =
      "For each grid point an independent data set (X Gaussian, |S| = round(p m), eps ~ P_o on "
      "S); the sup over z of || Q(z) - psi(z) z/||z|| || is estimated by sampling k-sparse z, "
      "regression-built adversarial z and hill climbing (640 z per point); every value is "
      "attained, so each point is a lower bound on the sup. Exactly k-sparse z are "
      "(k, vartheta)-approximately sparse for every vartheta > 0, so the lower limit on ||z|| "
      "holds with vartheta small enough (log(R/vartheta) then enters only through logs).";
  c.generator_info =
      setup.axis == SweepAxis::kDimension
          ? "m = 400, d in {50, ..., 1600}, k in [1, 5], p in [0, 0.45], five outlier laws "
            "(Cauchy out of hypothesis), scale 10^[-1, 2], ||z|| in scale 10^[-1.5, 1.5]."
      : setup.dense
          ? "d in [3, 20], k = d (dense z), m = 400 2^i (i < 5), so m >= 4 d ln(4d) >= d ln m, "
            "p in [0, 0.45], five outlier laws, ||z|| in scale 10^[-1.5, 1.5]."
          : "d in [20, 60], k in [1, min(20, d/2)], m = 100 2^i (i < 7), p in [0, 0.45], five "
            "outlier laws (Cauchy out of hypothesis), scale 10^[-1, 2], ||z|| in scale "
            "10^[-1.5, 1.5].";
  c.instance_schema =
      "{\"law\", \"outlier_scale\", \"corruption_permille\", \"norm_min\", \"norm_max\", "
      "\"sparsity\", \"seed\", and either \"dimension\" + \"samples_grid\" or \"samples\" + "
      "\"dimension_grid\"}";
  c.notes = printed ? "As printed: 2-norm and exp(-eps^2/(2||z||)). The sibling .as-proved uses "
                      "the inf-norm of (99) and exp(-eps^2/(2||z||^2)) of Lemma 5."
                    : "As proved in Appendix E: inf-norm, psi from Lemma 5.";
  c.default_cases = setup.axis == SweepAxis::kDimension ? 12 : 30;
  c.slow = setup.axis == SweepAxis::kDimension;
  c.error_is_rounding = false;
  c.generator = deviation_sweep_generator(setup.axis, setup.dense);
  c.validate = validate_deviation_sweep;
  c.evaluate = make_evaluator(
      [setup]<class S>(const Json& j) { return evaluate_deviation_sweep<S>(j, setup); });
  return c;
}

}  // namespace

void register_mf22(Registry& registry) {
  for (PsiForm form : {PsiForm::kPrinted, PsiForm::kAsProved}) registry.add(psi_claim(form));
  for (SweepAxis axis : {SweepAxis::kSamples, SweepAxis::kDimension}) {
    for (bool dense : {false, true}) {
      if (axis == SweepAxis::kDimension && dense) continue;
      registry.add(deviation_claim({axis, dense, PsiForm::kPrinted, DeviationNorm::kTwo}));
      registry.add(deviation_claim({axis, dense, PsiForm::kAsProved, DeviationNorm::kInf}));
    }
  }
}

}  // namespace thmcheck::checks
