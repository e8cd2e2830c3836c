// The orthogonal-rows construction of os19 Section 9.3 (proof of Theorem 2.4,
// examples (2.16) and (2.17)): X = diag(row norms) H[0:n, :] with H = I -
// 2 v v^T / v^T v a Householder reflection from an integer vector v. Its rows
// are orthogonal, so the singular values of X are the row norms, and with
// ||x_1|| = alpha, ||x_n|| = beta and all norms in [alpha, beta] X obeys
// Assumption 1 with exactly these (alpha, beta).
//
// Instance fields shared by os19.thm2.4.ex16 and .ex17: "alpha", "beta",
// "row_norms" [n] (first alpha, last beta), "householder" [p] integers.
#pragma once

#include <rapidcheck.h>

#include <cstdint>

#include "thmcheck/engine/claim.hpp"
#include "thmcheck/engine/instance.hpp"
#include "thmcheck/generators/random_data.hpp"
#include "thmcheck/numerics/scalar.hpp"

namespace thmcheck::os19 {

/// X = diag(norms) H[0:n, :], H = I - 2 v v^T / v^T v (Section 9.3): orthogonal
/// rows with the given norms (up to rounding at the working precision).
template <class S>
Matrix<S> orthogonal_rows(const Vector<S>& norms, const Vector<S>& v);

/// Validates the construction fields (alpha, beta, row_norms, householder) of
/// (2.16)/(2.17); throws InputError naming the first problem.
void validate_construction(const Json& j);

/// Checks "beta >= alpha > 0 and the row norms lie in [alpha, beta], first =
/// alpha, last = beta": then Assumption 1 holds with (alpha, beta) because the
/// singular values of a matrix with orthogonal rows are its row norms.
template <class S>
HypothesisCheck construction_hypothesis(const S& alpha, const S& beta, const Vector<S>& norms);

/// The drawn shape of a construction: n, p = n + p_extra, alpha, beta / alpha,
/// and the seed of the row norms in between and of the Householder vector.
struct ConstructionParams {
  int n;
  int p_extra;
  int alpha_exp;       // alpha = 10^(alpha_exp/2)
  int ratio_exp;       // beta / alpha = 10^(ratio_exp/4)
  std::uint64_t seed;  // row norms in between and the Householder vector
};

/// Generator of ConstructionParams: n in [1, 30], p - n in [0, 170], alpha in
/// [1e-4, 1e3], beta / alpha in [1, 1e4].
rc::Gen<ConstructionParams> construction_params();

/// The construction fields of an instance: alpha, beta rounded to 6 digits,
/// row norms log-uniform in [alpha, beta] (first alpha, last beta), integer
/// Householder vector in [-9, 9]^p (not all zero), drawn from `rng`.
Json construction_json(const ConstructionParams& c, RandomSource& rng);

/// Instances of os19.thm2.4.ex16 (2.16): the construction plus theta (random
/// of size gamma 10^[-3, 2], or along theta* via "theta_along_star").
rc::Gen<Json> alpha_example_generator();
/// Validates an os19.thm2.4.ex16 instance.
void validate_alpha_example(const Json& j);

/// Instances of os19.thm2.4.ex17 (2.17): the construction plus optional gamma,
/// eta beta^2 ("step_times_beta_squared") and the number of GD iterations.
rc::Gen<Json> gd_example_generator();
/// Validates an os19.thm2.4.ex17 instance.
void validate_gd_example(const Json& j);

extern template Matrix<double> orthogonal_rows(const Vector<double>&, const Vector<double>&);
extern template Matrix<Mp50> orthogonal_rows(const Vector<Mp50>&, const Vector<Mp50>&);
extern template Matrix<Mp100> orthogonal_rows(const Vector<Mp100>&, const Vector<Mp100>&);
extern template HypothesisCheck construction_hypothesis(const double&, const double&, const Vector<double>&);
extern template HypothesisCheck construction_hypothesis(const Mp50&, const Mp50&, const Vector<Mp50>&);
extern template HypothesisCheck construction_hypothesis(const Mp100&, const Mp100&, const Vector<Mp100>&);

}  // namespace thmcheck::os19
