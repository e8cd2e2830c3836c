#include "thmcheck/cmr22/identical_instance.hpp"

#include <fmt/format.h>
#include <rapidcheck.h>

#include <cmath>

namespace thmcheck::cmr22 {

rc::Gen<IdenticalParams> identical_params() {
  return rc::gen::build<IdenticalParams>(
      rc::gen::set(&IdenticalParams::data, data_params(kIdenticalMaxUniformN)),
      rc::gen::set(&IdenticalParams::time_exp, rc::gen::inRange(kIdenticalTimeExpMin, kIdenticalTimeExpMax + 1)),
      rc::gen::set(&IdenticalParams::init_scale, rc::gen::inRange(0, kIdenticalInitScaleMax + 1)),
      rc::gen::set(&IdenticalParams::gd_iterations, rc::gen::inRange(1, kIdenticalMaxIterations + 1)));
}

IdenticalInstance identical_instance(const IdenticalParams& q) {
  const DataParams& d = q.data;  // N from dimension(10)
  RandomSource rng(d.seed);
  const int m = rows_of(d);
  IdenticalInstance in;
  Matrix<double> a = make_matrix(d, m, rng, in.a);
  in.depth = d.depth;
  in.y = decimal_reals(Vector<double>(a * make_truth(d, m, d.truth_kind != 2, rng)));
  Vector<double> x0(d.n);
  // Constant (scale 1, init_kind 0) or random positive (scale U(0.5, 1.5)).
  const double scale = std::pow(10.0, -q.init_scale / 4.0);
  for (int i = 0; i < d.n; ++i) x0(i) = d.init_kind == 0 ? scale : scale * rng.uniform(0.5, 1.5);
  in.x0 = decimal_reals(x0, 8);
  in.time = Real::parse(short_decimal(std::pow(10.0, q.time_exp / 4.0), 6));
  in.step = Real::parse(kIdenticalStep);
  in.iterations = q.gd_iterations;
  return in;
}

void IdenticalInstance::check() const {
  const size_t m = a.size(), n = a.front().size();
  if (y.size() != m) throw InputError(fmt::format("field 'y': length {} does not match the {} rows of 'A'", y.size(), m));
  if (depth < 2 || depth > 16) throw InputError(fmt::format("field 'L': {} is outside [2, 16]", depth));
  if (x0.size() != n) {
    throw InputError(fmt::format("field 'x0': length {} does not match the {} columns of 'A'", x0.size(), n));
  }
  if (!(time.as<double>() > 0)) throw InputError("field 'T': must be positive");
  if (!(step.as<double>() > 0)) throw InputError("field 'step': must be positive");
  if (iterations < 0 || iterations > 100000) {
    throw InputError(fmt::format("field 'iterations': {} is outside [0, 100000]", iterations));
  }
}

std::string identical_generator_info() {
  return fmt::format(
      "{}, A as in thm1.1, y = A x* (signed or positive x*), x0 in 10^[{:g}, 0] times 1 (constant, 1/2) or "
      "U(0.5, 1.5), T in [{:g}, {:g}], L in {}..{}, GD step {}, 1-{} iterations.",
      dimension_text(kIdenticalMaxUniformN), -kIdenticalInitScaleMax / 4.0,
      std::pow(10.0, kIdenticalTimeExpMin / 4.0), std::pow(10.0, kIdenticalTimeExpMax / 4.0), kDrawnDepthMin,
      kDrawnDepthMax, kIdenticalStep, kIdenticalMaxIterations);
}

}  // namespace thmcheck::cmr22
