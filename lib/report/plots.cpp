#include "thmcheck/report/plots.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>

namespace thmcheck {

namespace {

std::string escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

// Runs gnuplot on a script (given on stdin through a temporary file) and
// returns its standard output.
std::optional<std::string> run_gnuplot(const std::string& script) {
  namespace fs = std::filesystem;
  char name[] = "/tmp/thmcheck-plot-XXXXXX";
  int fd = mkstemp(name);
  if (fd < 0) return std::nullopt;
  {
    std::ofstream out(name);
    out << script;
  }
  close(fd);
  std::string cmd = fmt::format("gnuplot '{}' 2>/dev/null", name);
  FILE* pipe = popen(cmd.c_str(), "r");
  if (!pipe) {
    fs::remove(name);
    return std::nullopt;
  }
  std::string svg;
  std::array<char, 4096> buf{};
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) svg.append(buf.data(), n);
  const int status = pclose(pipe);
  fs::remove(name);
  if (status != 0 || svg.find("<svg") == std::string::npos) return std::nullopt;
  return svg;
}

// `noenhanced`: every title, label and legend is drawn as written. In
// gnuplot's enhanced mode `_` and `^` start sub- and superscripts, which in
// SVG came out as overlapping fragments (`||x~||_1`, `alpha^L`); the labels
// here are plain text (Unicode where it helps), and log axes are numbered
// 1e-5, 1e0, 1e5.
const char* kHeader =
    "set terminal svg size 640,400 dynamic noenhanced font 'Helvetica,11' background rgb 'white'\n"
    "set output\n"
    "set grid\n"
    "set key top left\n";

const char* kLogX = "set logscale x\nset format x '1e%L'\n";
const char* kLogY = "set logscale y\nset format y '1e%L'\n";

}  // namespace

bool gnuplot_available() {
  return std::system("gnuplot -V >/dev/null 2>&1") == 0;
}

std::optional<std::string> render_svg(const HistogramPlot& plot) {
  if (plot.values.empty()) return std::nullopt;
  double lo = *std::min_element(plot.values.begin(), plot.values.end());
  double hi = *std::max_element(plot.values.begin(), plot.values.end());
  if (plot.marker) {
    lo = std::min(lo, *plot.marker);
    hi = std::max(hi, *plot.marker);
  }
  if (hi <= lo) {
    hi = lo + 0.5;
    lo = lo - 0.5;
  }
  const int bins = std::max(1, plot.bins);
  const double width = (hi - lo) / bins;
  std::vector<long> counts(bins, 0);
  for (double v : plot.values) {
    int b = static_cast<int>((v - lo) / width);
    counts[std::clamp(b, 0, bins - 1)]++;
  }
  std::ostringstream s;
  s << kHeader;
  s << fmt::format("set title \"{}\"\nset xlabel \"{}\"\nset ylabel \"cases\"\n", escape(plot.title),
                   escape(plot.x_label));
  s << "set style fill solid 0.6 border -1\nset boxwidth " << fmt::format("{:.17g}", width * 0.9)
    << "\nset yrange [0:*]\n";
  s << fmt::format("set xrange [{:.17g}:{:.17g}]\n", lo - width, hi + width);
  if (plot.marker) {
    s << fmt::format("set arrow from {0:.17g}, graph 0 to {0:.17g}, graph 1 nohead dt 2 lw 2 lc rgb 'red'\n",
                     *plot.marker);
  }
  s << "$data << EOD\n";
  for (int b = 0; b < bins; ++b) s << fmt::format("{:.17g} {}\n", lo + (b + 0.5) * width, counts[b]);
  s << "EOD\n";
  s << "plot $data using 1:2 with boxes lc rgb '#4477aa' title 'cases'\n";
  return run_gnuplot(s.str());
}

std::optional<std::string> render_svg(const LogLogPlot& plot) {
  if (plot.points.empty()) return std::nullopt;
  std::ostringstream s;
  s << kHeader;
  s << fmt::format("set title \"{}\"\nset xlabel \"{}\"\nset ylabel \"{}\"\n", escape(plot.title),
                   escape(plot.x_label), escape(plot.y_label));
  s << kLogX << kLogY;
  s << "$data << EOD\n";
  for (const auto& [x, y] : plot.points) s << fmt::format("{:.17g} {:.17g}\n", x, y);
  s << "EOD\n";
  if (plot.has_fit) {
    s << fmt::format("f(x) = exp({:.17g}) * x**({:.17g})\n", plot.intercept, plot.exponent);
    s << fmt::format(
        "plot $data using 1:2 with points pt 7 ps 0.6 lc rgb '#4477aa' title 'measured', "
        "f(x) with lines lw 2 lc rgb '#cc3311' title 'fit: slope {:.3f}'\n",
        plot.exponent);
  } else {
    s << "plot $data using 1:2 with points pt 7 ps 0.6 lc rgb '#4477aa' title 'measured'\n";
  }
  return run_gnuplot(s.str());
}

