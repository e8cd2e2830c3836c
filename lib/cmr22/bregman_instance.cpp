#include "thmcheck/cmr22/bregman_instance.hpp"

#include <rapidcheck.h>

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>

namespace thmcheck::cmr22 {

rc::Gen<BregmanParams> bregman_params() {
  return rc::gen::build<BregmanParams>(
      rc::gen::set(&BregmanParams::data, data_params(12)),
      rc::gen::set(&BregmanParams::time_exp, rc::gen::inRange(-4, 7)),
      rc::gen::set(&BregmanParams::init_scale, rc::gen::inRange(0, 9)),
      rc::gen::set(&BregmanParams::extra_points, rc::gen::inRange(1, 4)));
}

Json bregman_instance(const BregmanParams& q) {
  const DataParams& d = q.data;  // N from dimension(12): the flow is integrated directly
  RandomSource rng(d.seed);
  const int m = rows_of(d);
  Json j;
  Json a_json;
  Matrix<double> a = make_matrix(d, m, rng, a_json);
  j["A"] = a_json;
  j["L"] = d.depth;
  // z0 dense and positive so that moves along ker A stay in S+ for small steps;
  // y is defined as A z0 (at the evaluation's precision).
  Vector<double> z0(d.n);
  for (int i = 0; i < d.n; ++i) z0(i) = rng.uniform(0.1, 1.0);
  if (d.truth_kind == 0) z0(rng.integer(0, d.n - 1)) = 0;  // a zero entry: z log z = 0 convention
  j["z0"] = decimal_vector(z0, 8);
  Json dirs = Json::array(), steps = Json::array();
  for (int k = 0; k < q.extra_points; ++k) {
    Vector<double> dvec = gaussian_vector(d.n, rng);
    // Kernel projection in double only to size the step; the claim projects at its precision.
    Eigen::CompleteOrthogonalDecomposition<Matrix<double>> cod(a);
    Vector<double> kvec = dvec - cod.pseudoInverse() * (a * dvec);
    double t = 1.0;
    for (int i = 0; i < d.n; ++i) {
      if (kvec(i) < 0 && z0(i) > 0) t = std::min(t, 0.5 * z0(i) / -kvec(i));
      if (z0(i) == 0) kvec(i) = 0;
    }
    if (kvec.cwiseAbs().maxCoeff() == 0) t = 0;
    dirs.push_back(decimal_vector(dvec, 8));
    steps.push_back(short_decimal(t * (0.5 + 0.5 * rng.uniform()), 6));
  }
  j["directions"] = dirs;
  j["steps"] = steps;
  Vector<double> x0(d.n);
  // Constant (scale 1, init_kind 0) or random positive (scale U(0.5, 1.5)).
  const double scale = std::pow(10.0, -q.init_scale / 4.0);
  for (int i = 0; i < d.n; ++i) x0(i) = d.init_kind == 0 ? scale : scale * rng.uniform(0.5, 1.5);
  j["x0"] = decimal_vector(x0, 8);
  j["T"] = short_decimal(std::pow(10.0, q.time_exp / 4.0), 6);
  return j;
}

void validate_bregman(const Json& j) {
  auto [m, n] = matrix_shape(j, "A");
  read_matrix<double>(j, "A");
  read_integer(j, "L", 2, 64);
  read_vector<double>(j, "z0", n);
  Vector<double> x0 = read_vector<double>(j, "x0", n);
  if (!(x0.array() > 0).all()) throw InputError("field 'x0': must be positive");
  if (!(read_real<double>(j, "T") > 0)) throw InputError("field 'T': must be positive");
  if (!j.contains("directions") || !j.contains("steps") || !j["directions"].is_array() ||
      j["directions"].size() != j["steps"].size()) {
    throw InputError("fields 'directions' and 'steps': arrays of equal length required");
  }
  (void)m;
}

std::string bregman_instance_schema() {
  return "{\"A\", \"L\", \"z0\": [N] >= 0 (y = A z0), \"directions\": [[N], ...], \"steps\": [t, ...], "
         "\"x0\": [N] > 0, \"T\"}";
}

}  // namespace thmcheck::cmr22
