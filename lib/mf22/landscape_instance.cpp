#include "thmcheck/mf22/landscape_instance.hpp"

#include <fmt/format.h>
#include <rapidcheck.h>

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "thmcheck/mf22/outlier_law_instance.hpp"
#include "thmcheck/mf22/regression_instance.hpp"

namespace thmcheck::mf22 {
namespace {

struct LandscapeParams {
  int d_exp;       // d = 100 2^(d_exp/2)
  int m_tenths;    // m = d * m_tenths / 100 (<= 0.1 d)
  int sparsity;
  int corruption_percent;
  int law;
  int layers;
  std::uint64_t seed;
};

// Every family draws every field (the sweeps ignore d_exp and m_tenths).
rc::Gen<LandscapeParams> landscape_params() {
  return rc::gen::build<LandscapeParams>(
      rc::gen::set(&LandscapeParams::d_exp, rc::gen::inRange(0, 5)),
      rc::gen::set(&LandscapeParams::m_tenths, rc::gen::inRange(4, 11)),
      rc::gen::set(&LandscapeParams::sparsity, rc::gen::inRange(1, 5)),
      rc::gen::set(&LandscapeParams::corruption_percent, rc::gen::inRange(5, 46)),
      rc::gen::set(&LandscapeParams::law, rc::gen::inRange(0, 5)),
      rc::gen::set(&LandscapeParams::layers, rc::gen::inRange(2, 6)),
      rc::gen::set(&LandscapeParams::seed, rc::gen::arbitrary<std::uint64_t>()));
}

// The data-set fields at dimension d and m samples; `layers` <= 0 takes N from
// the draw.
Json data_fields(const LandscapeParams& q, int d, int m, int layers) {
  Json j;
  j["dimension"] = d;
  j["samples"] = m;
  j["sparsity"] = q.sparsity;
  j["corrupted"] = std::max(1, static_cast<int>(std::lround(m * q.corruption_percent / 100.0)));
  j["theta_min"] = "1";
  j["theta_max"] = "2";
  j["law"] = to_string(generated_laws()[q.law]);
  j["outlier_scale"] = "100";
  j["layers"] = layers > 0 ? layers : q.layers;
  j["seed"] = q.seed;
  return j;
}

}  // namespace

rc::Gen<Json> landscape_gamma_instances(int layers) {
  return rc::gen::map(landscape_params(), [layers](const LandscapeParams& q) {
    const int d = static_cast<int>(std::lround(100 * std::pow(2.0, q.d_exp / 2.0)));
    const int m = std::max(4, d * q.m_tenths / 100);
    Json j = data_fields(q, d, m, layers);
    Json grid = Json::array();
    // gamma = 0.01 2^i, i < 5 (<= 0.16 <= t0/sqrt(d) for d <= 400 and t0 = 50).
    for (const char* g : {"0.01", "0.02", "0.04", "0.08", "0.16"}) grid.push_back(g);
    j["gamma_grid"] = grid;
    return j;
  });
}

rc::Gen<Json> landscape_dimension_instances() {
  return rc::gen::map(landscape_params(), [](const LandscapeParams& q) {
    Json j = data_fields(q, 200, 20, -1);
    Json grid = Json::array();
    for (int dd : {200, 400, 800, 1600}) grid.push_back(dd);
    j["dimension_grid"] = grid;
    j["gamma"] = "0.05";
    return j;
  });
}

rc::Gen<Json> landscape_samples_instances() {
  return rc::gen::map(landscape_params(), [](const LandscapeParams& q) {
    Json j = data_fields(q, 800, 20, -1);
    Json grid = Json::array();
    // m <= 0.1 d = 80: Theorem 4's over-parameterized regime at every point.
    for (int mm : {10, 20, 40, 80}) grid.push_back(mm);
    j["samples_grid"] = grid;
    j["gamma"] = "0.05";
    return j;
  });
}

void validate_landscape_instance(const Json& j) {
  read_regression_spec(j);
  read_integer(j, "layers", 1, 10);
  if (has_field(j, "gamma_grid")) {
    for (double g : read_vector<double>(j, "gamma_grid"))
      if (!(g > 0)) throw InputError("field 'gamma_grid': entries must be positive");
  } else {
    if (!(read_real<double>(j, "gamma") > 0)) throw InputError("field 'gamma': must be positive");
    const bool by_m = has_field(j, "samples_grid");
    for (double v : read_vector<double>(j, by_m ? "samples_grid" : "dimension_grid"))
      if (!(v >= 2 && v <= 1e5 && v == std::floor(v))) {
        throw InputError(fmt::format("field '{}': entries must be integers in [2, 1e5]",
                                     by_m ? "samples_grid" : "dimension_grid"));
      }
  }
}

std::string landscape_instance_schema() {
  return "{\"dimension\", \"samples\", \"sparsity\", \"corrupted\", \"theta_min\", \"theta_max\", "
         "\"law\", \"outlier_scale\", \"layers\", \"seed\", \"gamma_grid\": [..] | \"gamma\" + "
         "\"dimension_grid\" | \"gamma\" + \"samples_grid\"}";
}

std::string landscape_gamma_generator_info() {
  return "d in 100 2^{[0, 2]} (100 to 400), m = d [4, 10]/100 (<= 0.1 d), k in [1, 4], p in [0.05, "
         "0.45], five outlier laws of scale 100 (t0 = 50), theta* entries in [1, 2], gamma in {0.01, "
         "0.02, 0.04, 0.08, 0.16}.";
}

template <class S>
GammaGridInstance<S> read_gamma_grid_instance(const Json& j) {
  GammaGridInstance<S> in;
  in.spec = read_regression_spec(j);
  in.layers = static_cast<int>(read_integer(j, "layers", 1, 10));
  in.law = read_law<S>(j);
  for (const auto& g : j.at("gamma_grid")) {
    const Json wrap = {{"g", g}};
    in.gamma.push_back(read_real<S>(wrap, "g"));
    in.gamma_double.push_back(read_real<double>(wrap, "g"));
  }
  return in;
}

template GammaGridInstance<double> read_gamma_grid_instance<double>(const Json&);
template GammaGridInstance<Mp50> read_gamma_grid_instance<Mp50>(const Json&);
template GammaGridInstance<Mp100> read_gamma_grid_instance<Mp100>(const Json&);

}  // namespace thmcheck::mf22
