#include "thmcheck/cmr22/identical_instance.hpp"

#include <rapidcheck.h>

#include <cmath>

namespace thmcheck::cmr22 {

rc::Gen<IdenticalParams> identical_params() {
  return rc::gen::build<IdenticalParams>(
      rc::gen::set(&IdenticalParams::data, data_params(10)),
      rc::gen::set(&IdenticalParams::time_exp, rc::gen::inRange(-4, 5)),
      rc::gen::set(&IdenticalParams::init_scale, rc::gen::inRange(0, 7)),
      rc::gen::set(&IdenticalParams::gd_iterations, rc::gen::inRange(1, 201)));
}

Json identical_instance(const IdenticalParams& q) {
  const DataParams& d = q.data;  // N from dimension(10)
  RandomSource rng(d.seed);
  const int m = rows_of(d);
  Json j;
  Json a_json;
  Matrix<double> a = make_matrix(d, m, rng, a_json);
  j["A"] = a_json;
  j["L"] = d.depth;
  j["y"] = decimal_vector(Vector<double>(a * make_truth(d, m, d.truth_kind != 2, rng)));
  Vector<double> x0(d.n);
  // Constant (scale 1, init_kind 0) or random positive (scale U(0.5, 1.5)).
  const double scale = std::pow(10.0, -q.init_scale / 4.0);
  for (int i = 0; i < d.n; ++i) x0(i) = d.init_kind == 0 ? scale : scale * rng.uniform(0.5, 1.5);
  j["x0"] = decimal_vector(x0, 8);
  j["T"] = short_decimal(std::pow(10.0, q.time_exp / 4.0), 6);
  j["step"] = "0.01";
  j["iterations"] = q.gd_iterations;
  return j;
}

void validate_identical(const Json& j) {
  auto [m, n] = matrix_shape(j, "A");
  read_matrix<double>(j, "A");
  read_vector<double>(j, "y", m);
  read_integer(j, "L", 2, 16);
  read_vector<double>(j, "x0", n);
  if (!(read_real<double>(j, "T") > 0)) throw InputError("field 'T': must be positive");
  if (!(read_real<double>(j, "step") > 0)) throw InputError("field 'step': must be positive");
  read_integer(j, "iterations", 0, 100000);
}

std::string identical_instance_schema() {
  return "{\"A\", \"y\", \"L\", \"x0\": [N], \"T\", \"step\", \"iterations\"}";
}

}  // namespace thmcheck::cmr22
