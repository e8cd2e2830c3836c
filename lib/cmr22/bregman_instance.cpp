#include "thmcheck/cmr22/bregman_instance.hpp"

#include <fmt/format.h>
#include <rapidcheck.h>

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <vector>

namespace thmcheck::cmr22 {

rc::Gen<BregmanParams> bregman_params() {
  return rc::gen::build<BregmanParams>(
      rc::gen::set(&BregmanParams::data, data_params(kBregmanMaxUniformN)),
      rc::gen::set(&BregmanParams::time_exp, rc::gen::inRange(kBregmanTimeExpMin, kBregmanTimeExpMax + 1)),
      rc::gen::set(&BregmanParams::init_scale, rc::gen::inRange(0, kBregmanInitScaleMax + 1)),
      rc::gen::set(&BregmanParams::extra_points, rc::gen::inRange(1, kBregmanMaxExtraPoints + 1)));
}

BregmanInstance bregman_instance(const BregmanParams& q) {
  const DataParams& d = q.data;  // N from dimension(12): the flow is integrated directly
  RandomSource rng(d.seed);
  const int m = rows_of(d);
  BregmanInstance in;
  Matrix<double> a = make_matrix(d, m, rng, in.a);
  in.depth = d.depth;
  // z0 dense and positive so that moves along ker A stay in S+ for small steps;
  // y is defined as A z0 (at the evaluation's precision).
  Vector<double> z0(d.n);
  for (int i = 0; i < d.n; ++i) z0(i) = rng.uniform(0.1, 1.0);
  if (d.truth_kind == 0) z0(rng.integer(0, d.n - 1)) = 0;  // a zero entry: z log z = 0 convention
  if (d.truth_kind == 2) {
    // s-sparse z0 (the regime of Theorems 2.1, 2.2: the flow from a small x0 goes to a
    // sparse point of S+); its restricted kernel is usually {0}, so the further z
    // then coincide with z0.
    const int s = 1 + d.sparsity % std::max(1, m / 2);
    std::vector<int> order(d.n);
    for (int i = 0; i < d.n; ++i) order[i] = i;
    for (int i = 0; i < d.n; ++i) std::swap(order[i], order[rng.integer(i, d.n - 1)]);
    Vector<double> sparse = Vector<double>::Zero(d.n);
    for (int k = 0; k < s && k < d.n; ++k) sparse(order[k]) = z0(order[k]);
    z0 = sparse;
  }
  in.z0 = decimal_reals(z0, 8);
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
    in.directions.push_back(decimal_reals(dvec, 8));
    in.steps.push_back(Real::parse(short_decimal(t * (0.5 + 0.5 * rng.uniform()), 6)));
  }
  Vector<double> x0(d.n);
  // Constant (scale 1, init_kind 0) or random positive (scale U(0.5, 1.5)).
  // The scale of x~0 = x0^L is 10^(-init_scale/4) (the initialization alpha^L of the
  // other cmr22 families): D_F's sensitivity to x_i, x_i^{1-L} z_i, grows like
  // x0^{1-L}, so a smaller x0 at L > 2 could not be measured in double anyway.
  const double scale = std::pow(10.0, -q.init_scale / (4.0 * d.depth));
  for (int i = 0; i < d.n; ++i) x0(i) = d.init_kind == 0 ? scale : scale * rng.uniform(0.5, 1.5);
  in.x0 = decimal_reals(x0, 8);
  const int time_exp = d.n > kBregmanMaxUniformN ? std::min(q.time_exp, kBregmanLargeTimeExpMax) : q.time_exp;
  in.time = Real::parse(short_decimal(std::pow(10.0, time_exp / 4.0), 6));
  return in;
}

void BregmanInstance::check() const {
  const size_t n = a.front().size();
  if (depth < 2 || depth > 64) throw InputError(fmt::format("field 'L': {} is outside [2, 64]", depth));
  auto check_length = [n](const RealVector& v, const std::string& where) {
    if (v.size() != n) {
      throw InputError(fmt::format("{}: length {} does not match the {} columns of 'A'", where, v.size(), n));
    }
  };
  check_length(z0, "field 'z0'");
  check_length(x0, "field 'x0'");
  for (size_t i = 0; i < x0.size(); ++i) {
    if (!(x0[i].as<double>() > 0)) throw InputError(fmt::format("field 'x0'[{}]: must be positive", i));
  }
  if (!(time.as<double>() > 0)) throw InputError("field 'T': must be positive");
  if (directions.size() != steps.size()) {
    throw InputError(fmt::format("fields 'directions' and 'steps': {} directions but {} steps", directions.size(),
                                 steps.size()));
  }
  for (size_t k = 0; k < directions.size(); ++k) check_length(directions[k], fmt::format("field 'directions'[{}]", k));
}

std::string bregman_generator_info() {
  return fmt::format(
      "{}, A as in thm1.1, z0 positive on its support: dense with one zero entry, dense, or s-sparse "
      "(s = 1..M/2), 1/3 each; {}-{} further z in S+ (z0 + t P_ker(A) d keeping z0's zeros; none beyond z0 "
      "when z0's columns are independent), x0 = 10^[{:g}, 0]^(1/L) (x~0 = x0^L down to 1e-12) times 1 "
      "(constant, 1/2) or U(0.5, 1.5), "
      "T in [{:.1f}, {:.0f}] (at most {:.1f} when N > {}), L in {}..{}.",
      dimension_text(kBregmanMaxUniformN), 1, kBregmanMaxExtraPoints, -kBregmanInitScaleMax / 4.0,
      std::pow(10.0, kBregmanTimeExpMin / 4.0), std::pow(10.0, kBregmanTimeExpMax / 4.0),
      std::pow(10.0, kBregmanLargeTimeExpMax / 4.0), kBregmanMaxUniformN, kDrawnDepthMin, kDrawnDepthMax);
}

}  // namespace thmcheck::cmr22
