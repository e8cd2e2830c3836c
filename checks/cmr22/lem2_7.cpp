// cmr22 Lemma 2.7, (25) => (26) (Chou, Maly & Rauhut 2022, "More is less"),
// with the g functions of eq. (28): g_n(w) = w (log w - 1 - log x0_n) (L = 2)
// or 2 w - L w^{2/L} x0_n^{1-2/L} (L > 2), for which c_n (30), g_{n,min} and
// g_n'(c_n) (31) are closed forms (lib/cmr22/g_terms.hpp). The lemma is stated
// for every family of strictly convex g_n with g_n(0) = g_n(c_n) = 0 and a
// negative minimum, so a failure for these g_n is a counterexample to it.
//   cmr22.lem2.7       : if sum g_n(x~_n) <= sum g_n(z_n) (25), then
//                        sum x~_n - z_n <= sum c_n - g_{n,min} / g_n'(c_n) (26).
//   cmr22.lem2.7.eq42  : the proof's case 2 (Appendix A.2, eq. (42)): for every
//                        n with c_n < z_n, x~_n - z_n <= (g_n(x~_n) - g_n(z_n)) / g_n'(c_n).
// Both are closed-form evaluations (sums of logs and powers), judged with
// Higham-style rounding bounds.
#include <fmt/format.h>
#include <rapidcheck.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <tuple>
#include <vector>

#include "thmcheck/cmr22/g_terms.hpp"
#include "thmcheck/engine/registry.hpp"
#include "thmcheck/engine/typed_instance.hpp"

