// The Monte Carlo coefficient of Q(z) along z/||z|| (mf22 Proposition 1 and
// Lemma 5): shared by the claims mf22.prop1.psi* and the figure
// mf22.prop1.psi-curve.
#pragma once

#include <vector>

#include "thmcheck/numerics/scalar.hpp"

namespace thmcheck::mf22 {

/// The coefficient of Q(z) = (1/m) sum_i Sign(<x_i, z> + eps_i) x_i along
/// u = z/||z||, with its stratified standard error.
struct QCoefficient {
  double mean = 0;            ///< (1/m) sum_i a_i, a_i = Sign(<x_i, z> + eps_i) <x_i, u>
  double standard_error = 0;  ///< sqrt(sum over strata n_s var_s) / m
};

/// The mean of a_i = Sign(inner_i) proj_i over the m rows, where the caller
/// gives inner_i = <x_i, z> + eps_i and proj_i = <x_i, u>, u = z/||z||: the
/// coefficient of Q(z) along u, whose expectation is the coefficient of E[Q(z)]
/// along z (psi(z) in eq. (5)). Rows are independent given S, with two strata
/// (in_s[i] = 1 on S, 0 off it), so Var(mean) = sum_s n_s var_s / m^2 with the
/// unbiased variance of each stratum. Sign(0) = 0. In double.
QCoefficient q_coefficient(const Vector<double>& proj, const Vector<double>& inner,
                           const std::vector<int>& in_s);

}  // namespace thmcheck::mf22
