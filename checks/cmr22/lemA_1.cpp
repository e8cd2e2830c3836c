// cmr22 Lemma A.1, eq. (39) (Chou, Maly & Rauhut 2022, "More is less"): the
// gradient of the overparameterized loss (4),
//   grad_{x^(k)} L_over(x^(1), ..., x^(L)) = [A^T (A x~ - y)] (.) x~_{k^c},
// checked entry by entry against an independent derivative: L_over is a
// quadratic polynomial in each single entry x_n^(k) (x~ is linear in it, the
// factors being distinct vectors), so the central difference
// (f(x + h e) - f(x - h e)) / (2h) is its exact derivative for every h; only
// rounding separates the two. Measured max_{k,n} |(39) - central difference|,
// bound 0 (an equality).
#include <fmt/format.h>
#include <rapidcheck.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <tuple>
#include <vector>

#include "thmcheck/engine/registry.hpp"
#include "thmcheck/engine/typed_instance.hpp"

namespace thmcheck::checks {

namespace {

/// An instance of Lemma A.1: A, y and the L factors x^(1), ..., x^(L) (any reals).
struct GradientInstance {
  RealMatrix a;
  RealVector y;
  std::vector<RealVector> factors;
  static constexpr auto fields = std::make_tuple(
      field("A", &GradientInstance::a, "M x N, the measurement matrix"),
      field("y", &GradientInstance::y, "[M], the measurements"),
      field("factors", &GradientInstance::factors, "[[N], ...], the factors x^(1), ..., x^(L), L in [2, 64]"));
  void check() const {
    if (y.size() != a.size()) throw InputError(fmt::format("field 'y': length {} does not match the {} rows of 'A'", y.size(), a.size()));
    if (factors.size() < 2 || factors.size() > 64) {
      throw InputError(fmt::format("field 'factors': {} factors, L must be in [2, 64]", factors.size()));
    }
    for (size_t k = 0; k < factors.size(); ++k) {
      if (factors[k].size() != a.front().size()) {
        throw InputError(fmt::format("field 'factors'[{}]: length {} does not match the {} columns of 'A'", k,
                                     factors[k].size(), a.front().size()));
      }
    }
  }
};

// ---- Generator: M in [1, kMaxM], N in [1, kMaxN], L in [2, kMaxL]; A_mn and
// y_m in {-2, -1.75, ..., 2}; factor entries 0 (one in eight), or
// +-(1 + j/8) 10^(e/4) with e in [-8, 8] (so x~_{k^c} spans 10^(-2(L-1))..).
constexpr int kMaxM = 5, kMaxN = 8, kMaxL = 6;

struct GradientParams {
  int m = 1, n = 1, depth = 2;
  std::vector<int> a_entries, y_entries, kinds, mantissas, exponents;
};

rc::Gen<GradientParams> gradient_params() {
  const auto ints = [](int count, int lo, int hi) {
    return rc::gen::container<std::vector<int>>(count, rc::gen::inRange(lo, hi + 1));
  };
  return rc::gen::build<GradientParams>(
      rc::gen::set(&GradientParams::m, rc::gen::inRange(1, kMaxM + 1)),
      rc::gen::set(&GradientParams::n, rc::gen::inRange(1, kMaxN + 1)),
      rc::gen::set(&GradientParams::depth, rc::gen::inRange(2, kMaxL + 1)),
      rc::gen::set(&GradientParams::a_entries, ints(kMaxM * kMaxN, -8, 8)),
      rc::gen::set(&GradientParams::y_entries, ints(kMaxM, -8, 8)),
      rc::gen::set(&GradientParams::kinds, ints(kMaxL * kMaxN, 0, 15)),
      rc::gen::set(&GradientParams::mantissas, ints(kMaxL * kMaxN, 0, 8)),
      rc::gen::set(&GradientParams::exponents, ints(kMaxL * kMaxN, -8, 8)));
}

GradientInstance gradient_instance(const GradientParams& q) {
  GradientInstance in;
  for (int i = 0; i < q.m; ++i) {
    in.a.emplace_back();
    for (int j = 0; j < q.n; ++j) in.a.back().push_back(Real::parse(fmt::format("{}", q.a_entries[i * kMaxN + j] / 4.0)));
    in.y.push_back(Real::parse(fmt::format("{}", q.y_entries[i] / 4.0)));
  }
  for (int k = 0; k < q.depth; ++k) {
    in.factors.emplace_back();
    for (int j = 0; j < q.n; ++j) {
      const int idx = k * kMaxN + j;
      const int kind = q.kinds[idx];
      if (kind == 0) {
        in.factors.back().push_back(Real::parse("0"));
        continue;
      }
      const double value = (kind % 2 == 0 ? -1.0 : 1.0) * (1 + q.mantissas[idx] / 8.0) * std::pow(10.0, q.exponents[idx] / 4.0);
      in.factors.back().push_back(Real::of(value));
    }
  }
  return in;
}

std::string gradient_generator_info() {
  return fmt::format(
      "M in [1, {}], N in [1, {}], L in [2, {}]; A_mn, y_m in {{-2, -1.75, ..., 2}}; factor entries 0 (1/16) "
      "or +-(1 + j/8) 10^(e/4), j in [0, 8], e in [-8, 8].",
      kMaxM, kMaxN, kMaxL);
}

// ---- Measurement.
template <class S>
struct LossParts {
  Vector<S> residual;   // A x~ - y
  Vector<S> magnitude;  // sum_n |A_mn| |x~_n| + |y_m|: the scale of each residual's rounding
};

template <class S>
LossParts<S> residual(const Matrix<S>& a, const Vector<S>& y, const std::vector<Vector<S>>& x) {
  Vector<S> product = Vector<S>::Ones(a.cols());
  for (const auto& f : x) product = product.cwiseProduct(f);
  return {a * product - y, a.cwiseAbs() * product.cwiseAbs() + y.cwiseAbs()};
}

template <class S>
Outcome evaluate_gradient(const GradientInstance& in) {
  using std::abs;
  using std::max;
  const Matrix<S> a = as_matrix<S>(in.a);
  const Vector<S> y = as_vector<S>(in.y);
  const Eigen::Index m = a.rows(), n = a.cols();
  const int depth = static_cast<int>(in.factors.size());
  std::vector<Vector<S>> x;
  for (const auto& f : in.factors) x.push_back(as_vector<S>(f));
  const S u = unit_roundoff<S>();
  // gamma for a residual entry: N products of L factors, N + 1 additions,
  // inputs rounded from decimals (Higham 2002, sec. 3.1, generously).
  const S gamma = 2 * S(static_cast<long>(n + depth + 4)) * u;
  const LossParts<S> at = residual(a, y, x);
  const Vector<S> atr = a.transpose() * at.residual;
  S worst = 0, worst_error = 0;
  Eigen::Index worst_k = 0, worst_n = 0;
  for (int k = 0; k < depth; ++k) {
    for (Eigen::Index j = 0; j < n; ++j) {
      // (39): [A^T (A x~ - y)]_j (x~_{k^c})_j.
      S others = 1, others_abs = 1;
      for (int l = 0; l < depth; ++l) {
        if (l != k) others *= x[l](j);
      }
      others_abs = abs(others);
      const S printed = atr(j) * others;
      // The independent derivative: f(t) = L_over with x_j^(k) moved by t is
      // a quadratic in t, so the central difference is exact.
      const S h = 1 + abs(x[k](j));
      auto shifted = x;
      shifted[k](j) = x[k](j) + h;
      const LossParts<S> plus = residual(a, y, shifted);
      shifted[k](j) = x[k](j) - h;
      const LossParts<S> minus = residual(a, y, shifted);
      const S central = (plus.residual.squaredNorm() / 2 - minus.residual.squaredNorm() / 2) / (2 * h);
      // Rounding: each f = 1/2 sum r_m^2 errs by at most gamma sum (|r_m| R_m + r_m^2)
      // (R_m the residual's magnitude; the shifted entry x +- h itself rounds,
      // which moves r_m by at most u h |A_mj| |x~_{k^c}|_j, included in R_m up
      // to the factor gamma); the difference is divided by 2h. The printed side
      // errs by gamma sum_m |A_mj| R_m |x~_{k^c}|_j (and M more roundings).
      const S f_error = gamma * S(plus.residual.cwiseAbs().dot(plus.magnitude) + plus.residual.squaredNorm() +
                                  minus.residual.cwiseAbs().dot(minus.magnitude) + minus.residual.squaredNorm());
      const S printed_error = (gamma + S(static_cast<long>(m)) * u) *
                              S(a.col(j).cwiseAbs().dot(at.magnitude)) * others_abs;
      const S diff = abs(printed - central);
      const S error = 2 * (f_error / h + printed_error);
      if (diff - error > worst - worst_error || (k == 0 && j == 0)) {
        worst = diff;
        worst_error = error;
        worst_k = k;
        worst_n = j;
      }
    }
  }
  Outcome o;
  o.relation = Relation::kEqual;
  o.measured = widen(worst);
  o.bound = widen(S(0));
  o.error = widen(worst_error);
  o.hypotheses = {{"L>=2", depth >= 2, Evidence::kCertified, fmt::format("L = {}", depth)}};
  o.details = {{"M", std::to_string(m)},
               {"N", std::to_string(n)},
               {"L", std::to_string(depth)},
               {"worst entry (k, n)", fmt::format("({}, {})", worst_k + 1, worst_n + 1)}};
  return o;
}

}  // namespace

THMCHECK_REGISTER(cmr22_lemA_1) {
  Claim c;
  c.id = "cmr22.lemA.1";
  c.paper = "cmr22";
  c.source = "Lemma A.1, eq. (39); L_over of (4)";
  c.summary = "grad_{x^(k)} L_over = [A^T (A x~ - y)] (.) x~_{k^c}";
  c.statement =
      "For L >= 2, let x~ := x^(1) (.) ... (.) x^(L) and x~_{k^c} := the product over l in [L] \\ {k}. Then "
      "grad_{x^(k)} L_over(x^(1), ..., x^(L)) = [A^T (A x~ - y)] (.) x~_{k^c} (39).";
  c.kind = ClaimKind::kExplicit;
  c.hypotheses = {{"L>=2", "L >= 2 (any real factors)"}};
  c.measurement =
      "Every entry (k, n) of (39) against the central difference (f(x + h e) - f(x - h e)) / (2h), "
      "h = 1 + |x_n^(k)|, of f = L_over = 1/2 ||A x~ - y||^2: exact for a quadratic in the moved entry, "
      "so the difference is rounding only. Measured max |(39) - difference| (the entry closest to its "
      "error), bound 0.";
  c.generator_info = gradient_generator_info();
  c.notes =
      "Independent of (39): only loss values enter the difference. Error: 2 (f rounding / h + (39) "
      "rounding), with gamma = 2 (N + L + 4) u times the residuals' magnitudes (Higham 2002 sec. 3.1). "
      "The partial gradients of L+- printed after Lemma A.2 are not encoded (no numbered statement).";
  c.default_cases = 60;
  set_instances<GradientInstance>(c, rc::gen::map(gradient_params(), gradient_instance),
                                  []<class S>(const GradientInstance& in) { return evaluate_gradient<S>(in); });
  registry.add(std::move(c));
}

}  // namespace thmcheck::checks