std::optional<std::string> render_svg(const ScatterPlot& plot) {
  if (plot.points.empty() && plot.violations.empty()) return std::nullopt;
  double lo = std::numeric_limits<double>::infinity(), hi = 0;
  for (const auto* set : {&plot.points, &plot.violations}) {
    for (const auto& [x, y] : *set) {
      lo = std::min({lo, x, y});
      hi = std::max({hi, x, y});
    }
  }
  // Equal ranges on both axes, a little beyond the data, so that the line
  // measured = bound is the diagonal.
  lo /= 2;
  hi *= 2;
  std::ostringstream s;
  s << kHeader;
  s << fmt::format("set title \"{}\"\nset xlabel \"{}\"\nset ylabel \"{}\"\n", escape(plot.title),
                   escape(plot.x_label), escape(plot.y_label));
  s << kLogX << kLogY;
  s << fmt::format("set xrange [{0:.17g}:{1:.17g}]\nset yrange [{0:.17g}:{1:.17g}]\nset size ratio -1\n", lo, hi);
  // The legend under the square plot, off the points; no minor tics (a
  // decade span of 1e50 would draw them as a solid bar).
  s << "set key outside below center horizontal\nunset mxtics\nunset mytics\n";
  auto data = [&](const char* name, const std::vector<std::pair<double, double>>& pts) {
    s << "$" << name << " << EOD\n";
    for (const auto& [x, y] : pts) s << fmt::format("{:.17g} {:.17g}\n", x, y);
    s << "EOD\n";
  };
  std::vector<std::string> plots = {"x with lines lw 1.5 dt 2 lc rgb '#000000' title 'measured = bound'"};
  if (!plot.points.empty()) {
    data("cases", plot.points);
    plots.push_back("$cases using 1:2 with points pt 7 ps 0.5 lc rgb '#4477aa' title 'cases'");
  }
  if (!plot.violations.empty()) {
    data("violations", plot.violations);
    plots.push_back("$violations using 1:2 with points pt 2 ps 1.2 lw 2 lc rgb '#cc3311' title 'certified violations'");
  }
  s << "plot ";
  for (size_t i = 0; i < plots.size(); ++i) s << (i ? ", " : "") << plots[i];
  s << "\n";
  return run_gnuplot(s.str());
}

namespace {

const char* kColours[] = {"#4477aa", "#cc3311", "#228833", "#ee7733", "#aa3377", "#009988", "#bbbbbb", "#000000"};

std::string data_value(double v) { return std::isfinite(v) ? fmt::format("{:.17g}", v) : std::string("NaN"); }

}  // namespace

std::optional<std::string> render_svg(const Panel& panel) {
  std::ostringstream s;
  s << kHeader;
  s << fmt::format("set title \"{}\"\nset xlabel \"{}\"\nset ylabel \"{}\"\n", escape(panel.title),
                   escape(panel.x_label), escape(panel.y_label));
  if (panel.heatmap) {
    const Heatmap& h = *panel.heatmap;
    if (h.x.empty() || h.y.empty()) return std::nullopt;
    s << "unset grid\nset palette defined (0 '#313695', 0.25 '#74add1', 0.5 '#ffffbf', 0.75 '#f46d43', 1 '#a50026')\n";
    s << fmt::format("set cblabel \"{}\"\n", escape(h.z_label));
    if (h.z_lo < h.z_hi) s << fmt::format("set cbrange [{:.17g}:{:.17g}]\n", h.z_lo, h.z_hi);
    auto half_step = [](const std::vector<double>& v) { return v.size() > 1 ? (v[1] - v[0]) / 2 : 0.5; };
    s << fmt::format("set xrange [{:.17g}:{:.17g}]\nset yrange [{:.17g}:{:.17g}]\n", h.x.front() - half_step(h.x),
                     h.x.back() + half_step(h.x), h.y.front() - half_step(h.y), h.y.back() + half_step(h.y));
    s << "$grid << EOD\n";
    for (size_t i = 0; i < h.y.size(); ++i) {
      for (size_t j = 0; j < h.x.size(); ++j) {
        s << data_value(h.x[j]) << ' ' << data_value(h.y[i]) << ' ' << data_value(h.z[i][j]) << "\n";
      }
      s << "\n";
    }
    s << "EOD\nplot $grid using 1:2:3 with image notitle\n";
    return run_gnuplot(s.str());
  }
  if (panel.series.empty()) return std::nullopt;
  if (panel.log_x) s << kLogX;
  if (panel.log_y) s << kLogY;
  // The legend below the plot, two entries a row: beside it, long labels
  // took half the width.
  s << "set key outside below center horizontal maxcols 2 font ',10' samplen 2\n"
       "set style fill transparent solid 0.2 noborder\n";
  std::vector<std::string> plots;
  for (size_t k = 0; k < panel.series.size(); ++k) {
    const Series& sr = panel.series[k];
    const std::string colour = kColours[k % (sizeof(kColours) / sizeof(kColours[0]))];
    s << fmt::format("$s{} << EOD\n", k);
    const bool band = !sr.lo.empty() && !sr.hi.empty();
    for (size_t i = 0; i < sr.x.size(); ++i) {
      s << data_value(sr.x[i]) << ' ' << data_value(sr.y[i]);
      if (band) s << ' ' << data_value(sr.lo[i]) << ' ' << data_value(sr.hi[i]);
      s << "\n";
    }
    s << "EOD\n";
    if (band) {
      plots.push_back(fmt::format("$s{} using 1:3:4 with filledcurves lc rgb '{}' notitle", k, colour));
    }
    const std::string style = sr.style == "lines"    ? "lines lw 2"
                              : sr.style == "dashed" ? "lines lw 2 dt 2"
                              : sr.style == "points" ? "points pt 7 ps 0.5"
                                                     : "linespoints pt 7 ps 0.4 lw 1.5";
    plots.push_back(fmt::format("$s{} using 1:2 with {} lc rgb '{}' title \"{}\"", k, style, colour, escape(sr.label)));
  }
  s << "plot ";
  for (size_t i = 0; i < plots.size(); ++i) s << (i ? ", " : "") << plots[i];
  s << "\n";
  return run_gnuplot(s.str());
}

}  // namespace thmcheck
