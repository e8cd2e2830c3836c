// The sqrt(p0 p) factor of mf22 Theorem 4's second bullet (w.p. >= 1/16,
// inf_{||w - w*||_inf <= gamma} {L(w*) - L(w)} <~ -sqrt(p0 p) (d/sqrt(m))
// gamma^N): a data set whose corrupted count |S| = p m runs over a grid at
// fixed d, m, N, gamma and law (so p0 = P(|zeta| >= t0), t0 = scale/2, is
// fixed per case and varies across cases with the law). Typed instance: its
// fields give the reader, validator, writer and schema.
#pragma once

#include <rapidcheck.h>

#include <array>
#include <string>
#include <tuple>
#include <vector>

#include "thmcheck/engine/claim.hpp"
#include "thmcheck/engine/typed_instance.hpp"
#include "thmcheck/mf22/regression_instance.hpp"

namespace thmcheck::mf22 {

/// A corruption sweep: the data set (its corrupted count is replaced by each
/// grid point), the radius gamma and the grid of |S|.
struct CorruptionSweepInstance : RegressionData {
  Real gamma;
  std::vector<int> corrupted_grid;
  static constexpr auto fields = std::tuple_cat(
      data_fields,
      std::make_tuple(field("gamma", &CorruptionSweepInstance::gamma, "the radius gamma, > 0"),
                      field("corrupted_grid", &CorruptionSweepInstance::corrupted_grid,
                            "the |S| = p m of the sweep, integers in [1, m/2) (p < 1/2)")));
  void check() const;
};

/// The drawn ranges: d = 400, m = 40 (m <= 0.1 d), k in [1, 3], N in [2, 5],
/// five laws of scale 100, gamma = 0.05, |S| in {2, 4, 8, 16} (p = 0.05 .. 0.4).
constexpr int kCorruptionDimension = 400, kCorruptionSamples = 40, kCorruptionSparsityMax = 3;
constexpr std::array<int, 4> kCorruptionGrid = {2, 4, 8, 16};
constexpr const char* kCorruptionGamma = "0.05";
constexpr double kCorruptionOutlierScale = 100;

rc::Gen<CorruptionSweepInstance> corruption_sweep_instances();
std::string corruption_sweep_generator_info();

/// Per |S| of the grid, the point (p0 p, (d/sqrt(m)) gamma^N / D) with D the
/// certified lower end of the largest decrease sup {L(w*) - L(w)} (as proved)
/// or the attained largest increase sup {L(w) - L(w*)} (`increase`, as
/// printed) over the gamma-ball around the balanced w*. The bullet's lower
/// bound D >~ sqrt(p0 p) (d/sqrt m) gamma^N is an upper bound
/// y <~ (p0 p)^{-1/2} on y as p -> 0.
template <class S>
Outcome corruption_sweep_outcome(const CorruptionSweepInstance& in, bool increase);

extern template Outcome corruption_sweep_outcome<double>(const CorruptionSweepInstance&, bool);
extern template Outcome corruption_sweep_outcome<Mp50>(const CorruptionSweepInstance&, bool);
extern template Outcome corruption_sweep_outcome<Mp100>(const CorruptionSweepInstance&, bool);

}  // namespace thmcheck::mf22
