#include "thmcheck/cmr22/fixed_step_gd.hpp"

#include <cmath>
#include <numeric>
#include <vector>

#include "thmcheck/generators/random_data.hpp"

namespace thmcheck::cmr22 {

CsInstance draw_cs_instance(Eigen::Index n, Eigen::Index m, Eigen::Index s, bool positive, std::uint64_t seed,
                            double positive_floor) {
  RandomSource rng(seed);
  CsInstance out;
  out.a = gaussian_matrix(m, n, rng) / std::sqrt(static_cast<double>(m));
  // S: the first s entries of a partial Fisher-Yates shuffle.
  std::vector<Eigen::Index> idx(n);
  std::iota(idx.begin(), idx.end(), Eigen::Index(0));
  for (Eigen::Index i = 0; i < s; ++i) std::swap(idx[i], idx[i + rng.integer(0, n - 1 - i)]);
  out.truth = Vector<double>::Zero(n);
  for (Eigen::Index i = 0; i < s; ++i) out.truth(idx[i]) = rng.gaussian();
  if (positive) out.truth = out.truth.cwiseAbs();
  if (s > 0) out.truth /= out.truth.norm();
  // y = A x* is rounded to double; an exactly sparse x* >= 0 lies on a face of
  // cone(A) and the rounded y can leave it (S+ empty). The floor keeps x*
  // strictly inside the orthant, as in lib/cmr22/data_params.cpp.
  if (positive) out.truth.array() += positive_floor;
  out.y = out.a * out.truth;
  return out;
}

}  // namespace thmcheck::cmr22
