#include "thmcheck/mf22/regression_instance.hpp"

#include <rapidcheck.h>

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "thmcheck/generators/random_data.hpp"
#include "thmcheck/mf22/outlier_law_instance.hpp"

namespace thmcheck::mf22 {

RobustRegressionSpec read_regression_spec(const Json& j) {
  RobustRegressionSpec spec;
  spec.dimension = static_cast<int>(read_integer(j, "dimension", 1, 5000));
  spec.samples = static_cast<int>(read_integer(j, "samples", 1, 100000));
  spec.sparsity = static_cast<int>(read_integer(j, "sparsity", 0, spec.dimension));
  spec.corrupted = static_cast<int>(read_integer(j, "corrupted", 0, spec.samples));
  spec.theta_min = read_real<double>(j, "theta_min");
  spec.theta_max = read_real<double>(j, "theta_max");
  spec.outliers = read_law<double>(j);
  spec.seed = j.at("seed").get<std::uint64_t>();
  const std::string problem = spec.validate();
  if (!problem.empty()) throw InputError("data set: " + problem);
  return spec;
}

namespace {

struct Theorem1Params {
  int dimension;
  int ratio;  // over: m = d ratio/100 (ratio in [3, 10]); under: m = ceil(2 pi d (1 + ratio/4) / (1-2p)^2)
  int sparsity;
  int corruption_percent;
  int law;
  int layers;
  int gamma_exp;  // over: gamma = t0 10^(gamma_exp/2), gamma_exp in [-6, -2]
  std::uint64_t seed;
};

// Both regimes draw every field (the under regime ignores gamma_exp).
rc::Gen<Json> theorem1_instances(bool over) {
  auto params = rc::gen::build<Theorem1Params>(
      rc::gen::set(&Theorem1Params::dimension, over ? rc::gen::inRange(50, 301) : rc::gen::inRange(5, 41)),
      rc::gen::set(&Theorem1Params::ratio, over ? rc::gen::inRange(3, 11) : rc::gen::inRange(0, 5)),
      rc::gen::set(&Theorem1Params::sparsity, rc::gen::inRange(1, 5)),
      rc::gen::set(&Theorem1Params::corruption_percent, over ? rc::gen::inRange(5, 51) : rc::gen::inRange(0, 36)),
      rc::gen::set(&Theorem1Params::law, rc::gen::inRange(0, 5)),
      rc::gen::set(&Theorem1Params::layers, rc::gen::inRange(1, 6)),
      rc::gen::set(&Theorem1Params::gamma_exp, rc::gen::inRange(-6, -1)),
      rc::gen::set(&Theorem1Params::seed, rc::gen::arbitrary<std::uint64_t>()));
  return rc::gen::map(params, [over](const Theorem1Params& q) {
    Json j;
    const int d = q.dimension;
    const double p = q.corruption_percent / 100.0;
    const int m = over ? std::max(2, d * q.ratio / 100)
                       : static_cast<int>(std::ceil(2 * M_PI * d * (1 + q.ratio / 4.0) / ((1 - 2 * p) * (1 - 2 * p))));
    j["dimension"] = d;
    j["samples"] = m;
    j["sparsity"] = std::min(q.sparsity, d);
    // Theorem 1 assumes 0 < p: at least one corrupted sample in the over regime.
    j["corrupted"] = over ? std::max(1, static_cast<int>(std::lround(m * p))) : static_cast<int>(std::lround(m * p));
    j["theta_min"] = "1";
    j["theta_max"] = "2";
    j["law"] = to_string(generated_laws()[q.law]);
    j["outlier_scale"] = "10";
    j["layers"] = q.layers;
    j["seed"] = q.seed;
    if (over) j["gamma"] = short_decimal(5.0 * std::pow(10.0, q.gamma_exp / 2.0), 6);  // t0 = 5
    return j;
  });
}

}  // namespace

rc::Gen<Json> overparameterized_instances() { return theorem1_instances(true); }

rc::Gen<Json> underparameterized_instances() { return theorem1_instances(false); }

void validate_theorem1_instance(const Json& j) {
  read_regression_spec(j);
  read_integer(j, "layers", 1, 10);
  if (has_field(j, "gamma") && !(read_real<double>(j, "gamma") > 0))
    throw InputError("field 'gamma': must be positive");
}

std::string theorem1_instance_schema() {
  return "{\"dimension\", \"samples\", \"sparsity\", \"corrupted\", \"theta_min\", "
         "\"theta_max\", \"law\", \"outlier_scale\", \"layers\", \"seed\", \"gamma\" (over)}";
}

}  // namespace thmcheck::mf22