namespace thmcheck::checks {

namespace {

/// The instance of Lemma 2.7: L fixes the family (28), x0 the (x~0)_n of g_n,
/// z and x_tilde the two points.
struct Lemma27Instance {
  int depth = 2;
  RealVector x0, z, x_tilde;
  static constexpr auto fields = std::make_tuple(
      field("L", &Lemma27Instance::depth, "depth, integer in [2, 64]; fixes g of (28)"),
      field("x0", &Lemma27Instance::x0, "[N] >= 0, (x~0)_n of g_n (0: g_n has no negative minimum, outside)"),
      field("z", &Lemma27Instance::z, "[N] >= 0, the point z"),
      field("x_tilde", &Lemma27Instance::x_tilde, "[N] >= 0, the point x~"));
  void check() const {
    if (depth < 2 || depth > 64) throw InputError(fmt::format("field 'L': {} is outside [2, 64]", depth));
    if (x0.empty()) throw InputError("field 'x0': empty");
    if (z.size() != x0.size()) throw InputError(fmt::format("field 'z': length {} differs from the {} of 'x0'", z.size(), x0.size()));
    if (x_tilde.size() != x0.size()) {
      throw InputError(fmt::format("field 'x_tilde': length {} differs from the {} of 'x0'", x_tilde.size(), x0.size()));
    }
    for (const auto& [name, v] : {std::pair<const char*, const RealVector*>{"x0", &x0}, {"z", &z}, {"x_tilde", &x_tilde}}) {
      for (size_t i = 0; i < v->size(); ++i) {
        if ((*v)[i].as<Mp100>() < 0) throw InputError(fmt::format("field '{}'[{}]: must be >= 0", name, i));
      }
    }
  }
};

// ---- Generator. Per coordinate: x0 = (1 + m/8) 10^-k (k in [0, kMaxInitExp],
// tiny x0 is where case 2 is cheap to reach); z = 0, in (0, c], above c (case 2)
// or an absolute 10^(j/2); x~ = the minimizer x0 of g, z, 0 or c 10^(j/4). In
// three modes of four one coordinate (the "spender") is then raised to the
// largest x~_j with (25) at equality, less a relative 1e-9: the corner where
// (26) is tightest for the others fixed.
constexpr int kMaxN = 6;
constexpr int kMaxInitExp = 14;
constexpr int kMaxDepthDrawn = 5;
constexpr double kSpenderBackoff = 1e-9;

struct Lemma27Params {
  int n = 1, depth = 2, mode = 0, spender = 0;
  std::vector<int> init_exp, init_mant, z_kind, z_exp, xt_kind, xt_exp;
};

rc::Gen<std::vector<int>> ints(int lo, int hi) { return rc::gen::container<std::vector<int>>(kMaxN, rc::gen::inRange(lo, hi + 1)); }

rc::Gen<Lemma27Params> lemma27_params() {
  return rc::gen::build<Lemma27Params>(
      rc::gen::set(&Lemma27Params::n, rc::gen::inRange(1, kMaxN + 1)),
      rc::gen::set(&Lemma27Params::depth, rc::gen::inRange(2, kMaxDepthDrawn + 1)),
      rc::gen::set(&Lemma27Params::mode, rc::gen::inRange(0, 4)),
      rc::gen::set(&Lemma27Params::spender, rc::gen::inRange(0, kMaxN)),
      rc::gen::set(&Lemma27Params::init_exp, ints(0, kMaxInitExp)), rc::gen::set(&Lemma27Params::init_mant, ints(0, 8)),
      rc::gen::set(&Lemma27Params::z_kind, ints(0, 3)), rc::gen::set(&Lemma27Params::z_exp, ints(0, 16)),
      rc::gen::set(&Lemma27Params::xt_kind, ints(0, 3)), rc::gen::set(&Lemma27Params::xt_exp, ints(0, 16)));
}

std::string lemma27_generator_info() {
  return fmt::format(
      "N in [1, {}], L in [2, {}]; x0_n = (1 + m/8) 10^-k, k in [0, {}]; z_n = 0, c_n (j+1)/17, "
      "c_n 10^((j+1)/4) (> c_n: case 2) or 10^((j-8)/2), j in [0, 16]; x~_n = x0_n (argmin of g_n), "
      "z_n, 0 or c_n 10^((j-8)/4); in 3 of 4 cases one coordinate x~_j is then the largest root of "
      "(25) at equality times (1 - {:g}).",
      kMaxN, kMaxDepthDrawn, kMaxInitExp, kSpenderBackoff);
}

/// The largest w >= a with g_a(w) <= target (g_a increases on [a, inf)), by bisection in double.
double largest_root(double target, double a, int depth) {
  double lo = a, hi = std::max(2 * a, 1e-300);
  while (cmr22::g_term<double>(hi, a, depth) < target && hi < 1e300) hi *= 2;
  for (int it = 0; it < 200 && lo < hi; ++it) {
    const double mid = lo + (hi - lo) / 2;
    if (mid <= lo || mid >= hi) break;
    (cmr22::g_term<double>(mid, a, depth) <= target ? lo : hi) = mid;
  }
  return lo;
}

Lemma27Instance lemma27_instance(const Lemma27Params& q) {
  const int n = q.n, depth = q.depth;
  std::vector<double> a(n), z(n), xt(n);
  for (int i = 0; i < n; ++i) {
    a[i] = (1 + q.init_mant[i] / 8.0) * std::pow(10.0, -q.init_exp[i]);
    const double c = cmr22::g_zero<double>(a[i], depth);
    const int j = q.z_exp[i];
    switch (q.z_kind[i]) {
      case 0: z[i] = 0; break;
      case 1: z[i] = c * (j + 1) / 17.0; break;
      case 2: z[i] = c * std::pow(10.0, (j + 1) / 4.0); break;
      default: z[i] = std::pow(10.0, (j - 8) / 2.0); break;
    }
    switch (q.xt_kind[i]) {
      case 0: xt[i] = a[i]; break;
      case 1: xt[i] = z[i]; break;
      case 2: xt[i] = 0; break;
      default: xt[i] = c * std::pow(10.0, (q.xt_exp[i] - 8) / 4.0); break;
    }
  }
  if (q.mode < 3) {
    const int s = q.spender % n;
    double budget = 0;
    for (int i = 0; i < n; ++i) {
      budget += cmr22::g_term<double>(z[i], a[i], depth);
      if (i != s) budget -= cmr22::g_term<double>(xt[i], a[i], depth);
    }
    xt[s] = budget >= cmr22::g_minimum<double>(a[s], depth) ? largest_root(budget, a[s], depth) * (1 - kSpenderBackoff)
                                                             : a[s];
  }
  Lemma27Instance in;
  in.depth = depth;
  for (int i = 0; i < n; ++i) {
    in.x0.push_back(Real::of(a[i]));
    in.z.push_back(Real::of(z[i]));
    in.x_tilde.push_back(Real::of(xt[i]));
  }
  return in;
}

// ---- Measurement.
template <class S>
struct Lemma27Terms {
  std::vector<S> a, z, xt;
  HypothesisCheck g_ok{"g.shape", true, Evidence::kCertified, ""};
};

template <class S>
Lemma27Terms<S> read_terms(const Lemma27Instance& in) {
  Lemma27Terms<S> t;
  for (size_t i = 0; i < in.x0.size(); ++i) {
    t.a.push_back(in.x0[i].as<S>());
    t.z.push_back(in.z[i].as<S>());
    t.xt.push_back(in.x_tilde[i].as<S>());
    if (!(t.a.back() > 0) && t.g_ok.holds) {
      t.g_ok.holds = false;
      t.g_ok.detail = fmt::format("x0[{}] = 0: g_{} has no negative minimum and no zero c > 0", i, i + 1);
    }
  }
  if (t.g_ok.holds) t.g_ok.detail = "x0 > 0: each g_n of (28) is strictly convex, g(0) = g(c_n) = 0, g_min < 0";
  return t;
}

/// sum g(z) - sum g(x~) (>= 0 is (25)) and its rounding bound: each g term
/// takes a log or two pows and a few products of inputs correctly rounded from
/// decimals, so it errs by at most 8 u |terms|; the sum of 2N of them adds
/// gamma_{2N} times their magnitudes (Higham 2002, sec. 3.1).
template <class S>
std::pair<S, S> hypothesis_25(const Lemma27Terms<S>& t, int depth) {
  S slack = 0, magnitude = 0;
  for (size_t i = 0; i < t.a.size(); ++i) {
    slack += cmr22::g_term<S>(t.z[i], t.a[i], depth) - cmr22::g_term<S>(t.xt[i], t.a[i], depth);
    magnitude += cmr22::g_term_magnitude<S>(t.z[i], t.a[i], depth) + cmr22::g_term_magnitude<S>(t.xt[i], t.a[i], depth);
  }
  return {slack, (2 * S(static_cast<long>(t.a.size())) + 8) * unit_roundoff<S>() * magnitude};
}

template <class S>
Outcome evaluate_lemma27(const Lemma27Instance& in) {
  using std::abs;
  const int depth = in.depth;
  const Lemma27Terms<S> t = read_terms<S>(in);
  const S u = unit_roundoff<S>();
  const S slope = cmr22::g_slope_at_zero<S>(depth);
  S measured = 0, bound = 0, magnitude = 0;
  for (size_t i = 0; i < t.a.size(); ++i) {
    measured += t.xt[i] - t.z[i];
    const S c = cmr22::g_zero<S>(t.a[i], depth);
    bound += c - cmr22::g_minimum<S>(t.a[i], depth) / slope;
    magnitude += t.xt[i] + t.z[i] + c + abs(cmr22::g_minimum<S>(t.a[i], depth) / slope);
  }
  Outcome o;
  o.measured = widen(measured);
  o.bound = widen(bound);
  // Each input is rounded from its decimal (u), c_n and g_min/g'(c) take a
  // pow or exp and two products (4 u), and the two sums of 2N terms add
  // gamma_{2N}: (2N + 8) u times the sum of magnitudes.
  o.error = widen(S((2 * S(static_cast<long>(t.a.size())) + 8) * u * magnitude));
  HypothesisCheck h25{"(25)", false, Evidence::kEstimated, ""};
  if (t.g_ok.holds) {
    const auto [slack, err] = hypothesis_25<S>(t, depth);
    h25.holds = slack >= err;
    h25.detail = fmt::format("sum g(z) - sum g(x~) = {} (rounding bound {}){}", to_decimal(slack, 6), to_decimal(err, 2),
                             h25.holds ? "" : abs(slack) <= err ? ": undecided, counted outside" : " < 0");
  } else {
    h25.detail = "not evaluated: g is not of the lemma's shape";
  }
  o.hypotheses = {t.g_ok, {"points.nonnegative", true, Evidence::kCertified, "x~, z >= 0 (validated)"}, h25};
  int case2 = 0, case3 = 0;
  for (size_t i = 0; i < t.a.size(); ++i) {
    const S c = cmr22::g_zero<S>(t.a[i], depth);
    case2 += c < t.z[i];
    case3 += t.z[i] <= c && c < t.xt[i];
  }
  o.details = {{"N", std::to_string(t.a.size())},
               {"L", std::to_string(depth)},
               {"|I_2| (c < z)", std::to_string(case2)},
               {"|I_3| (z <= c < x~)", std::to_string(case3)}};
  return o;
}

/// (42) at the coordinate of I_2 = {n : c_n < z_n} where it is tightest.
template <class S>
Outcome evaluate_eq42(const Lemma27Instance& in) {
  const int depth = in.depth;
  const Lemma27Terms<S> t = read_terms<S>(in);
  const S u = unit_roundoff<S>();
  const S slope = cmr22::g_slope_at_zero<S>(depth);
  Outcome o;
  HypothesisCheck in_case2{"case2", false, Evidence::kCertified, "no n with c_n < z_n"};
  bool first = true;
  S best_margin = 0;
  for (size_t i = 0; t.g_ok.holds && i < t.a.size(); ++i) {
    const S c = cmr22::g_zero<S>(t.a[i], depth);
    // c_n carries about 4 u c_n of rounding: a z_n that close to c_n is undecided.
    if (!(t.z[i] - c > 8 * u * c)) continue;
    const S lhs = t.xt[i] - t.z[i];
    const S rhs = (cmr22::g_term<S>(t.xt[i], t.a[i], depth) - cmr22::g_term<S>(t.z[i], t.a[i], depth)) / slope;
    if (first || rhs - lhs < best_margin) {
      first = false;
      best_margin = rhs - lhs;
      o.measured = widen(lhs);
      o.bound = widen(rhs);
      // Two g terms (8 u |terms| each, see hypothesis_25) divided by g'(c), one
      // more division, and the difference x~ - z.
      o.error = widen(S(10 * u *
                        ((cmr22::g_term_magnitude<S>(t.xt[i], t.a[i], depth) +
                          cmr22::g_term_magnitude<S>(t.z[i], t.a[i], depth)) / slope +
                         t.xt[i] + t.z[i])));
      in_case2.holds = true;
      in_case2.detail = fmt::format("n = {}: c_n = {} < z_n = {}; x~_n {} z_n", i + 1, to_decimal(c, 6), to_decimal(t.z[i], 6),
                                    t.xt[i] <= t.z[i] ? "<=" : ">");
    }
  }
  o.hypotheses = {t.g_ok, in_case2};
  o.details = {{"N", std::to_string(t.a.size())}, {"L", std::to_string(depth)}};
  return o;
}

}  // namespace

THMCHECK_REGISTER(cmr22_lem2_7) {
  const std::string g_text =
      "g_n(w) = w (log w - 1 - log x0_n) (L = 2), 2 w - L w^{2/L} x0_n^{1-2/L} (L > 2) (eq. (28)); "
      "c_n = e x0_n or (L/2)^{L/(L-2)} x0_n (30), g_{n,min} = -x0_n or -(L-2) x0_n, g'(c_n) = 1 or "
      "2(L-2)/L (31)";
  {
    Claim c;
    c.id = "cmr22.lem2.7";
    c.paper = "cmr22";
    c.source = "Lemma 2.7, eqs. (25)-(26), with g of (28)";
    c.summary = "sum g(x~) <= sum g(z) implies sum x~ - z <= sum c_n - g_{n,min}/g_n'(c_n)";
    c.statement =
        "For each n let x~_n, z_n in R+ and g_n : R+ -> R strictly convex with negative minimum g_{n,min} < 0 "
        "and zeros at 0 and c_n > 0. If sum_n g_n(x~_n) <= sum_n g_n(z_n) (25), then "
        "sum_n x~_n - z_n <= sum_n c_n - g_{n,min} / g_n'(c_n) (26).";
    c.kind = ClaimKind::kExplicit;
    c.hypotheses = {{"g.shape", "g_n strictly convex, g_n(0) = g_n(c_n) = 0 with c_n > 0, g_{n,min} < 0 (here: x0_n > 0)"},
                    {"points.nonnegative", "x~_n, z_n in R+"},
                    {"(25)", "sum_n g_n(x~_n) <= sum_n g_n(z_n)"}};
    c.measurement = "Closed forms: measured sum x~_n - z_n, bound sum c_n - g_{n,min}/g_n'(c_n), with " + g_text +
                    ". (25) evaluated with its rounding bound; undecided cases are counted outside.";
    c.generator_info = lemma27_generator_info();
    c.notes =
        "The lemma is stated for all such g_n; the check uses the family (28) the lemma is applied to in the "
        "proof of Theorem 2.1, so a failure refutes the lemma as stated. Error: (2N + 8) u times the sum of "
        "|terms| (inputs rounded from decimals, one pow/exp per c_n, two sums; Higham 2002 sec. 3.1). The "
        "proof's case 2 (42) is checked apart as cmr22.lem2.7.eq42.";
    c.default_cases = 100;
    set_instances<Lemma27Instance>(c, rc::gen::map(lemma27_params(), lemma27_instance),
                                   []<class S>(const Lemma27Instance& in) { return evaluate_lemma27<S>(in); });
    registry.add(std::move(c));
  }
  {
    Claim c;
    c.id = "cmr22.lem2.7.eq42";
    c.paper = "cmr22";
    c.source = "Proof of Lemma 2.7 (Appendix A.2), case 2, eq. (42), with g of (28)";
    c.summary = "case 2 (c < z): x~ - z <= (g(x~) - g(z)) / g'(c)";
    c.statement =
        "Suppose c < z. Then by convexity g'(z) >= g'(c) and g(z) - g(x~) <= g'(z)(z - x~) if x~ <= z, "
        "g(x~) - g(z) >= g'(x~)(x~ - z) if x~ > z. Both cases lead to x~ - z <= (g(x~) - g(z)) / g'(c) (42).";
    c.kind = ClaimKind::kExplicit;
    c.hypotheses = {{"g.shape", "g strictly convex, g(0) = g(c) = 0 with c > 0, g_min < 0 (here: x0_n > 0)"},
                    {"case2", "c_n < z_n for some n (the tightest such n is measured)"}};
    c.measurement = "Closed forms, at the n with c_n < z_n where (42) is tightest: measured x~_n - z_n, bound "
                    "(g_n(x~_n) - g_n(z_n)) / g_n'(c_n), with " + g_text + ".";
    c.generator_info = lemma27_generator_info();
    c.notes =
        "(42) is the step of the proof of Lemma 2.7 that the harness suspected (see cmr22.thm2.1): for x~ <= z, "
        "convexity gives (g(z) - g(x~)) / g'(z) <= z - x~, and g'(z) >= g'(c) does not allow replacing g'(z) by "
        "g'(c). Error: 10 u times (|g terms| / g'(c) + x~ + z). z_n within 8 u c_n of c_n is not counted in case 2.";
    c.default_cases = 100;
    set_instances<Lemma27Instance>(c, rc::gen::map(lemma27_params(), lemma27_instance),
                                   []<class S>(const Lemma27Instance& in) { return evaluate_eq42<S>(in); });
    registry.add(std::move(c));
  }
}

}  // namespace thmcheck::checks
