// The GLM gradient-descent instance family of os19 (Theorems 2.1, 2.2, 4.1,
// 5.2, 9.3 and Corollaries 2.3, 5.3): f(theta) = phi(X theta) with phi from
// lib/os19/activation.hpp (phi = identity: linear regression), a start theta0,
// a step given directly ("eta") or as a fraction of the theorem's step limit
// ("eta_fraction"), and a number of GD iterations T. One typed instance: its
// fields give the reader, validator, writer and schema.
#pragma once

#include <rapidcheck.h>

#include <optional>
#include <string>
#include <tuple>

#include "thmcheck/engine/typed_instance.hpp"
#include "thmcheck/os19/activation.hpp"

namespace thmcheck::os19 {

/// Largest T the GLM, SGD and network instances accept.
constexpr long kMaxIterations = 100000;

/// Throws InputError unless exactly one of eta and eta_fraction is given and
/// it is > 0 (the step fields of the GLM, SGD and network instances).
void check_step_fields(const std::optional<Real>& eta, const std::optional<Real>& eta_fraction);
/// Throws InputError unless T = `iterations` is in [1, kMaxIterations].
void check_iterations(long iterations);

/// What the GLM and SGD instances share: X (n x p, n <= p), y [n], phi,
/// theta0 [p], the step (eta or eta_fraction) and T.
struct GlmData {
  RealMatrix x;
  RealVector y;
  ActivationSpec phi;
  RealVector theta0;
  std::optional<Real> eta, eta_fraction;
  long iterations = 0;
  static constexpr auto data_fields = std::make_tuple(
      field("X", &GlmData::x, "n x p, the data matrix (n <= p, full row rank)"),
      field("y", &GlmData::y, "[n], the labels"),
      field("phi", &GlmData::phi, "the activation (identity: linear regression)"),
      field("theta0", &GlmData::theta0, "[p], the start"),
      field("eta", &GlmData::eta, "the step size > 0 (give eta or eta_fraction)"),
      field("eta_fraction", &GlmData::eta_fraction,
            "the step as a fraction > 0 of the theorem's limit (computed from the certified constants)"),
      field("iterations", &GlmData::iterations, "T in [1, 100000] (iterates 0..T are checked)"));
  /// n <= p, the lengths of y and theta0, phi, the step fields and T.
  void check_data() const;
  Eigen::Index rows() const { return static_cast<Eigen::Index>(x.size()); }
  Eigen::Index cols() const { return static_cast<Eigen::Index>(x.front().size()); }
};

/// A GLM gradient-descent instance; lambda is read by Theorem 9.3's claims only.
struct GlmGdInstance : GlmData {
  std::optional<Real> lambda;
  static constexpr auto fields = std::tuple_cat(
      data_fields,
      std::make_tuple(field("lambda", &GlmGdInstance::lambda, "in (0, 1], Theorem 9.3 claims only; default 0.5")));
  void check() const;
};

/// Generator ranges of glm_gd_generator, for the report (held to the draws by
/// glm_gd_instance_test.cpp).
extern const char* const kGlmGeneratorInfo;
/// The same for glm_gd_generator(_, true).
extern const char* const kGlmBallGeneratorInfo;

/// GLM instances: 90% small (n in [1, 30], p = n + [0, 60], T in [1, 300]),
/// 10% large (n in [50, 150], p = n + [0, 100], T <= 30); cond(X) in [1, 1e4],
/// ||X|| in [0.1, 10], entries rounded to 12 digits; phi identity / tanh_plus /
/// leaky_softplus; theta0 near a solution, far, or 0; eta_fraction at, below
/// or above 1. With `with_lambda` also "lambda" in {0.1, ..., 1} (Theorem 9.3;
/// 0.9 at most when phi is nonlinear). With `ball_constants` (claims whose
/// constants are those of a ball, Theorem 2.1) also non-monotone tanh_plus
/// (c in [-3.05, -1.05]) and, in 1 of 4 small cases, T up to 1500.
rc::Gen<GlmGdInstance> glm_gd_generator(bool with_lambda, bool ball_constants = false);

/// The rows of m rounded to `digits` significant digits, as Reals; m is
/// replaced by the rounded values (the instance is the decimal matrix).
RealMatrix decimal_rows(Matrix<double>& m, int digits);
/// v as Reals of `digits` significant digits (short_decimal).
RealVector decimal_reals(const Vector<double>& v, int digits);

}  // namespace thmcheck::os19
