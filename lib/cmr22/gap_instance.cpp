#include "thmcheck/cmr22/gap_instance.hpp"

#include <fmt/format.h>

#include <cmath>
#include <vector>

namespace thmcheck::cmr22 {

namespace {
/// x0 (or u0, v0): alpha 1 (init_kind 0) or alpha U(0.5, 2), alpha = 10^(-init_exp / L).
Vector<double> make_init(const DataParams& q, RandomSource& rng) {
  const double alpha = std::pow(10.0, -double(q.init_exp) / q.depth);
  Vector<double> v(q.n);
  for (int i = 0; i < q.n; ++i) v(i) = q.init_kind == 0 ? alpha : alpha * rng.uniform(0.5, 2.0);
  return v;
}
}  // namespace

Json gap_instance(const DataParams& q, bool signed_case) {
  RandomSource rng(q.seed);
  const int m = rows_of(q);
  Json j;
  Json a_json;
  Matrix<double> a = make_matrix(q, m, rng, a_json);
  j["A"] = a_json;
  j["L"] = q.depth;
  Vector<double> y;
  if (signed_case && q.truth_kind == 2) {
    y = gaussian_vector(m, rng);  // generic y: S is an (N-M)-dimensional affine space, no sparse point
  } else {
    y = a * make_truth(q, m, !signed_case, rng);
  }
  j["y"] = decimal_vector(y);
  if (signed_case) {
    j["u0"] = decimal_vector(make_init(q, rng), 8);
    j["v0"] = decimal_vector(make_init(q, rng), 8);
  } else {
    j["x0"] = decimal_vector(make_init(q, rng), 8);
  }
  return j;
}

void validate_gap(const Json& j, bool signed_case) {
  auto [m, n] = matrix_shape(j, "A");
  if (m < 1 || n < 1) throw InputError("field 'A': must be non-empty");
  read_matrix<double>(j, "A");
  read_vector<double>(j, "y", m);
  read_integer(j, "L", 2, 64);
  for (const char* key : signed_case ? std::vector<const char*>{"u0", "v0"} : std::vector<const char*>{"x0"}) {
    Vector<double> v = read_vector<double>(j, key, n);
    for (Eigen::Index i = 0; i < n; ++i) {
      if (!(v(i) > 0)) throw InputError(fmt::format("field '{}'[{}]: must be positive", key, i));
    }
  }
}

std::string gap_generator_info(bool signed_case) {
  return std::string(
             "N uniform in [2, 40] (7/8) or log-uniform in [41, 1000] (1/8), M = round(N k/10) (k in 1..9, "
             "1 <= M < N, M <= 150 when N > 40); A Gaussian/sqrt(M) (5/9), "
             "Rademacher/sqrt(M) (2/9), two near-parallel columns (1/9), two near-dependent rows "
             "(1/9); ") +
         (signed_case ? "x* s-sparse, dense (signed, ||x*|| = 1), or y Gaussian (no sparse solution); "
                      : "x* >= 0 s-sparse (plus a 1e-10 floor) or dense (||x*|| = 1), y = A x*; ") +
         "L in {2,3,4,5}; initialization identical alpha 1 or alpha U(0.5, 2) with alpha^L = "
         "10^-k, k in [1, 30].";
}

std::string gap_instance_schema(bool signed_case) {
  return signed_case ? "{\"A\": M x N rows, \"y\": [M], \"L\": integer >= 2, \"u0\": [N] > 0, \"v0\": [N] > 0}"
                     : "{\"A\": M x N rows, \"y\": [M], \"L\": integer >= 2, \"x0\": [N] > 0}";
}

}  // namespace thmcheck::cmr22
