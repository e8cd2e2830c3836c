// The scaling sweeps of cmr22 Figures 4a and 4b (Chou, Maly & Rauhut, "More
// is less", Sections 4.3-4.4): flow limits and GD iterates over the scales
// alpha^L (or beta) of the initialization, their l1 gaps and distances to the
// LP minimizer with estimated error bounds, median curves and log-log fits.
// Used by lib/experiments/cmr22_figures.cpp.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "thmcheck/cmr22/fixed_step_gd.hpp"
#include "thmcheck/cmr22/l1_minimization.hpp"
#include "thmcheck/experiments/figure.hpp"

namespace thmcheck::cmr22_figures {

constexpr double kPaperStep = 1e-2;  // cmr22 Section 4.1

/// One measured limit: its l1 gap to the LP minimum and l2 distance to the LP
/// minimizer, with an estimated error bound of both (a point whose value is
/// not above twice its error is not resolved and is not plotted).
struct LimitPoint {
  bool ok = false;
  std::string status;
  double gap = NAN, error_to_lp = NAN, error_bound = NAN;
  double rounding = NAN;  ///< the LP value error and rounding of the norms alone (for iterates)
  double relative_residual = NAN;  ///< ||A x~ - y|| / ||y||
  long evaluations = 0;  ///< gradient (or flow right-hand side) evaluations
  bool gap_resolved() const { return ok && gap > 2 * error_bound; }
  bool error_resolved() const { return ok && error_to_lp > 2 * error_bound; }
};

/// The l1 minimum over S (signed) or S+ at precision S.
template <class S>
struct LpReference {
  cmr22::L1Result<S> lp;
  double sigma_min = 0;
  double y_norm = 0;
};

/// The l1 minimum of (A, y) at precision S (A and y converted from double),
/// with sigma_min(A) and ||y|| in double.
template <class S>
LpReference<S> lp_reference(const Matrix<double>& a, const Vector<double>& y, bool nonnegative, bool exact_simplex);
extern template LpReference<double> lp_reference<double>(const Matrix<double>&, const Vector<double>&, bool, bool);
extern template LpReference<Mp50> lp_reference<Mp50>(const Matrix<double>&, const Vector<double>&, bool, bool);

/// What a curve plots: the l1 gap of a limit, the distance of a limit to the
/// LP minimizer (both only where resolved), or the distance of an iterate
/// (GD where it stopped, measured as it is, like the paper's GD after T steps).
enum class Metric { kGap, kLimitError, kIterateGap, kIterateError };

/// Flow limits and GD iterates of one depth over [scale][instance], with GD's counts.
struct Sweep {
  std::vector<std::vector<LimitPoint>> flow, gd;
  long gd_max_iterations = 0, gd_converged = 0, gd_runs = 0;
  long recomputed_50 = 0;  ///< flow points recomputed at 50 digits (see add)
  explicit Sweep(size_t scales) : flow(scales), gd(scales) {}
  /// An instance without an LP reference: nothing measured at any scale.
  void skip_instance() {
    for (size_t k = 0; k < flow.size(); ++k) {
      flow[k].emplace_back();
      gd[k].emplace_back();
    }
  }
  /// Flow limit from u~0, v~0 and GD from u0, v0 = the factors (v empty: positive case).
  /// ref50 non-null: a flow gap that double does not resolve is recomputed at
  /// 50 digits (certified_flow_limit, warm-started from double) against the
  /// 50-digit LP, built on first use.
  void add(size_t k, const cmr22::CsInstance& inst, int depth, const Vector<double>& u0, const Vector<double>& v0,
           const LpReference<double>& ref, const cmr22::FixedStepGdOptions<double>& gd_options,
           std::map<std::string, long>& flow_failures, std::optional<LpReference<Mp50>>* ref50 = nullptr);
};

/// Adds a sweep's flow and GD curves to `panel` (and the line bound_factor *
/// scale when bound_label is not empty) and one row to `table`: row_prefix,
/// flow and GD slopes over all and over small scales, GD counts, dropped points.
void add_comparison(const Sweep& sweep, int depth, const std::vector<double>& scales, Metric flow_metric,
                    Metric gd_metric, double fit_below, std::vector<std::string> row, Panel& panel, Table& table,
                    const std::string& bound_label, double bound_factor);

/// Settings of a scaling sweep (Figures 4a and 4b): scales 10^-k, k = min..max exponent.
struct ScalingSettings {
  Eigen::Index n = 20, m = 14, s = 3;
  std::vector<int> depths{2, 3, 4};
  int min_exponent = 1, max_exponent = 12;
  int instances = 3;
  long gd_cap = 1000000;
  double gd_tolerance = 1e-12;
  double fit_below = 1e-6;
  std::vector<double> scales() const {
    std::vector<double> out;
    for (int k = min_exponent; k <= max_exponent; ++k) out.push_back(std::pow(10.0, -k));
    return out;
  }
  cmr22::FixedStepGdOptions<double> gd_options() const {
    cmr22::FixedStepGdOptions<double> o;
    o.step = kPaperStep;
    o.max_iterations = gd_cap;
    o.residual_tolerance = gd_tolerance;
    return o;
  }
};

/// The part of a scaling figure's text that both share: the two methods and what is dropped.
std::string scaling_protocol_text(const ScalingSettings& set, const std::string& lp_text,
                                  const std::map<std::string, long>& flow_failures, long lp_failures);

/// A cmr22 figure with its identification filled in.
Figure cmr22_figure(const std::string& id, const std::string& source, const std::string& title,
                    const ExperimentOptions& options);

}  // namespace thmcheck::cmr22_figures
