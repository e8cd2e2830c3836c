// The orthogonal-rows construction of os19 Section 9.3 (proof of Theorem 2.4,
// examples (2.16) and (2.17)): X = diag(row norms) H[0:n, :] with H = I -
// 2 v v^T / v^T v a Householder reflection from an integer vector v. Its rows
// are orthogonal, so the singular values of X are the row norms, and with
// ||x_1|| = alpha, ||x_n|| = beta and all norms in [alpha, beta] X obeys
// Assumption 1 with exactly these (alpha, beta).
//
// Instance fields shared by os19.thm2.4.ex16 and .ex17 (ConstructionData):
// "alpha", "beta", "row_norms" [n] (first alpha, last beta), "householder" [p]
// integers. One typed instance per example.
#pragma once

#include <rapidcheck.h>

#include <cstdint>
#include <optional>
#include <tuple>
#include <vector>

#include "thmcheck/engine/claim.hpp"
#include "thmcheck/engine/typed_instance.hpp"
#include "thmcheck/generators/random_data.hpp"
#include "thmcheck/numerics/scalar.hpp"

namespace thmcheck::os19 {

/// X = diag(norms) H[0:n, :], H = I - 2 v v^T / v^T v (Section 9.3): orthogonal
/// rows with the given norms (up to rounding at the working precision).
template <class S>
Matrix<S> orthogonal_rows(const Vector<S>& norms, const Vector<S>& v);

/// The construction fields of (2.16)/(2.17): X = diag(row_norms) H[0:n, :],
/// H the Householder reflection of v = householder, meant to obey Assumption 1
/// with (alpha, beta) (construction_hypothesis checks it).
struct ConstructionData {
  Real alpha, beta;
  RealVector row_norms;
  std::vector<long> householder;
  static constexpr auto data_fields = std::make_tuple(
      field("alpha", &ConstructionData::alpha, "Assumption 1's lower constant alpha"),
      field("beta", &ConstructionData::beta, "Assumption 1's upper constant beta"),
      field("row_norms", &ConstructionData::row_norms,
            "[n] > 0, n <= p (first = alpha, last = beta, all in [alpha, beta])"),
      field("householder", &ConstructionData::householder,
            "[p] integers v: the rows of X are the first n rows of I - 2vv^T/v^Tv scaled by row_norms"));
  /// row_norms: length in [1, p], entries > 0.
  void check_construction() const;
  Eigen::Index rows() const { return static_cast<Eigen::Index>(row_norms.size()); }
  Eigen::Index cols() const { return static_cast<Eigen::Index>(householder.size()); }
  /// X at precision S (orthogonal_rows).
  template <class S>
  Matrix<S> matrix() const;
};

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
ConstructionData construction_data(const ConstructionParams& c, RandomSource& rng);

/// An instance of (2.16): the construction (theta* = gamma x_1/||x_1||, gamma
/// = beta/alpha, y = X theta*, theta0 = 0) and the point theta (+ t theta*).
struct AlphaExampleInstance : ConstructionData {
  RealVector theta;
  std::optional<Real> theta_along_star;
  static constexpr auto fields = std::tuple_cat(
      data_fields, std::make_tuple(field("theta", &AlphaExampleInstance::theta, "[p], the point theta"),
                                   field("theta_along_star", &AlphaExampleInstance::theta_along_star,
                                         "t: theta += t theta*; default 0")));
  void check() const;
};

/// An instance of (2.17): the construction (theta* = gamma x_n/||x_n||, y = X
/// theta*, theta0 = 0) and GD with eta = step_times_beta_squared / beta^2.
struct GdExampleInstance : ConstructionData {
  std::optional<Real> gamma;
  Real step_times_beta_squared;
  long iterations = 0;
  static constexpr auto fields = std::tuple_cat(
      data_fields,
      std::make_tuple(
          field("gamma", &GdExampleInstance::gamma, "> 0, theta* = gamma x_n/||x_n||; default beta/alpha"),
          field("step_times_beta_squared", &GdExampleInstance::step_times_beta_squared, "eta beta^2, > 0"),
          field("iterations", &GdExampleInstance::iterations, "GD iterations, in [0, 1000000]")));
  void check() const;
};

/// Generator ranges of alpha_example_generator and gd_example_generator, for
/// the report (held to the draws by orthogonal_rows_instance_test.cpp).
extern const char* const kAlphaExampleGeneratorInfo;
extern const char* const kGdExampleGeneratorInfo;

/// Instances of os19.thm2.4.ex16 (2.16): the construction plus theta (random
/// of size gamma 10^[-3, 2], or along theta* via "theta_along_star").
rc::Gen<AlphaExampleInstance> alpha_example_generator();

/// Instances of os19.thm2.4.ex17 (2.17): the construction plus optional gamma,
/// eta beta^2 ("step_times_beta_squared") and the number of GD iterations.
rc::Gen<GdExampleInstance> gd_example_generator();

extern template Matrix<double> orthogonal_rows(const Vector<double>&, const Vector<double>&);
extern template Matrix<Mp50> orthogonal_rows(const Vector<Mp50>&, const Vector<Mp50>&);
extern template Matrix<Mp100> orthogonal_rows(const Vector<Mp100>&, const Vector<Mp100>&);
extern template HypothesisCheck construction_hypothesis(const double&, const double&, const Vector<double>&);
extern template HypothesisCheck construction_hypothesis(const Mp50&, const Mp50&, const Vector<Mp50>&);
extern template HypothesisCheck construction_hypothesis(const Mp100&, const Mp100&, const Vector<Mp100>&);
extern template Matrix<double> ConstructionData::matrix<double>() const;
extern template Matrix<Mp50> ConstructionData::matrix<Mp50>() const;
extern template Matrix<Mp100> ConstructionData::matrix<Mp100>() const;

}  // namespace thmcheck::os19
