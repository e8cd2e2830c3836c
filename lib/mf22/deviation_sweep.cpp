#include "thmcheck/mf22/deviation_sweep.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "thmcheck/mf22/outlier_law_instance.hpp"
#include "thmcheck/mf22/robust_regression.hpp"

namespace thmcheck::mf22 {

template <class S>
Outcome deviation_sweep_outcome(const DeviationSweepInstance& in, PsiForm form, DeviationNorm norm) {
  const OutlierLaw<S> law_s = in.outlier_law<S>();
  const OutlierLaw<double> law = in.outlier_law<double>();
  const int permille = in.corruption_permille;
  const std::uint64_t seed = in.seed;
  const bool by_samples = in.by_samples();
  const std::vector<int>& grid = by_samples ? *in.samples_grid : *in.dimension_grid;
  Outcome o;
  o.hypotheses = assumption1_checks(law_s);
  std::string series;
  double worst_other = 0;
  for (std::size_t g = 0; g < grid.size(); ++g) {
    RobustRegressionSpec spec;
    spec.dimension = by_samples ? *in.dimension : grid[g];
    spec.samples = by_samples ? grid[g] : *in.samples;
    spec.sparsity = 0;  // theta* plays no role in Q(z): the data are (X, eps)
    spec.corrupted = corrupted_count(spec.samples, permille);
    spec.outliers = law;
    spec.seed = seed + 7919 * g;
    const RobustRegressionData data = draw_robust_regression(spec);
    DeviationSearchOptions options;
    options.sparsity = std::min<int>(in.sparsity, spec.dimension);
    options.norm_min = in.norm_min.as<double>();
    options.norm_max = in.norm_max.as<double>();
    options.form = form;
    options.norm = norm;
    options.seed = seed ^ (0x9e3779b97f4a7c15ULL * (g + 1));
    const DeviationSearchResult r =
        search_deviation(data.x, data.noise, law, data.corruption_rate(), options);
    if (r.best_deviation <= 0 || r.message != "ok") {
      o.ok = false;
      o.message = "deviation search failed: " + r.message;
      return o;
    }
    const double x = by_samples ? spec.samples : spec.dimension;
    o.points.emplace_back(Wide(x), Wide(r.best_deviation));
    // The same z under the other psi form, for the report.
    Matrix<double> z = r.best_z;
    const PsiForm other = form == PsiForm::kPrinted ? PsiForm::kAsProved : PsiForm::kPrinted;
    worst_other = std::max(worst_other, deviations(data.x, data.noise, law, data.corruption_rate(), z,
                                                   other, norm)(0));
    series += fmt::format("{}{}={:.0f}: {:.4g} (||z||={:.3g}, {} z)", g ? "; " : "",
                          by_samples ? "m" : "d", x, r.best_deviation, r.best_z.norm(),
                          r.evaluations);
  }
  o.details = {{"deviation by " + std::string(by_samples ? "m" : "d"), series},
               {"psi", to_string(form)},
               {"norm", to_string(norm)},
               {"max deviation of the best z with the other psi", fmt::format("{:.4g}", worst_other)},
               {"search", "per grid point: 2x64 random k-sparse z, 2x64 regression-built z, "
                          "6x64 hill-climbing steps; each value is attained, so a lower bound "
                          "on the sup"}};
  o.message = "each point is a lower bound on the sup deviation (search, not exhaustive)";
  return o;
}

template Outcome deviation_sweep_outcome<double>(const DeviationSweepInstance&, PsiForm, DeviationNorm);
template Outcome deviation_sweep_outcome<Mp50>(const DeviationSweepInstance&, PsiForm, DeviationNorm);
template Outcome deviation_sweep_outcome<Mp100>(const DeviationSweepInstance&, PsiForm, DeviationNorm);

}  // namespace thmcheck::mf22
