#include "thmcheck/experiments/cmr22_scaling_sweep.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "thmcheck/cmr22/flow_limit.hpp"
#include "thmcheck/engine/statistics.hpp"
#include "thmcheck/numerics/linalg.hpp"

namespace thmcheck::cmr22_figures {

namespace {

/// Estimated error of ||x~||_1 - LP value and of ||x~ - z_lp||: distance from x~
/// to S (sqrt(N) ||r|| / sigma_min(A)), twice the flow's last checkpoint change
/// (its remaining motion; 0 for GD), the LP's value error and rounding of the norms.
template <class S>
double limit_error(const LpReference<S>& ref, Eigen::Index n, const S& residual, const S& change, const S& l1) {
  using std::abs;
  using std::sqrt;
  const S u = unit_roundoff<S>();
  const S e = 2 * abs(change) + sqrt(S(n)) * residual / S(ref.sigma_min) + ref.lp.value_error +
              4 * S(n) * u * (l1 + abs(ref.lp.value));
  return scalar_cast<double>(e);
}

template <class S>
LimitPoint measure(const LpReference<S>& ref, const Vector<S>& product, const S& residual, const S& change) {
  LimitPoint p;
  p.ok = true;
  const S l1 = product.template lpNorm<1>();
  p.gap = scalar_cast<double>(S(l1 - ref.lp.value));
  p.error_to_lp = scalar_cast<double>(S((product - ref.lp.z).norm()));
  p.error_bound = limit_error<S>(ref, product.size(), residual, change, l1);
  p.rounding = limit_error<S>(ref, product.size(), S(0), S(0), l1);
  p.relative_residual = scalar_cast<double>(S(residual / S(ref.y_norm)));
  return p;
}

/// Flow limit from x~(0) = u_power0 (and v~(0) = v_power0 in the signed case).
template <class S>
LimitPoint flow_limit(const Matrix<S>& a, const Vector<S>& y, int depth, const Vector<S>& u_power0,
                      const Vector<S>& v_power0, const LpReference<S>& ref) {
  cmr22::MirrorMap<S> map;
  map.depth = depth;
  map.u0_power = u_power0;
  map.v0_power = v_power0;
  const auto flow = cmr22::certified_flow_limit<S>(a, y, map);
  LimitPoint p;
  // Only a certified limit is measured (a stalled flow has no certificate).
  if (flow.status == cmr22::FlowStatus::kConverged) p = measure<S>(ref, flow.product, flow.residual_norm, flow.change);
  p.status = cmr22::to_string(flow.status);
  p.evaluations = flow.function_evaluations;
  return p;
}

LimitPoint gd_limit(const Matrix<double>& a, const Vector<double>& y, int depth, const Vector<double>& u0,
                    const Vector<double>& v0, const LpReference<double>& ref,
                    const cmr22::FixedStepGdOptions<double>& options, long& iterations, bool& converged) {
  const auto gd = cmr22::fixed_step_gd<double>(a, y, depth, u0, v0, options);
  iterations = gd.iterations;
  converged = gd.converged();
  LimitPoint p;
  if (gd.status != cmr22::FixedStepGdStatus::kDiverged) p = measure<double>(ref, gd.product, gd.residual_norm, 0.0);
  p.status = cmr22::to_string(gd.status);
  p.evaluations = gd.gradient_evaluations;
  return p;
}

/// "0" or "n (status: count, ...)" for flow runs without a certificate.
std::string failure_text(const std::map<std::string, long>& failures) {
  long total = 0;
  std::string detail;
  for (const auto& [status, count] : failures) {
    total += count;
    detail += fmt::format("{}{}: {}", detail.empty() ? "" : ", ", status, count);
  }
  return total == 0 ? "0" : fmt::format("{} ({})", total, detail);
}

std::string interval_text(const LogLogFit& f) {
  if (!f.valid()) return f.points < 2 ? "—" : fmt::format("{:.3f} (2 points)", f.exponent);
  return fmt::format("{:.3f} [{:.3f}, {:.3f}] ({} pts)", f.exponent, f.exponent_low, f.exponent_high, f.points);
}

/// A series of one method and depth: per scale, the median over the resolved
/// instances (kept where at least half the instances are resolved) with the
/// min-max band, and the log-log fits of that median curve over all scales and
/// over scales <= fit_below.
struct Curve {
  Series series;
  /// Fits over all scales, over scales <= fit_below, and over the scales where
  /// every kept run fitted the data (||A x~ - y|| <= kFittedResidual ||y||).
  LogLogFit all, small, fitted;
  long dropped = 0;  ///< (scale, instance) points not resolved or failed
};

/// A GD iterate "fitted the data" (escaped the small initialization) when its
/// relative residual is at most this; the paper's slopes can only come from such runs.
constexpr double kFittedResidual = 1e-3;

Curve median_curve(const std::string& label, const std::vector<double>& scales,
                   const std::vector<std::vector<LimitPoint>>& points,  // [scale][instance]
                   Metric metric, double fit_below) {
  const bool use_gap = metric == Metric::kGap || metric == Metric::kIterateGap;
  Curve c;
  c.series.label = label;
  std::vector<std::pair<double, double>> all, small, fitted;
  for (size_t k = 0; k < scales.size(); ++k) {
    std::vector<double> values;
    bool all_fitted = true;
    for (const LimitPoint& p : points[k]) {
      const bool keep = metric == Metric::kGap          ? p.gap_resolved()
                        : metric == Metric::kLimitError ? p.error_resolved()
                        : metric == Metric::kIterateGap ? p.ok && p.gap > 2 * p.rounding
                                                        : p.ok && p.error_to_lp > 2 * p.rounding;
      if (keep) {
        values.push_back(use_gap ? p.gap : p.error_to_lp);
        all_fitted = all_fitted && p.relative_residual <= kFittedResidual;
      } else {
        ++c.dropped;
      }
    }
    if (values.empty() || 2 * values.size() < points[k].size()) continue;
    const double m = median(values);
    c.series.x.push_back(scales[k]);
    c.series.y.push_back(m);
    c.series.lo.push_back(*std::min_element(values.begin(), values.end()));
    c.series.hi.push_back(*std::max_element(values.begin(), values.end()));
    all.emplace_back(std::log(scales[k]), std::log(m));
    if (scales[k] <= fit_below * (1 + 1e-9)) small.emplace_back(std::log(scales[k]), std::log(m));
    if (all_fitted) fitted.emplace_back(std::log(scales[k]), std::log(m));
  }
  c.all = fit_log_log(all);
  c.small = fit_log_log(small);
  c.fitted = fit_log_log(fitted);
  return c;
}

}  // namespace

template <class S>
LpReference<S> lp_reference(const Matrix<double>& a, const Vector<double>& y, bool nonnegative, bool exact_simplex) {
  LpReference<S> ref;
  ref.lp = cmr22::l1_minimize<S>(a.cast<S>(), y.cast<S>(), nonnegative, exact_simplex);
  ref.sigma_min = smallest_singular_value<double>(a);
  ref.y_norm = y.norm();
  return ref;
}

template LpReference<double> lp_reference<double>(const Matrix<double>&, const Vector<double>&, bool, bool);
template LpReference<Mp50> lp_reference<Mp50>(const Matrix<double>&, const Vector<double>&, bool, bool);

void Sweep::add(size_t k, const cmr22::CsInstance& inst, int depth, const Vector<double>& u0, const Vector<double>& v0,
                const LpReference<double>& ref, const cmr22::FixedStepGdOptions<double>& gd_options,
                std::map<std::string, long>& flow_failures, std::optional<LpReference<Mp50>>* ref50) {
  flow[k].push_back(flow_limit<double>(inst.a, inst.y, depth, cmr22::hadamard_power<double>(u0, depth),
                                       cmr22::hadamard_power<double>(v0, depth), ref));
  if (ref50 && !flow[k].back().gap_resolved()) {
    if (!*ref50) ref50->emplace(lp_reference<Mp50>(inst.a, inst.y, v0.size() == 0, true));
    if ((*ref50)->lp.ok()) {
      const Vector<Mp50> u50 = u0.cast<Mp50>(), v50 = v0.cast<Mp50>();
      flow[k].back() = flow_limit<Mp50>(inst.a.cast<Mp50>(), inst.y.cast<Mp50>(), depth,
                                        cmr22::hadamard_power<Mp50>(u50, depth),
                                        cmr22::hadamard_power<Mp50>(v50, depth), **ref50);
      ++recomputed_50;
    }
  }
  if (!flow[k].back().ok) ++flow_failures[flow[k].back().status];
  long iterations = 0;
  bool converged = false;
  gd[k].push_back(gd_limit(inst.a, inst.y, depth, u0, v0, ref, gd_options, iterations, converged));
  gd_max_iterations = std::max(gd_max_iterations, iterations);
  gd_converged += converged;
  ++gd_runs;
}

void add_comparison(const Sweep& sweep, int depth, const std::vector<double>& scales, Metric flow_metric,
                    Metric gd_metric, double fit_below, std::vector<std::string> row, Panel& panel, Table& table,
                    const std::string& bound_label, double bound_factor) {
  const Curve flow = median_curve(fmt::format("flow L = {}", depth), scales, sweep.flow, flow_metric, fit_below);
  Curve gd = median_curve(fmt::format("GD L = {}", depth), scales, sweep.gd, gd_metric, fit_below);
  for (const LogLogFit* fit : std::initializer_list<const LogLogFit*>{&flow.all, &gd.all, &flow.small, &gd.small, &gd.fitted}) row.push_back(interval_text(*fit));
  row.push_back(std::to_string(sweep.gd_max_iterations));
  row.push_back(fmt::format("{}/{}", sweep.gd_converged, sweep.gd_runs));
  row.push_back(fmt::format("{} / {}", flow.dropped, gd.dropped));
  table.rows.push_back(std::move(row));
  gd.series.style = "points";
  panel.series.push_back(flow.series);
  panel.series.push_back(gd.series);
  if (bound_label.empty()) return;
  Series bound;
  bound.label = bound_label;
  bound.style = "lines";
  bound.x = scales;
  for (double x : scales) bound.y.push_back(bound_factor * x);
  panel.series.push_back(bound);
}

std::string scaling_protocol_text(const ScalingSettings& set, const std::string& lp_text,
                                  const std::map<std::string, long>& flow_failures, long lp_failures) {
  return fmt::format(
      "**GD** — the paper's fixed-step gradient descent, step 1e-2, in double, stopped when ||A x~ - y||_2 <= "
      "{tol:g} or after {cap} iterations; its gap and error are those of the iterate where it stopped, as the "
      "paper measures after a fixed T, whether or not it reached the tolerance (a value is plotted where it is "
      "positive and above the rounding of the norms; an unconverged iterate can have a negative gap, i.e. lie "
      "off S). **Flow** — the gradient flow of Theorem 1.1 integrated in the exact dual coordinates "
      "(lib/cmr22/mirror_flow.hpp) in double to its certificate (residual and l1 change of x~ below "
      "u^(3/4)(1 + ||y||_1) ~ 1e-12); only certified limits are used. Reference: {lp}. A flow limit carries an "
      "estimated error bound (distance to S via sqrt(N)||r||/sigma_min(A), twice the flow's last change, the LP "
      "value error, rounding); values not above twice that bound are dropped (counted in the table) — they are "
      "rounding, not data. Flow runs without certificate: {ff}; LP failures: {lf}.",
      fmt::arg("tol", set.gd_tolerance), fmt::arg("cap", set.gd_cap), fmt::arg("lp", lp_text),
      fmt::arg("ff", failure_text(flow_failures)), fmt::arg("lf", lp_failures));
}

/// A figure of this file with its identification filled in.
Figure cmr22_figure(const std::string& id, const std::string& source, const std::string& title,
                    const ExperimentOptions& options) {
  Figure f;
  f.id = id;
  f.paper = "cmr22";
  f.source = source;
  f.title = title;
  f.seed = options.seed;
  f.quick = options.quick;
  return f;
}

}  // namespace thmcheck::cmr22_figures
