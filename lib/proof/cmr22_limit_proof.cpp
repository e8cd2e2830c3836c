// Proof method for cmr22 Theorems 1.1, 2.1 and 2.2 (with 3.1) on one-row A:
// the gradient flow's limit, the l1 minimum and the argmin of g, enclosed.
//
// The flow's limit (derived here, from the flow alone). Along
// u' = -L (A^T r) u^{L-1}, v' = +L (A^T r) v^{L-1} (r = A x~ - y, x~ = u^L - v^L;
// the positive flow is v absent) put lambda(t) = int_0^t r and w = A^T lambda:
//   L = 2:  u~ = u~0 exp(-4 w),  v~ = v~0 exp(4 w);
//   L > 2:  u~ = (u0^{2-L} + L(L-2) w)^{-L/(L-2)},  v~ = (v0^{2-L} - L(L-2) w)^{-L/(L-2)},
// so x~(t) = phi(A^T lambda(t)) with phi strictly decreasing in each w_n, and
// lambda' = A phi(A^T lambda) - y, lambda(0) = 0. For one row a (M = 1) this is
// the scalar autonomous ODE lambda' = f(lambda), f(l) = sum_n a_n phi_n(a_n l) - y,
// with f strictly decreasing on the interval of its domain that contains 0:
// lambda(t) moves monotonically from 0 to the unique root lambda* of f (when
// one exists, i.e. when S is non-empty), so x~_inf = phi(a lambda*). A proved
// bracket f(lo) > 0 > f(hi) (root_bracket.hpp) encloses lambda*, and phi on
// [lo, hi] encloses x~_inf.
//
// The l1 minimum over S = {z : a.z = y} is |y| / max_n |a_n| (Hoelder, attained
// at a multiple of e_k); over S+ = {z >= 0 : a.z = y} it is |y| / max{|a_n| :
// a_n y > 0} (0 when y = 0). The argmin of the printed g_{x~0} over S+ (S+-
// lifted with [a, -a] in the signed case) is the point z(nu*) > 0 where the
// gradient of the separable strictly convex objective is -nu* a and a.z = y;
// nu* is again the root of a strictly decreasing scalar function, bracketed
// the same way. Interior stationarity on the affine set proves the argmin.
#include <fmt/format.h>

#include "thmcheck/proof/enclosure.hpp"
#include "thmcheck/proof/exact_rational.hpp"
#include "thmcheck/proof/root_bracket.hpp"

