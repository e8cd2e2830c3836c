#include "thmcheck/experiments/figure.hpp"

#include <fmt/format.h>
#include <fnmatch.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

namespace thmcheck {

namespace {

// JSON has no NaN or infinity: non-finite values are written as null.
Json numbers(const std::vector<double>& v) {
  Json a = Json::array();
  for (double x : v) a.push_back(std::isfinite(x) ? Json(x) : Json(nullptr));
  return a;
}

std::vector<double> read_numbers(const Json& j, const std::string& where) {
  if (!j.is_array()) throw InputError(where + ": expected an array of numbers");
  std::vector<double> v;
  v.reserve(j.size());
  for (const Json& x : j) {
    if (x.is_null()) {
      v.push_back(std::numeric_limits<double>::quiet_NaN());
    } else if (x.is_number()) {
      v.push_back(x.get<double>());
    } else if (x.is_string()) {  // exact-decimal parser keeps numbers as text
      try {
        v.push_back(std::stod(x.get<std::string>()));
      } catch (const std::exception&) {
        throw InputError(where + ": not a number: " + x.get<std::string>());
      }
    } else {
      throw InputError(where + ": expected a number");
    }
  }
  return v;
}

std::string read_text(const Json& j, const char* key, const std::string& where) {
  if (!j.contains(key)) return {};
  if (!j.at(key).is_string()) throw InputError(fmt::format("{}: '{}' must be a string", where, key));
  return j.at(key).get<std::string>();
}

bool read_bool(const Json& j, const char* key) { return j.contains(key) && j.at(key).is_boolean() && j.at(key).get<bool>(); }

}  // namespace

Json figures_to_json(const std::vector<Figure>& figures) {
  Json list = Json::array();
  for (const Figure& f : figures) {
    Json panels = Json::array();
    for (const Panel& p : f.panels) {
      Json series = Json::array();
      for (const Series& s : p.series) {
        series.push_back({{"label", s.label}, {"style", s.style}, {"x", numbers(s.x)}, {"y", numbers(s.y)},
                          {"lo", numbers(s.lo)}, {"hi", numbers(s.hi)}});
      }
      Json panel = {{"title", p.title}, {"x_label", p.x_label}, {"y_label", p.y_label},
                    {"log_x", p.log_x}, {"log_y", p.log_y}, {"series", series}};
      if (p.heatmap) {
        Json z = Json::array();
        for (const auto& row : p.heatmap->z) z.push_back(numbers(row));
        panel["heatmap"] = {{"x", numbers(p.heatmap->x)}, {"y", numbers(p.heatmap->y)}, {"z", z},
                            {"z_label", p.heatmap->z_label}, {"z_lo", p.heatmap->z_lo}, {"z_hi", p.heatmap->z_hi}};
      }
      panels.push_back(panel);
    }
    Json tables = Json::array();
    for (const Table& t : f.tables) tables.push_back({{"caption", t.caption}, {"header", t.header}, {"rows", t.rows}});
    list.push_back({{"id", f.id}, {"paper", f.paper}, {"source", f.source}, {"title", f.title}, {"text", f.text},
                    {"seed", f.seed}, {"quick", f.quick}, {"panels", panels}, {"tables", tables}});
  }
  return {{"schema", kFiguresSchema}, {"figures", list}};
}

std::vector<Figure> figures_from_json(const Json& doc, const std::string& where) {
  if (!doc.is_object() || !doc.contains("schema") || doc.at("schema") != kFiguresSchema) {
    throw InputError(fmt::format("{}: not a {} document", where, kFiguresSchema));
  }
  if (!doc.contains("figures") || !doc.at("figures").is_array()) throw InputError(where + ": 'figures' must be an array");
  std::vector<Figure> out;
  for (const Json& j : doc.at("figures")) {
    Figure f;
    f.id = read_text(j, "id", where);
    if (f.id.empty()) throw InputError(where + ": figure without an id");
    const std::string at = where + ": " + f.id;
    f.paper = read_text(j, "paper", at);
    f.source = read_text(j, "source", at);
    f.title = read_text(j, "title", at);
    f.text = read_text(j, "text", at);
    f.quick = read_bool(j, "quick");
    if (j.contains("seed")) {
      const Json& s = j.at("seed");
      f.seed = s.is_string() ? std::stoull(s.get<std::string>()) : s.get<std::uint64_t>();
    }
    for (const Json& pj : j.value("panels", Json::array())) {
      Panel p;
      p.title = read_text(pj, "title", at);
      p.x_label = read_text(pj, "x_label", at);
      p.y_label = read_text(pj, "y_label", at);
      p.log_x = read_bool(pj, "log_x");
      p.log_y = read_bool(pj, "log_y");
      for (const Json& sj : pj.value("series", Json::array())) {
        Series s;
        s.label = read_text(sj, "label", at);
        s.style = read_text(sj, "style", at);
        s.x = read_numbers(sj.at("x"), at + " series x");
        s.y = read_numbers(sj.at("y"), at + " series y");
        if (sj.contains("lo")) s.lo = read_numbers(sj.at("lo"), at + " series lo");
        if (sj.contains("hi")) s.hi = read_numbers(sj.at("hi"), at + " series hi");
        if (s.x.size() != s.y.size() || (!s.lo.empty() && s.lo.size() != s.x.size()) ||
            (!s.hi.empty() && s.hi.size() != s.x.size())) {
          throw InputError(at + ": series '" + s.label + "' has mismatched lengths");
        }
        p.series.push_back(std::move(s));
      }
      if (pj.contains("heatmap")) {
        const Json& hj = pj.at("heatmap");
        Heatmap h;
        h.x = read_numbers(hj.at("x"), at + " heatmap x");
        h.y = read_numbers(hj.at("y"), at + " heatmap y");
        for (const Json& row : hj.at("z")) h.z.push_back(read_numbers(row, at + " heatmap z"));
        h.z_label = read_text(hj, "z_label", at);
        if (hj.contains("z_lo")) h.z_lo = read_numbers(Json::array({hj.at("z_lo")}), at)[0];
        if (hj.contains("z_hi")) h.z_hi = read_numbers(Json::array({hj.at("z_hi")}), at)[0];
        if (h.z.size() != h.y.size()) throw InputError(at + ": heatmap rows do not match y");
        for (const auto& row : h.z) {
          if (row.size() != h.x.size()) throw InputError(at + ": heatmap columns do not match x");
        }
        p.heatmap = std::move(h);
      }
      f.panels.push_back(std::move(p));
    }
    for (const Json& tj : j.value("tables", Json::array())) {
      Table t;
      t.caption = read_text(tj, "caption", at);
      for (const Json& h : tj.at("header")) t.header.push_back(h.get<std::string>());
      for (const Json& row : tj.at("rows")) {
        std::vector<std::string> r;
        for (const Json& c : row) r.push_back(c.get<std::string>());
        if (r.size() != t.header.size()) throw InputError(at + ": table row width differs from its header");
        t.rows.push_back(std::move(r));
      }
      f.tables.push_back(std::move(t));
    }
    out.push_back(std::move(f));
  }
  return out;
}

double quantile(std::vector<double> v, double q) {
  if (v.empty()) return std::numeric_limits<double>::quiet_NaN();
  std::sort(v.begin(), v.end());
  const double pos = q * static_cast<double>(v.size() - 1);
  const auto i = static_cast<size_t>(std::floor(pos));
  const size_t j = std::min(i + 1, v.size() - 1);
  return v[i] + (pos - static_cast<double>(i)) * (v[j] - v[i]);
}

double median(std::vector<double> v) { return quantile(std::move(v), 0.5); }

}  // namespace thmcheck
