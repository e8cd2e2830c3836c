// Plots for the Markdown report, drawn by gnuplot into SVG files.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "thmcheck/experiments/figure.hpp"

namespace thmcheck {

/// A histogram of values (e.g. measured/bound ratios) with `bins` equal bins.
struct HistogramPlot {
  std::string title, x_label;
  std::vector<double> values;
  int bins = 30;
  std::optional<double> marker;  ///< vertical line, e.g. at ratio 1
};

/// Points on log-log axes with a fitted line log y = a + k log x.
struct LogLogPlot {
  std::string title, x_label, y_label;
  std::vector<std::pair<double, double>> points;  ///< (x, y), both > 0
  double exponent = 0, intercept = 0;             ///< natural-log intercept
  bool has_fit = false;
};

/// Measured against bound, both > 0, on log-log axes of equal range with the
/// line measured = bound: cases on or below it hold, above it fail. Certified
/// violations are drawn apart.
struct ScatterPlot {
  std::string title, x_label, y_label;
  std::vector<std::pair<double, double>> points;      ///< (bound, measured) of the other cases
  std::vector<std::pair<double, double>> violations;  ///< (bound, measured) of certified failures
};

/// Renders a plot to SVG text with gnuplot (`gnuplot` on PATH). Returns
/// nullopt when gnuplot is not available or fails. Output is deterministic.
std::optional<std::string> render_svg(const HistogramPlot& plot);
std::optional<std::string> render_svg(const LogLogPlot& plot);
std::optional<std::string> render_svg(const ScatterPlot& plot);
/// A figure panel: curves (with bands) on linear or log axes, or a heat map.
std::optional<std::string> render_svg(const Panel& panel);

/// True when gnuplot can be run.
bool gnuplot_available();

}  // namespace thmcheck
