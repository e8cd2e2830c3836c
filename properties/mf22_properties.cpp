// Property tests of the mf22 building blocks (RapidCheck): invariants that
// hold for every instance, independent of the theorems.
#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include "thmcheck/generators/random_data.hpp"
#include "thmcheck/mf22/diagonal_network.hpp"
#include "thmcheck/mf22/landscape_probe.hpp"
#include "thmcheck/mf22/sign_gradient.hpp"

namespace thmcheck::mf22 {
namespace {

// The image of the gamma-ball under w -> prod w is the box of product_box:
// random points of the ball map inside it, and realize_row reaches any
// target of the box with a perturbation inside the ball.
RC_GTEST_PROP(Mf22Properties, ProductBoxContainsImageAndIsReached, ()) {
  const int layers = *rc::gen::inRange(1, 6);
  const int d = *rc::gen::inRange(1, 6);
  const std::uint64_t seed = *rc::gen::arbitrary<std::uint64_t>();
  const double gamma = std::pow(10.0, *rc::gen::inRange(-8, 1) / 2.0);
  RandomSource rng(seed);
  Matrix<double> w = gaussian_matrix(d, layers, rng);
  if (*rc::gen::arbitrary<bool>()) w.row(0).setZero();
  Vector<double> lo, hi;
  product_box<double>(w, gamma, lo, hi);
  for (int trial = 0; trial < 20; ++trial) {
    Matrix<double> delta(d, layers);
    for (int j = 0; j < d; ++j)
      for (int k = 0; k < layers; ++k) delta(j, k) = gamma * (2 * rng.uniform() - 1);
    const Vector<double> p = layer_product(Matrix<double>(w + delta));
    for (int j = 0; j < d; ++j) {
      const double slack = 1e-13 * (1 + std::abs(lo(j)) + std::abs(hi(j)));
      RC_ASSERT(p(j) >= lo(j) - slack);
      RC_ASSERT(p(j) <= hi(j) + slack);
    }
  }
  for (int j = 0; j < d; ++j) {
    const double target = lo(j) + rng.uniform() * (hi(j) - lo(j));
    const Vector<double> row = w.row(j).transpose();
    const Vector<double> dl = realize_row(row, gamma, target);
    RC_ASSERT(dl.cwiseAbs().maxCoeff() <= gamma);
    RC_ASSERT(std::abs((row + dl).prod() - target) <= 1e-12 * (1 + std::abs(target) + (row.cwiseAbs().array() + gamma).prod()));
  }
}

// Q is odd in (z, eps) jointly and invariant to scaling (z, eps) by t > 0.
RC_GTEST_PROP(Mf22Properties, SignGradientSymmetries, ()) {
  const int d = *rc::gen::inRange(1, 8);
  const int m = *rc::gen::inRange(1, 50);
  RandomSource rng(*rc::gen::arbitrary<std::uint64_t>());
  const Matrix<double> x = gaussian_matrix(m, d, rng);
  const Vector<double> eps = gaussian_vector(m, rng);
  const Matrix<double> z = gaussian_matrix(d, 3, rng);
  const Matrix<double> q = sign_gradient_batch(x, eps, z);
  RC_ASSERT((sign_gradient_batch(x, Vector<double>(-eps), Matrix<double>(-z)) + q).cwiseAbs().maxCoeff() <= 1e-14);
  RC_ASSERT((sign_gradient_batch(x, Vector<double>(4 * eps), Matrix<double>(4 * z)) - q).cwiseAbs().maxCoeff() <= 1e-14);
}

}  // namespace
}  // namespace thmcheck::mf22
