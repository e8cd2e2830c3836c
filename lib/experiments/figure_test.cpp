#include "thmcheck/experiments/figure.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "thmcheck/report/plots.hpp"

namespace thmcheck {
namespace {

Figure sample_figure() {
  Figure f;
  f.id = "test.fig";
  f.paper = "test";
  f.source = "Figure 0";
  f.title = "a title";
  f.text = "some *text*";
  f.seed = 7;
  Panel p;
  p.title = "curves";
  p.log_y = true;
  p.series.push_back({"a", {1, 2, 3}, {0.5, 0.25, std::nan("")}, {0.4, 0.2, 0.1}, {0.6, 0.3, 0.2}, "lines"});
  f.panels.push_back(p);
  Panel h;
  h.title = "map";
  h.heatmap = Heatmap{{0, 1}, {0, 1, 2}, {{1, 2}, {3, 4}, {5, 6}}, "z", 0, 6};
  f.panels.push_back(h);
  f.tables.push_back({"caption", {"x", "y"}, {{"1", "2"}}});
  return f;
}

TEST(Figures, JsonRoundTripKeepsEveryFieldAndNaN) {
  const Figure f = sample_figure();
  const Json j = figures_to_json({f});
  const auto back = figures_from_json(j, "test");
  ASSERT_EQ(back.size(), 1u);
  const Figure& g = back[0];
  EXPECT_EQ(g.id, f.id);
  EXPECT_EQ(g.seed, 7u);
  ASSERT_EQ(g.panels.size(), 2u);
  EXPECT_TRUE(g.panels[0].log_y);
  EXPECT_EQ(g.panels[0].series[0].style, "lines");
  EXPECT_TRUE(std::isnan(g.panels[0].series[0].y[2]));
  EXPECT_DOUBLE_EQ(g.panels[0].series[0].hi[1], 0.3);
  ASSERT_TRUE(g.panels[1].heatmap.has_value());
  EXPECT_DOUBLE_EQ(g.panels[1].heatmap->z[2][1], 6);
  EXPECT_EQ(g.tables[0].rows[0][1], "2");
  // Serialising again gives the same document (deterministic output).
  EXPECT_EQ(figures_to_json(back).dump(), j.dump());
}

TEST(Figures, MalformedDocumentsAreInputErrors) {
  EXPECT_THROW(figures_from_json(Json{{"schema", "other"}}, "x"), InputError);
  Json j = figures_to_json({sample_figure()});
  j["figures"][0]["panels"][0]["series"][0]["x"] = Json::array({1, 2});  // length mismatch
  EXPECT_THROW(figures_from_json(j, "x"), InputError);
  Json k = figures_to_json({sample_figure()});
  k["figures"][0]["panels"][1]["heatmap"]["z"][0] = Json::array({1});  // ragged grid
  EXPECT_THROW(figures_from_json(k, "x"), InputError);
}

TEST(Figures, PanelsRenderToSvg) {
  if (!gnuplot_available()) GTEST_SKIP() << "gnuplot not installed";
  const Figure f = sample_figure();
  for (const Panel& p : f.panels) {
    const auto svg = render_svg(p);
    ASSERT_TRUE(svg.has_value()) << p.title;
    EXPECT_NE(svg->find("<svg"), std::string::npos);
  }
}

}  // namespace
}  // namespace thmcheck
