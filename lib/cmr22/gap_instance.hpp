// The gap instances of cmr22 Theorems 1.1, 2.1 and 2.2: A in R^{M x N},
// y in R^M, the depth L and the initialization, u0, v0 > 0 (signed, Theorems
// 1.1 and 3.1) or x0 > 0 (positive, Theorems 2.1 and 2.2). One typed
// instance per form: its fields give the reader, validator, writer and schema.
#pragma once

#include <optional>
#include <string>
#include <tuple>

#include "thmcheck/cmr22/data_params.hpp"
#include "thmcheck/engine/typed_instance.hpp"

namespace thmcheck::cmr22 {

/// Largest and smallest depth L the validators accept (the generators draw
/// L in [2, 5], data_params).
constexpr int kMinDepth = 2;
constexpr int kMaxDepth = 64;

/// What every gap instance has: A (M x N), y [M] and L.
struct GapData {
  RealMatrix a;
  RealVector y;
  int depth = 0;
  static constexpr auto data_fields = std::make_tuple(
      field("A", &GapData::a, "M x N, the measurement matrix"), field("y", &GapData::y, "[M], the measurements"),
      field("L", &GapData::depth, "depth, integer in [2, 64]"));
  /// y has M entries and L is in [2, 64]; `init` names the initialization
  /// vectors, which must have N positive entries.
  void check_data() const;
  Eigen::Index cols() const { return static_cast<Eigen::Index>(a.front().size()); }
};

/// Theorem 1.1 / 3.1: the signed flow (7) from u(0) = u0 > 0, v(0) = v0 > 0.
struct SignedGapInstance : GapData {
  RealVector u0, v0;
  static constexpr auto fields = std::tuple_cat(
      data_fields, std::make_tuple(field("u0", &SignedGapInstance::u0, "[N] > 0, u(0)"),
                                   field("v0", &SignedGapInstance::v0, "[N] > 0, v(0)")));
  void check() const;
};

/// Theorems 2.1 and 2.2: the non-negative flow (15) from x(0) = x0 > 0.
struct PositiveGapInstance : GapData {
  RealVector x0;
  static constexpr auto fields =
      std::tuple_cat(data_fields, std::make_tuple(field("x0", &PositiveGapInstance::x0, "[N] > 0, x(0)")));
  void check() const;
};

/// Theorem 2.2 together with 3.1: either form, u0 and v0 (signed) or x0
/// (positive), never both.
struct EitherGapInstance : GapData {
  std::optional<RealVector> u0, v0, x0;
  static constexpr auto fields = std::tuple_cat(
      data_fields, std::make_tuple(field("u0", &EitherGapInstance::u0, "[N] >= 0, u(0) (signed form, with v0)"),
                                   field("v0", &EitherGapInstance::v0, "[N] >= 0, v(0) (signed form, with u0)"),
                                   field("x0", &EitherGapInstance::x0, "[N] >= 0, x(0) (positive form)")));
  void check() const;
  bool signed_case() const { return u0.has_value(); }
};

/// Instance of Theorem 1.1 drawn from q: y = A x* (x* sparse or dense) or
/// Gaussian (truth_kind 2); u0, v0 entries alpha (identical) or alpha U(0.5, 2),
/// alpha^L = 10^-init_exp.
SignedGapInstance signed_gap_instance(const DataParams& q);
/// Instance of Theorem 2.1 drawn from q: y = A x* with x* >= 0; x0 as u0.
PositiveGapInstance positive_gap_instance(const DataParams& q);
/// Every kZeroInitEvery-th draw with L = 2 (by seed / 2) of either_gap_instance
/// has zero initialization entries (Theorems 2.2 and 3.1 allow x(0) >= 0,
/// u(0), v(0) >= 0), except signed draws with a Gaussian y (no x* to keep reachable).
constexpr int kZeroInitEvery = 2;
/// True when either_gap_instance(q, signed_case) has zero initialization entries.
bool has_zero_init(const DataParams& q, bool signed_case);
/// Either form of the same draw; has_zero_init: for n = 1 mod 3 (0-based),
/// positive: x0_n = 0 and y = A x* with x*_n = 0 there; signed: u0_n = 0 where
/// x*_n <= 0, v0_n = 0 where x*_n > 0.
EitherGapInstance either_gap_instance(const DataParams& q, bool signed_case);

/// The generator text of the gap claims (`generator_info`), signed or
/// positive, for data_params(max_n).
std::string gap_generator_info(bool signed_case, int max_n);

}  // namespace thmcheck::cmr22
