// Reproduced experiments ("figures"): the data a paper's figure or table
// shows, recomputed by thmcheck's own solvers, plus the text that says what
// was computed. Figures never judge claims; the report renders them beside
// the verdicts.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "thmcheck/engine/instance.hpp"

namespace thmcheck {

/// One curve of a panel: y against x, optionally with a band [lo, hi]
/// (e.g. the spread over repetitions). `lo`/`hi` are empty or have x's size.
struct Series {
  std::string label;
  std::vector<double> x, y, lo, hi;
  /// gnuplot style: "linespoints", "lines", "dashed" (a dashed line, e.g. a
  /// reference level) or "points".
  std::string style = "linespoints";
};

/// A heat map: z[i][j] is the value at (x[j], y[i]) on a regular grid.
struct Heatmap {
  std::vector<double> x, y;
  std::vector<std::vector<double>> z;
  std::string z_label;
  /// Colour range; when lo >= hi the data's range is used.
  double z_lo = 0, z_hi = 0;
};

/// One plot: curves on (optionally logarithmic) axes, or one heat map.
struct Panel {
  std::string title, x_label, y_label;
  bool log_x = false, log_y = false;
  std::vector<Series> series;
  std::optional<Heatmap> heatmap;
};

/// A table of numbers shown as Markdown (cells are preformatted text).
struct Table {
  std::string caption;
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

/// The result of one experiment: deterministic for a seed (no timings).
struct Figure {
  std::string id;      ///< e.g. "os19.sec6.2"
  std::string paper;   ///< "os19", "cmr22", "mf22"
  std::string source;  ///< "Section 6.2, Figure 2"
  std::string title;
  std::string text;    ///< Markdown: setting, what was computed, what it shows
  std::uint64_t seed = 1;
  bool quick = false;  ///< computed at the reduced `--quick` size
  std::vector<Panel> panels;
  std::vector<Table> tables;
};

/// Options of one experiment run.
struct ExperimentOptions {
  std::uint64_t seed = 1;
  /// Reduced sizes (fewer repetitions, smaller grids) for tests; the report
  /// says when a figure was computed quick.
  bool quick = false;
  /// Progress text (called only when the caller wants progress).
  std::function<void(const std::string&)> progress;
};

/// A reproducible experiment of a paper.
struct Experiment {
  std::string id, paper, source, title;
  /// Excluded from the default `thmcheck figures` run (the report job); run
  /// with `--slow` or by naming its id.
  bool slow = false;
  std::function<Figure(const ExperimentOptions&)> run;
};

/// Schema identifier of DIR/figures.json.
inline constexpr const char* kFiguresSchema = "thmcheck-figures/1";

Json figures_to_json(const std::vector<Figure>& figures);
/// Throws InputError on a wrong schema or field.
std::vector<Figure> figures_from_json(const Json& doc, const std::string& where);

// The experiments of each paper (lib/experiments/<paper>_*.cpp), registered
// by checks/<paper>/experiments.cpp (Registry, THMCHECK_REGISTER).
void add_os19_experiments(std::vector<Experiment>& out);
void add_cmr22_experiments(std::vector<Experiment>& out);
void add_mf22_experiments(std::vector<Experiment>& out);

/// Helpers for experiment code: summary statistics of a sample.
double median(std::vector<double> v);
double quantile(std::vector<double> v, double q);

}  // namespace thmcheck
