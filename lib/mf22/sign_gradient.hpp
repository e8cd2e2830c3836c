// The sign sub-gradient map of mf22 Section 4 and its population limit
// (Proposition 1, eq. (5); Lemma 5 and eq. (99) in Appendix E):
//   Q(z) = (1/m) sum_i Sign(<x_i, z> + eps_i) x_i,
//   psi(z) = sqrt(2/pi) (1 - p + p E[exp(-zeta^2 / (2 s))]),
// where the paper prints s = ||z|| in (5) and the proof (Lemma 5, G.1) gives
// s = ||z||^2. Both forms are provided; the data decide (mf22.prop1.psi).
#pragma once

#include <cstdint>
#include <string>

#include "thmcheck/mf22/outlier_law.hpp"
#include "thmcheck/numerics/scalar.hpp"

namespace thmcheck::mf22 {

/// Q for a batch: column b of the result is Q(z_b) for column b of `z`,
/// (1/m) X^T Sign(X Z + eps 1^T), one matrix product, signs, one more product.
/// Sign(0) is taken as 0 (one element of [-1, 1]; any selection q in Q(z) is
/// allowed by Proposition 1).
Matrix<double> sign_gradient_batch(const Matrix<double>& x, const Vector<double>& noise,
                                   const Matrix<double>& z);

/// Which psi of Proposition 1.
enum class PsiForm {
  kPrinted,   ///< eq. (5) as printed: E[exp(-eps^2 / (2 ||z||))]
  kAsProved,  ///< Lemma 5 / eq. (99)-(137): E[exp(-eps^2 / (2 ||z||^2))]
};
std::string to_string(PsiForm f);

/// psi(z) as a function of ||z||, corruption rate p and the outlier law.
template <class Scalar>
Scalar psi(const OutlierLaw<Scalar>& law, const Scalar& corruption_rate, const Scalar& norm_z,
           PsiForm form);

/// The norm in which the deviation ||q - psi(z) z/||z|| || is measured.
enum class DeviationNorm {
  kTwo,  ///< ||.|| (the 2-norm per the paper's notation), as printed in (5)
  kInf,  ///< ||.||_inf, as proved in (99) and (119)
};
std::string to_string(DeviationNorm n);

/// Options of the sup-deviation search (sampling plus adversarial ascent).
struct DeviationSearchOptions {
  int sparsity = 1;         ///< k: z exactly k-sparse (vartheta = 0); k = d for the dense statement
  double norm_min = 1e-2;   ///< r <= ||z||
  double norm_max = 1e2;    ///< ||z|| <= R
  int batch = 64;           ///< z per batched Q evaluation
  int random_batches = 2;   ///< batches of random k-sparse z
  int adversarial_batches = 2;  ///< batches of regression-built z (see .cpp)
  int ascent_rounds = 6;    ///< hill-climbing rounds from the best z so far
  PsiForm form = PsiForm::kAsProved;
  DeviationNorm norm = DeviationNorm::kInf;
  std::uint64_t seed = 1;
  std::string validate() const;
};

/// Result: the best (largest) deviation found; a lower bound on the sup over
/// the constraint set because every evaluated z is feasible (k-sparse, norm in
/// [r, R]) and Q, psi are evaluated exactly up to double rounding.
struct DeviationSearchResult {
  double best_deviation = -1;   ///< -1: search not run
  Vector<double> best_z;
  int evaluations = 0;          ///< number of z evaluated (the search budget)
  double best_from_random = -1; ///< best among the random samples alone
  std::string message = "search_deviation was not called.";
};

/// Deviation of each column: || Q(z_b) - psi(||z_b||) z_b/||z_b|| || (double).
Vector<double> deviations(const Matrix<double>& x, const Vector<double>& noise,
                          const OutlierLaw<double>& law, double corruption_rate,
                          const Matrix<double>& z, PsiForm form, DeviationNorm norm);

/// Estimates sup_z ||Q(z) - psi(z) z/||z|| || over k-sparse z with r <= ||z|| <= R.
DeviationSearchResult search_deviation(const Matrix<double>& x, const Vector<double>& noise,
                                       const OutlierLaw<double>& law, double corruption_rate,
                                       const DeviationSearchOptions& options);

extern template double psi<double>(const OutlierLaw<double>&, const double&, const double&, PsiForm);
extern template Mp50 psi<Mp50>(const OutlierLaw<Mp50>&, const Mp50&, const Mp50&, PsiForm);
extern template Mp100 psi<Mp100>(const OutlierLaw<Mp100>&, const Mp100&, const Mp100&, PsiForm);

}  // namespace thmcheck::mf22
