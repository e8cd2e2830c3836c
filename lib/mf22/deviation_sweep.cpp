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
Outcome deviation_sweep_outcome(const Json& j, PsiForm form, DeviationNorm norm) {
  const OutlierLaw<S> law_s = read_law<S>(j);
  const OutlierLaw<double> law = read_law<double>(j);
  const int permille = static_cast<int>(read_integer(j, "corruption_permille", 0, 999));
  const std::uint64_t seed = j.at("seed").get<std::uint64_t>();
  const bool by_samples = has_field(j, "samples_grid");
  std::vector<int> grid;
  for (double v : read_vector<double>(j, by_samples ? "samples_grid" : "dimension_grid"))
    grid.push_back(static_cast<int>(v));
  Outcome o;
  o.hypotheses = assumption1_checks(law_s);
  std::string series;
  double worst_other = 0;
  for (std::size_t g = 0; g < grid.size(); ++g) {
    RobustRegressionSpec spec;
    spec.dimension = by_samples ? static_cast<int>(read_integer(j, "dimension", 1, 100000)) : grid[g];
    spec.samples = by_samples ? grid[g] : static_cast<int>(read_integer(j, "samples", 2, 1000000));
    spec.sparsity = 0;  // theta* plays no role in Q(z): the data are (X, eps)
    spec.corrupted = corrupted_count(spec.samples, permille);
    spec.outliers = law;
    spec.seed = seed + 7919 * g;
    const RobustRegressionData data = draw_robust_regression(spec);
    DeviationSearchOptions options;
    options.sparsity = std::min<int>(static_cast<int>(read_integer(j, "sparsity", 1, 100000)),
                                     spec.dimension);
    options.norm_min = read_real<double>(j, "norm_min");
    options.norm_max = read_real<double>(j, "norm_max");
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

template Outcome deviation_sweep_outcome<double>(const Json&, PsiForm, DeviationNorm);
template Outcome deviation_sweep_outcome<Mp50>(const Json&, PsiForm, DeviationNorm);
template Outcome deviation_sweep_outcome<Mp100>(const Json&, PsiForm, DeviationNorm);

}  // namespace thmcheck::mf22
