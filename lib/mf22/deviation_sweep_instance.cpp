#include "thmcheck/mf22/deviation_sweep_instance.hpp"

#include <rapidcheck.h>

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "thmcheck/generators/random_data.hpp"
#include "thmcheck/mf22/outlier_law_instance.hpp"

namespace thmcheck::mf22 {
namespace {

struct DeviationSweepParams {
  int dimension;
  int sparsity;
  int corruption_permille;  // p = permille / 1000
  int law;                  // index into generated_laws()
  int scale_exp;            // outlier scale 10^(scale_exp / 2)
  std::uint64_t seed;
};

// The same draws for both axes (the d sweep draws `dimension` too and ignores
// it), so the instances of a given seed do not depend on the axis.
rc::Gen<DeviationSweepParams> deviation_sweep_params(bool dense) {
  return rc::gen::build<DeviationSweepParams>(
      rc::gen::set(&DeviationSweepParams::dimension,
                   dense ? rc::gen::inRange(3, 21) : rc::gen::inRange(20, 61)),
      rc::gen::set(&DeviationSweepParams::sparsity, rc::gen::inRange(1, 21)),
      rc::gen::set(&DeviationSweepParams::corruption_permille, rc::gen::inRange(0, 451)),
      rc::gen::set(&DeviationSweepParams::law, rc::gen::inRange(0, 5)),
      rc::gen::set(&DeviationSweepParams::scale_exp, rc::gen::inRange(-2, 5)),
      rc::gen::set(&DeviationSweepParams::seed, rc::gen::arbitrary<std::uint64_t>()));
}

// The fields both axes share.
Json common_fields(const DeviationSweepParams& q) {
  Json j;
  const double scale = std::pow(10.0, q.scale_exp / 2.0);
  j["law"] = to_string(generated_laws()[q.law]);
  j["outlier_scale"] = short_decimal(scale, 6);
  j["corruption_permille"] = q.corruption_permille;
  // ||z|| spans three decades around the outlier scale, where psi varies.
  j["norm_min"] = short_decimal(scale * std::pow(10.0, -1.5), 6);
  j["norm_max"] = short_decimal(scale * std::pow(10.0, 1.5), 6);
  j["seed"] = q.seed;
  return j;
}

}  // namespace

rc::Gen<Json> deviation_samples_sweep_instances(bool dense) {
  return rc::gen::map(deviation_sweep_params(dense), [dense](const DeviationSweepParams& q) {
    Json j = common_fields(q);
    Json grid = Json::array();
    const int d = q.dimension;
    j["dimension"] = d;
    j["sparsity"] = dense ? d : std::min(q.sparsity, d / 2);
    // The same grid for every case (the engine pools all points into one
    // fit, which is unbiased only if the x values do not depend on the
    // case). Dense: d <= 20 and m >= 400 >= 4 d ln(4 d) >= d ln m at m = 400.
    const int m0 = dense ? 400 : 100;
    for (int i = 0; i < (dense ? 5 : 7); ++i) grid.push_back(m0 << i);
    j["samples_grid"] = grid;
    return j;
  });
}

rc::Gen<Json> deviation_dimension_sweep_instances() {
  return rc::gen::map(deviation_sweep_params(false), [](const DeviationSweepParams& q) {
    Json j = common_fields(q);
    Json grid = Json::array();
    j["samples"] = 400;
    j["sparsity"] = std::min(q.sparsity, 5);
    for (int d : {50, 100, 200, 400, 800, 1600}) grid.push_back(d);
    j["dimension_grid"] = grid;
    return j;
  });
}

void validate_deviation_sweep_instance(const Json& j) {
  read_law<double>(j);
  read_integer(j, "corruption_permille", 0, 999);
  const double r = read_real<double>(j, "norm_min"), big_r = read_real<double>(j, "norm_max");
  if (!(r > 0 && big_r >= r)) throw InputError("fields 'norm_min', 'norm_max': need 0 < r <= R");
  read_integer(j, "sparsity", 1, 100000);
  if (has_field(j, "samples_grid")) {
    read_integer(j, "dimension", 1, 100000);
    for (double m : read_vector<double>(j, "samples_grid"))
      if (!(m >= 2 && m <= 1e6)) throw InputError("field 'samples_grid': entries in [2, 1e6]");
  } else {
    read_integer(j, "samples", 2, 1000000);
    for (double d : read_vector<double>(j, "dimension_grid"))
      if (!(d >= 1 && d <= 1e5)) throw InputError("field 'dimension_grid': entries in [1, 1e5]");
  }
}

std::string deviation_sweep_instance_schema() {
  return "{\"law\", \"outlier_scale\", \"corruption_permille\", \"norm_min\", \"norm_max\", "
         "\"sparsity\", \"seed\", and either \"dimension\" + \"samples_grid\" or \"samples\" + "
         "\"dimension_grid\"}";
}

}  // namespace thmcheck::mf22
