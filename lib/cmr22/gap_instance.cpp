#include "thmcheck/cmr22/gap_instance.hpp"

#include <fmt/format.h>

#include <cmath>

namespace thmcheck::cmr22 {

namespace {
/// x0 (or u0, v0): alpha 1 (init_kind 0) or alpha U(0.5, 2), alpha = 10^(-init_exp / L).
Vector<double> make_init(const DataParams& q, RandomSource& rng) {
  const double alpha = std::pow(10.0, -double(q.init_exp) / q.depth);
  Vector<double> v(q.n);
  for (int i = 0; i < q.n; ++i) v(i) = q.init_kind == 0 ? alpha : alpha * rng.uniform(0.5, 2.0);
  return v;
}

/// A, y and the initialization vectors of one draw (u0 then v0, or x0).
GapData draw(const DataParams& q, bool signed_case, RealVector& first, RealVector* second) {
  RandomSource rng(q.seed);
  const int m = rows_of(q);
  GapData g;
  Matrix<double> a = make_matrix(q, m, rng, g.a);
  g.depth = q.depth;
  Vector<double> y;
  if (signed_case && q.truth_kind == 2) {
    y = gaussian_vector(m, rng);  // generic y: S is an (N-M)-dimensional affine space, no sparse point
  } else {
    y = a * make_truth(q, m, !signed_case, rng);
  }
  g.y = decimal_reals(y);
  first = decimal_reals(make_init(q, rng), 8);
  if (second != nullptr) *second = decimal_reals(make_init(q, rng), 8);
  return g;
}

/// "2,3,4,5": the drawn depths.
std::string depth_list() {
  std::string out;
  for (int l = kDrawnDepthMin; l <= kDrawnDepthMax; ++l) out += (out.empty() ? "" : ",") + std::to_string(l);
  return out;
}

void check_init(const RealVector& v, const char* name, Eigen::Index n) {
  if (static_cast<Eigen::Index>(v.size()) != n) {
    throw InputError(fmt::format("field '{}': length {} does not match the {} columns of 'A'", name, v.size(), n));
  }
  for (size_t i = 0; i < v.size(); ++i) {
    if (!(v[i].as<double>() > 0)) throw InputError(fmt::format("field '{}'[{}]: must be positive", name, i));
  }
}
}  // namespace

void GapData::check_data() const {
  if (y.size() != a.size()) {
    throw InputError(fmt::format("field 'y': length {} does not match the {} rows of 'A'", y.size(), a.size()));
  }
  if (depth < kMinDepth || depth > kMaxDepth) {
    throw InputError(fmt::format("field 'L': {} is outside [{}, {}]", depth, kMinDepth, kMaxDepth));
  }
}

void SignedGapInstance::check() const {
  check_data();
  check_init(u0, "u0", cols());
  check_init(v0, "v0", cols());
}

void PositiveGapInstance::check() const {
  check_data();
  check_init(x0, "x0", cols());
}

void EitherGapInstance::check() const {
  check_data();
  if (x0 && (u0 || v0)) throw InputError("fields 'x0' and 'u0'/'v0': give x0 (positive) or u0 and v0 (signed), not both");
  if (x0) {
    check_init(*x0, "x0", cols());
    return;
  }
  if (!u0 || !v0) throw InputError("missing field 'x0' (positive form) or 'u0' and 'v0' (signed form)");
  check_init(*u0, "u0", cols());
  check_init(*v0, "v0", cols());
}

SignedGapInstance signed_gap_instance(const DataParams& q) {
  SignedGapInstance in;
  static_cast<GapData&>(in) = draw(q, true, in.u0, &in.v0);
  return in;
}

PositiveGapInstance positive_gap_instance(const DataParams& q) {
  PositiveGapInstance in;
  static_cast<GapData&>(in) = draw(q, false, in.x0, nullptr);
  return in;
}

EitherGapInstance either_gap_instance(const DataParams& q, bool signed_case) {
  EitherGapInstance in;
  RealVector first, second;
  static_cast<GapData&>(in) = draw(q, signed_case, first, signed_case ? &second : nullptr);
  if (signed_case) {
    in.u0 = std::move(first);
    in.v0 = std::move(second);
  } else {
    in.x0 = std::move(first);
  }
  return in;
}

std::string gap_generator_info(bool signed_case, int max_n) {
  return fmt::format(
      "{}; {}; {}L in {{{}}}; initialization identical alpha 1 or alpha U(0.5, 2) with alpha^L = "
      "10^-k, k in [{}, {}].",
      dimension_text(max_n), matrix_text(),
      signed_case ? "x* s-sparse, dense (signed, ||x*|| = 1), or y Gaussian (no sparse solution); "
                  : "x* >= 0 s-sparse (plus a 1e-10 floor) or dense (||x*|| = 1), y = A x*; ",
      depth_list(), kInitExpMin, kInitExpMax);
}

}  // namespace thmcheck::cmr22
