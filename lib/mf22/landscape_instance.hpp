// Instances of the landscape claims of mf22 Theorems 1 and 4 (mf22.thm4.*,
// mf22.thm1.over.gamma): a data set with m <= 0.1 d and outlier scale 100
// (t0 = 50), a depth N, and a grid of gamma (or a fixed gamma and a grid of d
// or of m, for the constant d/sqrt(m)).
#pragma once

#include <string>
#include <vector>

#include "thmcheck/engine/claim.hpp"
#include "thmcheck/mf22/outlier_law.hpp"
#include "thmcheck/mf22/robust_regression.hpp"

namespace thmcheck::mf22 {

/// gamma grids: d = 100 2^{i/2} (i in [0, 4]: 100 to 400), m = d
/// [4, 10]/100 (>= 4), k in [1, 4], p in [0.05, 0.45] (|S| >= 1), five laws of
/// scale 100, theta* entries in [1, 2], N = `layers` (or drawn in [2, 5] when
/// `layers` <= 0), gamma in {0.01, 0.02, 0.04, 0.08, 0.16} (<= t0/sqrt(d) for
/// d <= 400).
rc::Gen<Json> landscape_gamma_instances(int layers);

/// d sweeps for the constant: m = 20, d in {200, 400, 800, 1600}, gamma = 0.05,
/// N in [2, 5], the rest as landscape_gamma_instances.
rc::Gen<Json> landscape_dimension_instances();

/// m sweeps for the constant: d = 800, m in {10, 20, 40, 80} (<= 0.1 d; the
/// corrupted fraction of the instance's m = 20 is kept), gamma = 0.05.
rc::Gen<Json> landscape_samples_instances();

/// Throws InputError naming the first problem of a landscape instance.
void validate_landscape_instance(const Json& j);

/// The instance-schema text of the landscape claims.
std::string landscape_instance_schema();

/// The generator ranges of landscape_gamma_instances, for the report.
std::string landscape_gamma_generator_info();

/// A landscape instance with a gamma grid, read at precision S.
template <class S>
struct GammaGridInstance {
  RobustRegressionSpec spec;  ///< the data set
  int layers = 0;             ///< N
  OutlierLaw<S> law;          ///< P_o at precision S (for the hypotheses)
  std::vector<S> gamma;       ///< the radii gamma at precision S
  std::vector<double> gamma_double;  ///< the same radii in double (for the probe)
};

/// Reads the data set, "layers", the outlier law and "gamma_grid" (each entry
/// read exactly at precision S and in double).
template <class S>
GammaGridInstance<S> read_gamma_grid_instance(const Json& j);

extern template GammaGridInstance<double> read_gamma_grid_instance<double>(const Json&);
extern template GammaGridInstance<Mp50> read_gamma_grid_instance<Mp50>(const Json&);
extern template GammaGridInstance<Mp100> read_gamma_grid_instance<Mp100>(const Json&);

}  // namespace thmcheck::mf22
