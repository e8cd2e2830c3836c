// Rigorous bounds on the extreme eigenvalues of a symmetric matrix, and from
// them on sigma_min(X) and ||X||_2, by interval LDL^T (Sylvester's inertia).
//
// G - mu I is positive definite  <=>  all pivots of its LDL^T are > 0, so
//   all pivots certainly > 0                      proves lambda_min(G) > mu;
//   pivots 1..k-1 certainly > 0, pivot k certainly < 0
//                                                  proves lambda_min(G) < mu
// (the k-th leading minor, the product of the first k pivots, is negative).
// The same applied to mu I - G bounds lambda_max(G). A search (bisection on
// mu) finds the brackets; check_* re-verify a bracket from its two decimals,
// which is what a certificate stores and `thmcheck verify` re-runs.
#pragma once

#include "thmcheck/proof/interval.hpp"

namespace thmcheck::proof {

/// Which end of the spectrum.
enum class Spectrum { kSmallest, kLargest };

/// A proved bracket lo < lambda < hi of an extreme eigenvalue.
using EigenBracket = VerifiedBracket;

/// G = X X^T (n x n) for X of n rows.
IntervalMatrix gram_rows(const IntervalMatrix& x);

/// Bisects mu until the bracket of the extreme eigenvalue of symmetric G is
/// relatively narrower than 2^-(bits of the working precision - 16), or the
/// LDL^T test cannot decide (the bracket is then as narrow as it got).
EigenBracket eigen_bracket(const IntervalMatrix& g, Spectrum which);
/// Re-verifies lower < lambda < upper for decimals lower <= upper.
EigenBracket check_eigen_bracket(const IntervalMatrix& g, Spectrum which, const std::string& lower,
                                 const std::string& upper);

}  // namespace thmcheck::proof
