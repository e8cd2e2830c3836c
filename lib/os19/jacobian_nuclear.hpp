// The random process of os19 Section 9.6 / Appendix A,
//   Gamma_{v,Theta} = mat(J(Theta)^T v) = sum_i v_i X_i Theta,
// with J the Jacobian as printed in Section 9.6 (rows vec(X_i Theta)^T; see
// LowRankModel for the symmetrised true derivative), and the sups and infs
// over unit v (and Theta) that Lemmas 9.13, 9.15 and 9.16 bound.
//
// Searches run in double and return points (v, Theta, test matrices); the
// values at those points are then evaluated at any precision S with a
// rounding bound. A value at a point is a certified LOWER bound on a sup and
// a certified UPPER bound on an inf; the searches themselves prove nothing.
#pragma once

#include <Eigen/Dense>

#include <vector>

#include "thmcheck/generators/random_data.hpp"
#include "thmcheck/numerics/scalar.hpp"

namespace thmcheck::os19 {

/// A value and a bound on its absolute rounding error.
template <class S>
struct Bounded {
  S value = 0;
  S error = 0;
};

/// Rigorous upper bound on ||W||_op of a double matrix: sqrt of the largest
/// absolute row sum of the double Gram W^T W, each entry enlarged by its
/// rounding bound gamma_rows ||w_i|| ||w_j|| (Higham 2002, Thm 3.5), the sums
/// and the square root by a further relative 4 (rows + cols + 8) u.
double operator_norm_upper(const Matrix<double>& w);

/// The polar factor U V^T of a double matrix (thin SVD, Eigen BDCSVD); the
/// test matrix whose inner product with M is ||M||_*.
Matrix<double> polar_factor(const Matrix<double>& m);

/// Certified lower bound on ||M||_*: <W, M> / ||W||_op^+ (duality of the
/// nuclear and spectral norms), W the polar factor of double(M). `magnitude`
/// bounds the entries' own rounding (|M_ij - exact| <= magnitude_ij gamma);
/// error = gamma sum |W| magnitude + (dr + 2) u sum |W| |M|, over ||W||^+.
template <class S>
Bounded<S> nuclear_lower(const Matrix<S>& m, const Matrix<S>& magnitude, const S& gamma);

/// ||M||_* by Eigen's JacobiSVD at precision S (small matrices). Error: the
/// singular values of one-sided Jacobi are backward stable, |sigma_j -
/// sigma_j exact| <= c (rows + cols) u ||M||_F with c = 8 here (generous),
/// plus the entries' own rounding, summed over min(rows, cols) values.
template <class S>
Bounded<S> nuclear_norm(const Matrix<S>& m, const Matrix<S>& magnitude, const S& gamma);

/// The features of Section 9.6: n matrices d x d with i.i.d. N(0, 1)
/// entries, X_1 first, drawn from rng (the draw order all os19 Lemma 9.13-9.16
/// instances share; a Theta's U, when random, is drawn after them).
std::vector<Matrix<double>> gaussian_features(Eigen::Index n, Eigen::Index d, RandomSource& rng);

/// Gamma_v = sum_i v_i B_i in double (B_i = X_i Theta, or X_i).
Matrix<double> combine(const std::vector<Matrix<double>>& b, const Vector<double>& v);

/// Search for sup over unit v of ||sum_i v_i B_i||_*: alternating
/// maximisation (W = polar(Gamma_v), then v = g / ||g||, g_i = <W, B_i>,
/// which never decreases the value) from `starts` random unit vectors and the
/// top eigenvector of the Gram <B_i, B_j>; returns the best v found.
Vector<double> maximize_nuclear(const std::vector<Matrix<double>>& b, int starts, int iterations,
                                RandomSource& rng);

/// Search for inf over unit v of ||sum_i v_i B_i||_*: from the bottom
/// eigenvector of the Gram <B_i, B_j> (the minimiser of the Frobenius norm)
/// and `starts` random unit vectors, projected subgradient steps on the
/// sphere with step halving; returns the best v found.
Vector<double> minimize_nuclear(const std::vector<Matrix<double>>& b, int starts, int iterations,
                                RandomSource& rng);

/// A point of Lemma 9.13's sup: v (unit) and the d x r test matrix U (the
/// top-r left singular vectors of A(v) = sum v_i X_i); the sup over
/// ||Theta||_F = 1 of ||A Theta||_* is ||A^T U||_F, attained at Theta =
/// A^T U / ||A^T U||_F.
struct KyFanPoint {
  Vector<double> v;
  Matrix<double> u;
};

/// Search for sup over unit v and ||Theta||_F = 1 of ||A(v) Theta||_*:
/// alternating U = top-r left singular vectors of A(v), then v = the top
/// eigenvector of the Gram <U^T X_i, U^T X_j> (never decreases the value).
KyFanPoint maximize_ky_fan(const std::vector<Matrix<double>>& x, Eigen::Index r, int starts, int iterations,
                           RandomSource& rng);

/// A point of sup over unit v of ||A(v)||_op: v and the top right singular
/// vector b of A(v) (||A(v) b|| / ||b|| is the certified value).
struct SpectralPoint {
  Vector<double> v;
  Vector<double> b;
};

/// Alternating: (a, b) = top singular pair of A(v), then v = g / ||g||,
/// g_i = a^T X_i b (never decreases a^T A(v) b).
SpectralPoint maximize_spectral(const std::vector<Matrix<double>>& x, int starts, int iterations, RandomSource& rng);

extern template Bounded<double> nuclear_lower<double>(const Matrix<double>&, const Matrix<double>&, const double&);
extern template Bounded<Mp50> nuclear_lower<Mp50>(const Matrix<Mp50>&, const Matrix<Mp50>&, const Mp50&);
extern template Bounded<Mp100> nuclear_lower<Mp100>(const Matrix<Mp100>&, const Matrix<Mp100>&, const Mp100&);
extern template Bounded<double> nuclear_norm<double>(const Matrix<double>&, const Matrix<double>&, const double&);
extern template Bounded<Mp50> nuclear_norm<Mp50>(const Matrix<Mp50>&, const Matrix<Mp50>&, const Mp50&);
extern template Bounded<Mp100> nuclear_norm<Mp100>(const Matrix<Mp100>&, const Matrix<Mp100>&, const Mp100&);

}  // namespace thmcheck::os19
