// Scalar types used throughout thmcheck, and the Eigen glue for them.
//
// Everything numeric in lib/ and checks/ is templated on a scalar type and
// instantiated for `double`, `Mp50` and `Mp100` (MPFR-backed Boost.Multiprecision
// numbers with 50 and 100 decimal digits, expression templates off so `auto`
// and Eigen work as with built-in types).
//
// Boost 1.74's <boost/multiprecision/eigen.hpp> lacks NumTraits::infinity() and
// quiet_NaN() (Eigen 3.4 needs them in hypot, hence in SelfAdjointEigenSolver
// and the SVDs) and its lowest() returns the smallest positive number. We
// therefore specialise Eigen::NumTraits ourselves for the MPFR types and do not
// include that header.
#pragma once

#include <boost/multiprecision/mpfr.hpp>

#include <Eigen/Core>
#include <cmath>
#include <limits>
#include <string>
#include <string_view>

namespace thmcheck {

/// MPFR floating point with `Digits` decimal digits, expression templates off.
template <unsigned Digits>
using MpFloat = boost::multiprecision::number<
    boost::multiprecision::mpfr_float_backend<Digits>,
    boost::multiprecision::et_off>;

/// 50 significant decimal digits (unit roundoff about 1e-50).
using Mp50 = MpFloat<50>;
/// 100 significant decimal digits (unit roundoff about 1e-100).
using Mp100 = MpFloat<100>;

/// Column vector and matrix over a scalar type.
template <class Scalar>
using Vector = Eigen::Matrix<Scalar, Eigen::Dynamic, 1>;
template <class Scalar>
using Matrix = Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>;

/// The precisions a claim can be evaluated in, in increasing order.
enum class Precision { kDouble = 0, kMp50 = 1, kMp100 = 2 };

/// "double", "50" or "100".
std::string to_string(Precision p);
/// Parses "double", "50", "100"; throws std::invalid_argument otherwise.
Precision parse_precision(std::string_view text);
/// Decimal digits carried by a precision (15 for double).
int decimal_digits(Precision p);
/// The next precision up the certification ladder; p itself at the top.
Precision next_precision(Precision p);

/// Compile-time precision tag of a scalar type.
template <class Scalar>
constexpr Precision precision_of();
template <>
constexpr Precision precision_of<double>() { return Precision::kDouble; }
template <>
constexpr Precision precision_of<Mp50>() { return Precision::kMp50; }
template <>
constexpr Precision precision_of<Mp100>() { return Precision::kMp100; }

/// Unit roundoff u = epsilon/2 of a scalar type.
template <class Scalar>
Scalar unit_roundoff() {
  return std::numeric_limits<Scalar>::epsilon() / 2;
}

/// Converts between scalar types (exact when widening).
template <class To, class From>
To scalar_cast(const From& x) {
  if constexpr (std::is_same_v<To, From>) {
    return x;
  } else if constexpr (std::is_same_v<To, double>) {
    return x.template convert_to<double>();
  } else {
    return To(x);
  }
}

/// Formats a scalar with `digits` significant decimal digits (scientific
/// notation, deterministic, no locale).
template <class Scalar>
std::string to_decimal(const Scalar& x, int digits);

extern template std::string to_decimal<double>(const double&, int);
extern template std::string to_decimal<Mp50>(const Mp50&, int);
extern template std::string to_decimal<Mp100>(const Mp100&, int);

/// Parses a decimal string exactly into `Scalar` (correctly rounded). Accepts
/// the JSON number grammar; rejects NaN, infinities, overflow and trailing
/// characters with std::invalid_argument.
template <class Scalar>
Scalar parse_decimal(std::string_view text);

extern template double parse_decimal<double>(std::string_view);
extern template Mp50 parse_decimal<Mp50>(std::string_view);
extern template Mp100 parse_decimal<Mp100>(std::string_view);

/// True when x is neither NaN nor infinite.
template <class Scalar>
bool is_finite(const Scalar& x) {
  using std::isfinite;
  using boost::multiprecision::isfinite;
  return isfinite(x);
}

}  // namespace thmcheck

namespace Eigen {

/// Eigen traits for MPFR numbers (see the file comment for why we do not use
/// Boost's).
template <unsigned Digits>
struct NumTraits<thmcheck::MpFloat<Digits>> {
  using Self = thmcheck::MpFloat<Digits>;
  using Real = Self;
  using NonInteger = Self;
  using Literal = Self;
  using Nested = Self;
  enum {
    IsComplex = 0,
    IsInteger = 0,
    IsSigned = 1,
    RequireInitialization = 1,
    ReadCost = 1,
    AddCost = 16,
    MulCost = 32,
  };
  static Real epsilon() { return std::numeric_limits<Real>::epsilon(); }
  static Real dummy_precision() { return 1000 * epsilon(); }
  static Real highest() { return (std::numeric_limits<Real>::max)(); }
  static Real lowest() { return std::numeric_limits<Real>::lowest(); }
  static Real infinity() { return std::numeric_limits<Real>::infinity(); }
  static Real quiet_NaN() { return std::numeric_limits<Real>::quiet_NaN(); }
  static int digits10() { return std::numeric_limits<Real>::digits10; }
  static int digits() { return std::numeric_limits<Real>::digits; }
  static int min_exponent() { return std::numeric_limits<Real>::min_exponent; }
  static int max_exponent() { return std::numeric_limits<Real>::max_exponent; }
};

template <unsigned Digits, typename BinaryOp>
struct ScalarBinaryOpTraits<thmcheck::MpFloat<Digits>, double, BinaryOp> {
  using ReturnType = thmcheck::MpFloat<Digits>;
};
template <unsigned Digits, typename BinaryOp>
struct ScalarBinaryOpTraits<double, thmcheck::MpFloat<Digits>, BinaryOp> {
  using ReturnType = thmcheck::MpFloat<Digits>;
};

}  // namespace Eigen
