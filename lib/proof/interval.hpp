// Rigorous interval arithmetic for proofs (MPFI through Boost.Multiprecision).
//
// Every operation on an Interval returns an interval that contains the exact
// result for every point of its arguments (MPFI rounds each endpoint
// outward). A proof in thmcheck is a finite computation in these intervals
// whose last enclosure excludes the claimed relation; nothing in lib/proof
// trusts a floating-point iteration (each searched value is re-checked as a
// witness). This library links MPFI, MPFR, GMP and nlohmann-json only, none
// of thmcheck's solvers.
#pragma once

#include <boost/multiprecision/mpfi.hpp>
#include <nlohmann/json.hpp>

#include <stdexcept>
#include <string>
#include <vector>

namespace thmcheck::proof {

/// An interval [lo, hi] with MPFR endpoints at the working precision.
using Interval = boost::multiprecision::number<boost::multiprecision::mpfi_float_backend<0>,
                                               boost::multiprecision::et_off>;
using IntervalVector = std::vector<Interval>;
using IntervalMatrix = std::vector<IntervalVector>;  ///< row-major, rows of equal length

/// Sets the working precision (decimal digits) of new Intervals for its
/// lifetime, and restores the previous one.
class WorkingDigits {
 public:
  explicit WorkingDigits(unsigned digits);
  ~WorkingDigits();
  WorkingDigits(const WorkingDigits&) = delete;
  WorkingDigits& operator=(const WorkingDigits&) = delete;

 private:
  unsigned previous_;
};

/// The smallest interval at the working precision containing the exact value
/// of a decimal number (a JSON number's text or a decimal string, e.g.
/// "7.8467278676928898e-01"). Throws ProofInputError on anything else
/// (non-finite, empty, trailing characters).
Interval exact_decimal(const std::string& text);
/// exact_decimal of a JSON number or decimal string.
Interval exact_decimal(const nlohmann::json& value, const std::string& where);
/// A JSON array of decimals; a JSON array of equal-length arrays.
IntervalVector decimal_vector(const nlohmann::json& value, const std::string& where);
IntervalMatrix decimal_matrix(const nlohmann::json& value, const std::string& where);

/// An instance or certificate that cannot be read (one line, names the field).
class ProofInputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Decimal text of the endpoints rounded outward (lower down, upper up), with
/// `digits` significant digits: the printed interval contains the interval.
std::string lower_text(const Interval& x, int digits = 20);
std::string upper_text(const Interval& x, int digits = 20);
/// Reads back an interval printed by lower_text/upper_text (exact_decimal of
/// each end, hulled).
Interval interval_from_texts(const std::string& lower, const std::string& upper);

/// A proved enclosure [lower, upper] of a quantity found by a search (an
/// eigenvalue, a root), with the two decimal ends that reproduce it.
struct VerifiedBracket {
  bool ok = false;
  std::string message = "no bracket was computed";
  Interval value;  ///< [lower, upper]
  std::string lower, upper;
};
/// The verified bracket [lower, upper] (ok), with what verified it.
VerifiedBracket verified_bracket(const std::string& lower, const std::string& upper, const std::string& how);

/// Certainly > 0 / < 0: the whole interval is.
bool certainly_positive(const Interval& x);
bool certainly_negative(const Interval& x);
/// x is contained in y.
bool contained_in(const Interval& x, const Interval& y);
/// Width relative to the magnitude: (hi - lo) / min |x| (infinite when 0 is in x).
double relative_width(const Interval& x);
/// Midpoint as an MPFR-exact interval point (a search value, never a bound).
Interval midpoint(const Interval& x);
/// The hull of two intervals.
Interval hull_of(const Interval& a, const Interval& b);
/// max of two intervals (elementwise hull of the possible maxima).
Interval interval_max(const Interval& a, const Interval& b);
/// min(a, b).
Interval interval_min(const Interval& a, const Interval& b);

/// 2^e exactly.
Interval power_of_two(long e);
/// The working precision in bits.
unsigned working_bits();
/// hi - lo <= |scale| 2^-(working bits - 16): narrow at this precision.
bool narrow(const Interval& lo, const Interval& hi);

/// sum of squares, Euclidean norm, l1 norm.
Interval squared_norm(const IntervalVector& v);
Interval norm(const IntervalVector& v);
Interval l1_norm(const IntervalVector& v);

/// "MPFI 1.5.3, MPFR 4.1.1, GMP 6.2.1": the libraries a proof ran on.
std::string library_versions();

}  // namespace thmcheck::proof
