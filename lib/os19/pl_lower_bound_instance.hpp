// Instances of os19 Theorem 5.4 (Section 5, proof in Section 9.8.2).
//  - NoMinimumInstance: a GLM least-squares loss L(theta) = 1/2 ||phi(X theta) - y||^2
//    (global minimum 0, Section 5's standing assumption), theta0, a radius R and
//    an optional smoothness constant L over B(theta0, R) (default: the certified
//    glm_loss_smoothness); the first part says no global minimum lies in
//    B(theta0, R) when R < sqrt(2 L(theta0)/L).
//  - PlWitnessInstance: the proof's construction for the "furthermore" part:
//    X with orthogonal rows, ||x_1|| = sqrt(mu), the other row norms given,
//    theta* = gamma x_1/||x_1||, y = X theta*, theta0 = 0, and a point theta (for
//    the PL inequality of the proof).
#pragma once

#include <rapidcheck.h>

#include <optional>
#include <tuple>
#include <vector>

#include "thmcheck/engine/typed_instance.hpp"
#include "thmcheck/os19/activation.hpp"

namespace thmcheck::os19 {

struct NoMinimumInstance {
  RealMatrix x;
  RealVector y;
  ActivationSpec phi;
  RealVector theta0;
  Real radius;
  std::optional<Real> smoothness;
  static constexpr auto fields = std::make_tuple(
      field("X", &NoMinimumInstance::x, "n x p, the data matrix (n <= p)"),
      field("y", &NoMinimumInstance::y, "[n], the labels"),
      field("phi", &NoMinimumInstance::phi, "the activation (identity: linear least squares)"),
      field("theta0", &NoMinimumInstance::theta0, "[p], the centre theta0"),
      field("R", &NoMinimumInstance::radius, ">= 0, the radius of the ball B(theta0, R)"),
      field("L", &NoMinimumInstance::smoothness,
            "> 0, the smoothness constant over B(theta0, R); default the certified bound"));
  void check() const;
};

struct PlWitnessInstance {
  Real mu, smoothness, gamma;
  RealVector other_row_norms;
  std::vector<long> householder;
  RealVector theta;
  static constexpr auto fields = std::make_tuple(
      field("mu", &PlWitnessInstance::mu, "> 0, the PL constant (||x_1|| = sqrt(mu))"),
      field("L", &PlWitnessInstance::smoothness, ">= mu, the smoothness constant"),
      field("gamma", &PlWitnessInstance::gamma, ">= 0, theta* = gamma x_1/||x_1||"),
      field("other_row_norms", &PlWitnessInstance::other_row_norms, "[n - 1] > 0, the norms of rows 2..n"),
      field("householder", &PlWitnessInstance::householder,
            "[p] integers v (p >= n): the rows are those of I - 2vv^T/v^Tv scaled"),
      field("theta", &PlWitnessInstance::theta, "[p], a point for the proof's PL inequality"));
  void check() const;
};

extern const char* const kNoMinimumGeneratorInfo;
extern const char* const kPlWitnessGeneratorInfo;

/// n in [1, 8], p = n + [0, 8], cond(X) in [1, 100], ||X|| in [0.1, 10]; phi
/// identity (50%), tanh_plus, leaky_softplus; y = phi(X theta*); theta0 =
/// theta* + t v, v the top right singular vector (the tight direction for
/// phi = identity), a random or a row-space direction, t in [1e-3, 10]; R at
/// 1 - 1e-9, 1 - 1e-4 or [0.5, 1] of the largest radius the certified
/// smoothness allows (10%: 1.01, outside).
rc::Gen<NoMinimumInstance> no_minimum_generator();

/// n in [1, 6], p = n + [0, 6], mu in [1e-3, 1e3], L/mu in [1, 1e3]; other row
/// norms log-uniform in [sqrt(mu), sqrt(L)] (one of them sqrt(L)), or, with
/// `short_rows`, some below sqrt(mu) (the proof's "arbitrary lengths");
/// gamma in [1e-2, 1e2]; theta = theta* + a multiple of a row direction.
rc::Gen<PlWitnessInstance> pl_witness_generator(bool short_rows);

}  // namespace thmcheck::os19