namespace thmcheck::proof {

namespace {

using nlohmann::json;

const json& field(const json& j, const char* name) {
  if (!j.contains(name)) throw ProofInputError(std::string("field '") + name + "': missing");
  return j[name];
}

/// x^p for an integer p >= 0, by repeated products (exact inputs stay tight).
Interval integer_power(const Interval& x, int p) {
  Interval r = 1;
  for (int i = 0; i < p; ++i) r *= x;
  return r;
}

/// The one-row data of a cmr22 gap or argmin instance.
struct OneRow {
  IntervalVector a;
  std::vector<Rational> a_exact;
  Interval y;
  Rational y_exact;
  int depth = 2;
  IntervalVector u0, v0;  ///< v0 empty: the positive flow
  bool signed_case() const { return !v0.empty(); }
};

/// u~(w) for a factor u0: L = 2: u0^2 exp(-4 w); L > 2: (u0^{2-L} + L(L-2) w)^{-L/(L-2)}.
std::optional<Interval> factor_power(const Interval& u0, int depth, const Interval& w) {
  if (depth == 2) return u0 * u0 * exp(-4 * w);
  const Interval base = 1 / integer_power(u0, depth - 2) + Interval(depth * (depth - 2)) * w;
  if (!certainly_positive(base)) return std::nullopt;
  return exp(-(Interval(depth) / Interval(depth - 2)) * log(base));
}

/// x~_n(w) = u~_n(w) - v~_n(-w) (positive: u~_n(w)).
std::optional<Interval> limit_entry(const OneRow& d, size_t i, const Interval& w) {
  const std::optional<Interval> u = factor_power(d.u0[i], d.depth, w);
  if (!u) return std::nullopt;
  if (!d.signed_case()) return u;
  const std::optional<Interval> v = factor_power(d.v0[i], d.depth, -w);
  if (!v) return std::nullopt;
  return *u - *v;
}

/// The domain (left, right) of lambda where every base is positive (L > 2).
void flow_domain(const OneRow& d, std::optional<Interval>& left, std::optional<Interval>& right) {
  if (d.depth == 2) return;
  const Interval k = Interval(d.depth * (d.depth - 2));
  auto limit = [&](const Interval& base0, const Interval& slope) {
    // base0 + slope lambda > 0.
    if (certainly_positive(slope)) {
      const Interval l = midpoint(Interval(-base0 / slope));
      if (!left || upper(l) > upper(*left)) left = l;
    } else if (certainly_negative(slope)) {
      const Interval r = midpoint(Interval(-base0 / slope));
      if (!right || lower(r) < lower(*right)) right = r;
    }
  };
  for (size_t i = 0; i < d.a.size(); ++i) {
    limit(1 / integer_power(d.u0[i], d.depth - 2), k * d.a[i]);
    if (d.signed_case()) limit(1 / integer_power(d.v0[i], d.depth - 2), -k * d.a[i]);
  }
}

/// Reads A (one row), y, L and the initialization; returns a message when
/// the method does not apply or a printed hypothesis fails.
std::string read_one_row(const json& in, OneRow& d, std::vector<std::string>& hypotheses, bool want_signed,
                         bool either) {
  if (!in.is_object()) throw ProofInputError("the instance is not a JSON object");
  const IntervalMatrix a = decimal_matrix(field(in, "A"), "A");
  const IntervalVector y = decimal_vector(field(in, "y"), "y");
  if (y.size() != a.size()) throw ProofInputError(fmt::format("field 'y': {} entries for {} rows of A", y.size(), a.size()));
  const json& depth = field(in, "L");
  if (!depth.is_number_integer() || depth.get<long>() < 2 || depth.get<long>() > 64) {
    throw ProofInputError("field 'L': an integer in [2, 64] expected");
  }
  d.depth = static_cast<int>(depth.get<long>());
  const bool signed_case = either ? in.contains("u0") : want_signed;
  if (signed_case) {
    d.u0 = decimal_vector(field(in, "u0"), "u0");
    d.v0 = decimal_vector(field(in, "v0"), "v0");
  } else {
    d.u0 = decimal_vector(field(in, "x0"), "x0");
  }
  const size_t n = a[0].size();
  if (d.u0.size() != n || (signed_case && d.v0.size() != n)) {
    throw ProofInputError(fmt::format("the initialization must have N = {} entries (columns of A)", n));
  }
  if (a.size() != 1) return fmt::format("A has M = {} rows: the method covers one-row A only (M > 1 needs a "
                                        "multivariate interval Newton test and an LP certificate, not implemented)",
                                        a.size());
  d.a = a[0];
  d.y = y[0];
  for (size_t i = 0; i < n; ++i) d.a_exact.push_back(exact_rational(in["A"][0][i], "A"));
  d.y_exact = exact_rational(in["y"][0], "y");
  const char* const names[] = {signed_case ? "u0" : "x0", "v0"};
  for (int part = 0; part < (signed_case ? 2 : 1); ++part) {
    for (size_t i = 0; i < n; ++i) {
      if (!(exact_rational(in[names[part]][i], names[part]) > 0)) {
        return fmt::format("{}[{}] is not positive: outside the hypotheses this method covers", names[part], i);
      }
    }
  }
  hypotheses.push_back(signed_case ? "u0 > 0, v0 > 0 (exact)" : "x0 > 0 (exact)");
  hypotheses.push_back(fmt::format("L >= 2: L = {}", d.depth));
  return "";
}

/// The flow's limit x~_inf (and its parts u~, v~) on the proved bracket of lambda*.
struct Limit {
  std::string message;  ///< non-empty: failed
  IntervalVector product, u_part, v_part;
};

Limit flow_limit(const OneRow& d, const json* witnesses, json& out_witnesses) {
  Limit lim;
  const size_t n = d.a.size();
  const DecreasingFunction f = [&](const Interval& l) -> std::optional<Interval> {
    Interval s = -d.y;
    for (size_t i = 0; i < n; ++i) {
      const std::optional<Interval> x = limit_entry(d, i, d.a[i] * l);
      if (!x) return std::nullopt;
      s += d.a[i] * *x;
    }
    return s;
  };
  std::optional<Interval> left, right;
  flow_domain(d, left, right);
  const RootBracket b = find_or_check_root(f, witnesses, "lambda", left, right);
  if (!b.ok) {
    lim.message = "flow limit: " + b.message;
    return lim;
  }
  out_witnesses["lambda"] = {b.lower, b.upper};
  for (size_t i = 0; i < n; ++i) {
    const Interval w = d.a[i] * b.value;
    const std::optional<Interval> u = factor_power(d.u0[i], d.depth, w);
    const std::optional<Interval> v = d.signed_case() ? factor_power(d.v0[i], d.depth, -w) : Interval(0);
    if (!u || !v) {
      lim.message = "flow limit: the bracket of lambda* leaves phi's domain";
      return lim;
    }
    lim.u_part.push_back(*u);
    lim.v_part.push_back(*v);
    lim.product.push_back(*u - *v);
  }
  return lim;
}

/// c_L of (10)/(17): L/2 + e (L = 2), L/2 + (L/2)^{L/(L-2)} (L > 2).
Interval c_l(int depth) {
  const Interval half = Interval(depth) / 2;
  if (depth == 2) return half + exp(Interval(1));
  return half + exp(Interval(depth) / Interval(depth - 2) * log(half));
}

Enclosure enclose_gap(const std::string& claim, const json& in, const json* witnesses) {
  Enclosure e;
  const bool signed_case = claim == "cmr22.thm1.1";
  OneRow d;
  e.message = read_one_row(in, d, e.hypotheses, signed_case, false);
  if (!e.message.empty()) return e;
  const size_t n = d.a.size();
  // The l1 minimum, from the exact signs.
  Interval best = 0;
  bool any = false;
  for (size_t i = 0; i < n; ++i) {
    const bool usable = signed_case ? d.a_exact[i] != 0 : (d.a_exact[i] * d.y_exact > 0);
    if (usable) {
      best = any ? interval_max(best, abs(d.a[i])) : abs(d.a[i]);
      any = true;
    }
  }
  Interval min_l1 = 0;
  if (d.y_exact != 0) {
    if (!any) {
      e.message = signed_case ? "S = {z : Az = y} is empty (a = 0, y != 0): outside the hypotheses"
                              : "S+ = {z >= 0 : Az = y} is empty (no a_n with the sign of y): outside the hypotheses";
      return e;
    }
    min_l1 = abs(d.y) / best;
  }
  e.hypotheses.push_back(signed_case ? "S non-empty: some a_n != 0 or y = 0 (exact)"
                                     : "S+ non-empty: some a_n has the sign of y, or y = 0 (exact)");
  const Limit lim = flow_limit(d, witnesses, e.witnesses);
  if (!lim.message.empty()) {
    e.message = lim.message;
    return e;
  }
  Interval init = 0;
  for (size_t i = 0; i < n; ++i) {
    init += integer_power(d.u0[i], d.depth);
    if (signed_case) init += integer_power(d.v0[i], d.depth);
  }
  e.measured = l1_norm(lim.product) - min_l1;
  e.bound = c_l(d.depth) * init;
  e.margin = e.bound - e.measured;
  e.where = signed_case ? "(9): ||x~_inf||_1 - min_{Az=y} ||z||_1 against c_L (||u0||_L^L + ||v0||_L^L)"
                        : "(16): ||x~_inf||_1 - min_{z in S+} ||z||_1 against c_L ||x0||_L^L";
  e.ok = true;
  e.message = "enclosed";
  return e;
}

/// The printed g_{x~0} (19) as p_n psi(z_n) + q_n z_n: L = 2: p = 1, q = -log x~0;
/// L > 2: p = L x~0^{1-2/L}, q = 2 (psi = z log z - z, resp. -z^{2/L}); its
/// stationary point for multiplier nu, z_n = (psi')^{-1}((-q_n - nu a_n)/p_n).
std::optional<Interval> g_stationary(const Interval& x0_power, int depth, const Interval& s) {
  // s = nu a_n.
  if (depth == 2) return x0_power * exp(-s);  // log z = log x~0 - s
  const Interval p = Interval(depth) * exp((1 - Interval(2) / Interval(depth)) * log(x0_power));
  const Interval base = (2 + s) * Interval(depth) / (2 * p);  // z^{(2-L)/L}
  if (!certainly_positive(base)) return std::nullopt;
  return exp(-(Interval(depth) / Interval(depth - 2)) * log(base));
}

Enclosure enclose_argmin(const std::string&, const json& in, const json* witnesses) {
  Enclosure e;
  e.relation = "=";
  OneRow d;
  e.message = read_one_row(in, d, e.hypotheses, false, true);
  if (!e.message.empty()) return e;
  const size_t n = d.a.size();
  // Lifted problem: columns a (z+) and, signed, -a (z-); initial powers u~0, v~0.
  IntervalVector col, init;
  for (size_t i = 0; i < n; ++i) {
    col.push_back(d.a[i]);
    init.push_back(integer_power(d.u0[i], d.depth));
  }
  if (d.signed_case()) {
    for (size_t i = 0; i < n; ++i) {
      col.push_back(-d.a[i]);
      init.push_back(integer_power(d.v0[i], d.depth));
    }
  }
  const DecreasingFunction h = [&](const Interval& nu) -> std::optional<Interval> {
    Interval s = -d.y;
    for (size_t i = 0; i < col.size(); ++i) {
      const std::optional<Interval> z = g_stationary(init[i], d.depth, nu * col[i]);
      if (!z) return std::nullopt;
      s += col[i] * *z;
    }
    return s;
  };
  std::optional<Interval> left, right;
  if (d.depth > 2) {
    // 2 + nu c_i > 0 for every lifted column c_i.
    for (const Interval& c : col) {
      if (certainly_positive(c)) {
        const Interval l = midpoint(Interval(-2 / c));
        if (!left || upper(l) > upper(*left)) left = l;
      } else if (certainly_negative(c)) {
        const Interval r = midpoint(Interval(-2 / c));
        if (!right || lower(r) < lower(*right)) right = r;
      }
    }
  }
  const RootBracket b = find_or_check_root(h, witnesses, "nu", left, right);
  if (!b.ok) {
    e.message = "argmin: " + b.message;
    return e;
  }
  e.witnesses["nu"] = {b.lower, b.upper};
  const Limit lim = flow_limit(d, witnesses, e.witnesses);
  if (!lim.message.empty()) {
    e.message = lim.message;
    return e;
  }
  Interval distance = 0;
  for (size_t i = 0; i < col.size(); ++i) {
    const std::optional<Interval> z = g_stationary(init[i], d.depth, b.value * col[i]);
    if (!z) {
      e.message = "argmin: the bracket of nu* leaves the objective's domain";
      return e;
    }
    const Interval limit_i = i < n ? lim.u_part[i] : lim.v_part[i - n];
    distance += abs(limit_i - *z);
  }
  e.measured = distance;
  e.bound = 0;
  e.margin = -abs(e.bound - e.measured);
  e.where = d.signed_case() ? "(36): ||(u~_inf, v~_inf) - argmin_{S+-} g_{u~0}(z+) + g_{v~0}(z-)||_1 against 0"
                            : "(19): ||x~_inf - argmin_{S+} g_{x~0}||_1 against 0";
  e.hypotheses.push_back("S+ (S+-) non-empty: the stationary point z(nu*) > 0 lies in it");
  e.ok = true;
  e.message = "enclosed";
  return e;
}

Enclosure enclose_cmr22(const std::string& claim, const json& in, const json* witnesses) {
  if (claim == "cmr22.thm2.2") return enclose_argmin(claim, in, witnesses);
  return enclose_gap(claim, in, witnesses);
}

}  // namespace

ProofMethod cmr22_limit_method() {
  return {"cmr22.one-row-limit-intervals",
          {"cmr22.thm1.1", "cmr22.thm2.1", "cmr22.thm2.2"},
          "For one-row A the flow's limit is phi(a lambda*) with lambda* the unique root of the strictly decreasing "
          "f(l) = a.phi(a l) - y (exact change of variables of the flow); lambda* is enclosed by a bracket "
          "f(lo) > 0 > f(hi) verified in MPFI interval arithmetic; the l1 minimum is |y| / max |a_n| (over S+: "
          "over a_n of y's sign), and the argmin of g is its interior stationary point z(nu*), nu* bracketed the same "
          "way.",
          enclose_cmr22};
}

}  // namespace thmcheck::proof
