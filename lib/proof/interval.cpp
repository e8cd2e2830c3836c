#include "thmcheck/proof/interval.hpp"

#include <mpfi.h>
#include <mpfr.h>

#include <cmath>
#include <limits>
#include <regex>

namespace thmcheck::proof {

WorkingDigits::WorkingDigits(unsigned digits) : previous_(Interval::default_precision()) {
  Interval::default_precision(digits);
}
WorkingDigits::~WorkingDigits() { Interval::default_precision(previous_); }

Interval exact_decimal(const std::string& text) {
  static const std::regex decimal(R"([+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?)");
  if (!std::regex_match(text, decimal)) throw ProofInputError("'" + text + "' is not a finite decimal number");
  Interval x;
  // mpfi_set_str rounds the two endpoints outward: x contains the decimal.
  if (mpfi_set_str(x.backend().data(), text.c_str(), 10) != 0) {
    throw ProofInputError("'" + text + "' is not a finite decimal number");
  }
  if (!mpfr_number_p(&x.backend().data()->left) || !mpfr_number_p(&x.backend().data()->right)) {
    throw ProofInputError("'" + text + "' is outside MPFR's exponent range");
  }
  return x;
}

Interval exact_decimal(const nlohmann::json& value, const std::string& where) {
  if (value.is_string()) {
    try {
      return exact_decimal(value.get<std::string>());
    } catch (const ProofInputError& e) {
      throw ProofInputError(where + ": " + e.what());
    }
  }
  if (value.is_number_integer()) return exact_decimal(value.dump());
  if (value.is_number_float()) {
    // nlohmann keeps a parsed float as a double: its shortest round-trip text
    // is the double itself, which is what the instance means.
    const double d = value.get<double>();
    if (!std::isfinite(d)) throw ProofInputError(where + ": not finite");
    return exact_decimal(value.dump());
  }
  throw ProofInputError(where + ": a number or decimal string expected");
}

IntervalVector decimal_vector(const nlohmann::json& value, const std::string& where) {
  if (!value.is_array()) throw ProofInputError(where + ": an array expected");
  IntervalVector v;
  for (size_t i = 0; i < value.size(); ++i) v.push_back(exact_decimal(value[i], where + "[" + std::to_string(i) + "]"));
  return v;
}

IntervalMatrix decimal_matrix(const nlohmann::json& value, const std::string& where) {
  if (!value.is_array() || value.empty()) throw ProofInputError(where + ": a non-empty array of rows expected");
  IntervalMatrix m;
  for (size_t i = 0; i < value.size(); ++i) {
    m.push_back(decimal_vector(value[i], where + "[" + std::to_string(i) + "]"));
    if (m.back().empty() || m.back().size() != m.front().size()) {
      throw ProofInputError(where + ": rows of equal, non-zero length expected");
    }
  }
  return m;
}

namespace {
std::string endpoint_text(mpfr_srcptr x, int digits, mpfr_rnd_t rounding) {
  if (mpfr_nan_p(x)) return "nan";
  if (mpfr_inf_p(x)) return mpfr_sgn(x) > 0 ? "inf" : "-inf";
  if (mpfr_zero_p(x)) return "0";
  mpfr_exp_t exponent = 0;
  char* s = mpfr_get_str(nullptr, &exponent, 10, static_cast<size_t>(digits), x, rounding);
  std::string m(s);
  mpfr_free_str(s);
  std::string sign;
  if (m[0] == '-') {
    sign = "-";
    m.erase(0, 1);
  }
  // m = d1 d2 ... with value 0.d1d2... x 10^exponent = d1.d2... x 10^(exponent - 1).
  std::string out = sign + m.substr(0, 1);
  if (m.size() > 1) out += "." + m.substr(1);
  return out + "e" + std::to_string(static_cast<long>(exponent) - 1);
}
}  // namespace

std::string lower_text(const Interval& x, int digits) {
  return endpoint_text(&x.backend().data()->left, digits, MPFR_RNDD);
}
std::string upper_text(const Interval& x, int digits) {
  return endpoint_text(&x.backend().data()->right, digits, MPFR_RNDU);
}

Interval interval_from_texts(const std::string& lower, const std::string& upper) {
  return hull_of(exact_decimal(lower), exact_decimal(upper));
}

VerifiedBracket verified_bracket(const std::string& lower, const std::string& upper, const std::string& how) {
  VerifiedBracket b;
  b.ok = true;
  b.message = how;
  b.value = interval_from_texts(lower, upper);
  b.lower = lower;
  b.upper = upper;
  return b;
}

bool certainly_positive(const Interval& x) { return mpfi_is_strictly_pos(x.backend().data()) > 0; }
bool certainly_negative(const Interval& x) { return mpfi_is_strictly_neg(x.backend().data()) > 0; }
bool contained_in(const Interval& x, const Interval& y) {
  return mpfi_is_inside(x.backend().data(), y.backend().data()) > 0;
}

double relative_width(const Interval& x) {
  if (mpfi_has_zero(x.backend().data())) return std::numeric_limits<double>::infinity();
  const double w = boost::multiprecision::width(x).convert_to<double>();
  const double m = std::min(std::fabs(boost::multiprecision::lower(x).convert_to<double>()),
                            std::fabs(boost::multiprecision::upper(x).convert_to<double>()));
  return w / m;
}

Interval midpoint(const Interval& x) {
  Interval m;
  mpfr_t mid;
  mpfr_init2(mid, mpfi_get_prec(x.backend().data()));
  mpfi_mid(mid, x.backend().data());
  mpfi_set_fr(m.backend().data(), mid);
  mpfr_clear(mid);
  return m;
}

Interval hull_of(const Interval& a, const Interval& b) {
  Interval h;
  mpfi_union(h.backend().data(), a.backend().data(), b.backend().data());
  return h;
}

Interval interval_max(const Interval& a, const Interval& b) {
  // max is monotone in both arguments: [max(lo_a, lo_b), max(hi_a, hi_b)].
  Interval h;
  mpfr_max(&h.backend().data()->left, &a.backend().data()->left, &b.backend().data()->left, MPFR_RNDD);
  mpfr_max(&h.backend().data()->right, &a.backend().data()->right, &b.backend().data()->right, MPFR_RNDU);
  return h;
}

Interval interval_min(const Interval& a, const Interval& b) { return -interval_max(-a, -b); }

Interval power_of_two(long e) {
  Interval x = 1;
  mpfi_mul_2si(x.backend().data(), x.backend().data(), e);
  return x;
}

unsigned working_bits() {
  const Interval probe = 0;
  return static_cast<unsigned>(mpfi_get_prec(probe.backend().data()));
}

bool narrow(const Interval& lo, const Interval& hi) {
  const Interval gap = hi - lo, scale = abs(lo) + abs(hi);
  return certainly_negative(gap - scale * power_of_two(-static_cast<long>(working_bits()) + 16)) ||
         !certainly_positive(gap);
}

Interval squared_norm(const IntervalVector& v) {
  Interval s = 0;
  for (const Interval& x : v) s += x * x;
  return s;
}
Interval norm(const IntervalVector& v) { return sqrt(squared_norm(v)); }
Interval l1_norm(const IntervalVector& v) {
  Interval s = 0;
  for (const Interval& x : v) s += abs(x);
  return s;
}

std::string library_versions() {
  return std::string("MPFI ") + mpfi_get_version() + ", MPFR " + mpfr_get_version() + ", GMP " + gmp_version;
}

}  // namespace thmcheck::proof
