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

/// A, y and the initialization vectors of one draw (u0 then v0, or x0);
/// `matrix` and `truth` (when given) receive A as doubles and x* (empty for a
/// Gaussian y).
GapData draw(const DataParams& q, bool signed_case, RealVector& first, RealVector* second,
             Matrix<double>* matrix = nullptr, Vector<double>* truth = nullptr) {
  RandomSource rng(q.seed);
  const int m = rows_of(q);
  GapData g;
  Matrix<double> a = make_matrix(q, m, rng, g.a);
  g.depth = q.depth;
  Vector<double> y;
  Vector<double> x_star;
  if (signed_case && q.truth_kind == 2) {
    y = gaussian_vector(m, rng);  // generic y: S is an (N-M)-dimensional affine space, no sparse point
  } else {
    x_star = make_truth(q, m, !signed_case, rng);
    y = a * x_star;
  }
  if (matrix != nullptr) *matrix = a;
  if (truth != nullptr) *truth = x_star;
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

/// Lengths, and entries > 0 (Theorems 1.1, 2.1: x0 > 0) or, with
/// allow_zero, >= 0 (Theorems 2.2, 3.1: x(0) >= 0, u(0), v(0) >= 0).
void check_init(const RealVector& v, const char* name, Eigen::Index n, bool allow_zero = false) {
  if (static_cast<Eigen::Index>(v.size()) != n) {
    throw InputError(fmt::format("field '{}': length {} does not match the {} columns of 'A'", name, v.size(), n));
  }
  for (size_t i = 0; i < v.size(); ++i) {
    const Mp100 x = v[i].as<Mp100>();
    if (allow_zero ? x < 0 : !(x > 0)) {
      throw InputError(fmt::format("field '{}'[{}]: must be {}", name, i, allow_zero ? ">= 0" : "positive"));
    }
    if (x > 0 && !(v[i].as<double>() > 0)) {
      throw InputError(fmt::format("field '{}'[{}]: positive but below double's range", name, i));
    }
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
    check_init(*x0, "x0", cols(), true);
    return;
  }
  if (!u0 || !v0) throw InputError("missing field 'x0' (positive form) or 'u0' and 'v0' (signed form)");
  check_init(*u0, "u0", cols(), true);
  check_init(*v0, "v0", cols(), true);
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

bool has_zero_init(const DataParams& q, bool signed_case) {
  return q.depth == 2 && (q.seed / 2) % kZeroInitEvery == 0 && !(signed_case && q.truth_kind == 2);
}

EitherGapInstance either_gap_instance(const DataParams& q, bool signed_case) {
  EitherGapInstance in;
  RealVector first, second;
  Matrix<double> a;
  Vector<double> truth;
  static_cast<GapData&>(in) = draw(q, signed_case, first, signed_case ? &second : nullptr, &a, &truth);
  if (has_zero_init(q, signed_case) && !signed_case) {
    // x0_n = 0 for n = 1 mod 3 (a coordinate that stays 0), and x* zeroed
    // there too so that S+ has a point the flow can reach (y = A x*).
    for (Eigen::Index i = 1; i < a.cols(); i += 3) {
      first[static_cast<size_t>(i)] = Real::parse("0");
      truth(i) = 0;
    }
    in.y = decimal_reals(Vector<double>(a * truth));
  } else if (has_zero_init(q, signed_case)) {
    // Signed: for n = 1 mod 3, u0_n = 0 where x*_n <= 0 and v0_n = 0 where
    // x*_n > 0, so (x*_+, x*_-) stays reachable and y is unchanged.
    for (Eigen::Index i = 1; i < a.cols(); i += 3) {
      (truth(i) > 0 ? second : first)[static_cast<size_t>(i)] = Real::parse("0");
    }
  }
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
