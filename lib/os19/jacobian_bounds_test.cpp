#include "thmcheck/os19/jacobian_bounds.hpp"

#include <gtest/gtest.h>

#include "thmcheck/generators/random_data.hpp"
#include "thmcheck/numerics/linalg.hpp"
#include "thmcheck/os19/models.hpp"

namespace thmcheck::os19 {
namespace {

// The certified constants must bound the Jacobian at arbitrary points,
// including far ones where phi' hits its extremes; tested at random points
// of several scales (an independent computation of J's singular values).
TEST(Os19JacobianBounds, GlmBoundsHoldAtSampledPoints) {
  RandomSource rng(21);
  for (auto [kind, par] : {std::pair{ActivationKind::kIdentity, 0.0},
                           std::pair{ActivationKind::kTanhPlus, 2.0},
                           std::pair{ActivationKind::kTanhPlus, -0.6},
                           std::pair{ActivationKind::kLeakySoftplus, 0.1}}) {
    Activation<double> phi{kind, par};
    Matrix<double> x = matrix_with_condition(5, 9, 30.0, rng);
    GlmModel<double> m(x, gaussian_vector(5, rng), phi);
    JacobianBounds<double> b = glm_bounds(x, phi);
    ASSERT_GT(b.alpha, 0);
    for (int s = 0; s < 60; ++s) {
      const double scale = std::pow(10.0, rng.uniform(-2, 2));
      const Vector<double> a = scale * gaussian_vector(9, rng);
      const Vector<double> c = a + std::pow(10.0, rng.uniform(-3, 1)) * gaussian_vector(9, rng);
      const Matrix<double> ja = m.jacobian(a);
      EXPECT_GE(smallest_singular_value(ja), b.alpha * (1 - 1e-12));
      EXPECT_LE(spectral_norm(ja), b.beta * (1 + 1e-12));
      EXPECT_LE(spectral_norm<double>(m.jacobian(c) - ja), b.lipschitz * (c - a).norm() + 1e-13);
      for (int i = 0; i < 5; ++i) EXPECT_LE(ja.row(i).norm(), b.row_bound * (1 + 1e-12));
    }
  }
}

TEST(Os19JacobianBounds, NetworkBoundsHoldAtSampledPoints) {
  RandomSource rng(22);
  Activation<double> phi{ActivationKind::kLeakySoftplus, 0.25};
  Matrix<double> x = matrix_with_condition(4, 6, 10.0, rng);
  Vector<double> v = random_unit_vector(3, rng);
  NetworkModel<double> m(x, gaussian_vector(4, rng), v, phi);
  JacobianBounds<double> b = network_bounds(x, v, phi);
  for (int s = 0; s < 60; ++s) {
    const Vector<double> a = std::pow(10.0, rng.uniform(-2, 2)) * gaussian_vector(18, rng);
    const Vector<double> c = a + std::pow(10.0, rng.uniform(-3, 1)) * gaussian_vector(18, rng);
    const Matrix<double> ja = m.jacobian(a);
    EXPECT_GE(smallest_singular_value(ja), b.alpha * (1 - 1e-12));
    EXPECT_LE(spectral_norm(ja), b.beta * (1 + 1e-12));
    EXPECT_LE(spectral_norm<double>(m.jacobian(c) - ja), b.lipschitz * (c - a).norm() + 1e-13);
  }
}

// For linear regression the constants are sigma_min(X) and ||X|| up to the
// Weyl shift (checked against the closed form of a diagonal matrix).
TEST(Os19JacobianBounds, LinearConstantsAreTight) {
  Matrix<Mp50> x = Matrix<Mp50>::Zero(2, 3);
  x(0, 0) = 3;
  x(1, 1) = parse_decimal<Mp50>("0.5");
  JacobianBounds<Mp50> b = glm_bounds(x, Activation<Mp50>{});
  EXPECT_LT(abs(b.alpha - Mp50("0.5")), Mp50("1e-45"));
  EXPECT_LE(b.alpha, Mp50("0.5"));
  EXPECT_LT(abs(b.beta - 3), Mp50("1e-45"));
  EXPECT_GE(b.beta, Mp50(3));
  EXPECT_EQ(b.lipschitz, 0);
}

}  // namespace
}  // namespace thmcheck::os19
