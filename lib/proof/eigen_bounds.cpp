#include "thmcheck/proof/eigen_bounds.hpp"

namespace thmcheck::proof {

namespace {

/// Inertia test of sign * (G - mu I): +1 when certainly positive definite,
/// -1 when certainly not (a certainly negative pivot after certainly positive
/// ones), 0 when the intervals cannot decide.
int definiteness(const IntervalMatrix& g, const Interval& mu, int sign) {
  const size_t n = g.size();
  IntervalMatrix a(n, IntervalVector(n));
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = 0; j < n; ++j) a[i][j] = sign * (g[i][j] - (i == j ? mu : Interval(0)));
  }
  // LDL^T without pivoting: a[k][k] holds the k-th pivot after step k.
  for (size_t k = 0; k < n; ++k) {
    if (certainly_negative(a[k][k])) return -1;
    if (!certainly_positive(a[k][k])) return 0;
    for (size_t i = k + 1; i < n; ++i) {
      const Interval l = a[i][k] / a[k][k];
      for (size_t j = k + 1; j <= i; ++j) a[i][j] -= l * a[j][k];
      for (size_t j = k + 1; j < i; ++j) a[j][i] = a[i][j];
    }
  }
  return +1;
}

/// lambda_min(G) > mu: +1 (proved), < mu: -1, 0 undecided. For the largest
/// eigenvalue: lambda_max(G) < mu is +1.
int compare(const IntervalMatrix& g, Spectrum which, const Interval& mu) {
  return which == Spectrum::kSmallest ? definiteness(g, mu, +1) : definiteness(g, mu, -1);
}

}  // namespace

IntervalMatrix gram_rows(const IntervalMatrix& x) {
  const size_t n = x.size();
  IntervalMatrix g(n, IntervalVector(n));
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = 0; j <= i; ++j) {
      Interval s = 0;
      for (size_t c = 0; c < x[i].size(); ++c) s += x[i][c] * x[j][c];
      g[i][j] = s;
      if (j != i) g[j][i] = s;  // (Boost's self-assignment of an mpfi number gives NaN)
    }
  }
  return g;
}

EigenBracket check_eigen_bracket(const IntervalMatrix& g, Spectrum which, const std::string& lower,
                                 const std::string& upper) {
  EigenBracket b;
  const Interval lo = exact_decimal(lower), hi = exact_decimal(upper);
  // Smallest: G - lo I PD (lambda_min > lo) and G - hi I not PD (lambda_min < hi).
  // Largest: hi I - G PD (lambda_max < hi) and lo I - G not PD (lambda_max > lo).
  const bool lower_ok = which == Spectrum::kSmallest ? compare(g, which, lo) == +1 : compare(g, which, lo) == -1;
  const bool upper_ok = which == Spectrum::kSmallest ? compare(g, which, hi) == -1 : compare(g, which, hi) == +1;
  if (!lower_ok || !upper_ok) {
    b.message = std::string("the eigenvalue bracket [") + lower + ", " + upper + "] does not verify (" +
                (lower_ok ? "upper" : "lower") + " end)";
    return b;
  }
  return verified_bracket(lower, upper, "verified by interval LDL^T");
}

EigenBracket eigen_bracket(const IntervalMatrix& g, Spectrum which) {
  // Gershgorin-free start: 0 <= lambda <= trace(G) for a Gram matrix; for a
  // general symmetric G, |lambda| <= sum of |entries|.
  Interval bound = 0;
  for (const IntervalVector& row : g) {
    for (const Interval& v : row) bound += abs(v);
  }
  Interval lo = -(bound + 1), hi = bound + 1;
  lo = Interval(boost::multiprecision::lower(lo));
  hi = Interval(boost::multiprecision::upper(hi));
  // `below`: mu with the eigenvalue proved above mu; `above`: proved below.
  const int below_sign = which == Spectrum::kSmallest ? +1 : -1;
  const unsigned bits = working_bits();
  for (unsigned it = 0; it < 4 * bits; ++it) {
    const Interval mid = midpoint(hull_of(lo, hi));
    const int c = compare(g, which, mid);
    if (c == 0) break;
    if (c == below_sign) lo = mid; else hi = mid;
    if (narrow(lo, hi)) break;
  }
  // The search keeps lo and hi as exact binary points; their decimal texts
  // are rounded outward, and the bracket is re-verified from the texts.
  const int digits = static_cast<int>(bits * 0.30103) + 2;
  return check_eigen_bracket(g, which, lower_text(lo, digits), upper_text(hi, digits));
}

}  // namespace thmcheck::proof
