#include "thmcheck/proof/exact_rational.hpp"

#include <algorithm>
#include <regex>

#include "thmcheck/proof/interval.hpp"

namespace thmcheck::proof {

Rational exact_rational(const nlohmann::json& value, const std::string& where) {
  std::string text;
  if (value.is_string()) {
    text = value.get<std::string>();
  } else if (value.is_number()) {
    text = value.dump();
  } else {
    throw ProofInputError(where + ": a number or decimal string expected");
  }
  static const std::regex decimal(R"(([+-]?)(\d*)\.?(\d*)(?:[eE]([+-]?\d+))?)");
  std::smatch m;
  if (!std::regex_match(text, m, decimal) || (m[2].length() == 0 && m[3].length() == 0) || m[4].length() > 6) {
    throw ProofInputError(where + ": '" + text + "' is not a decimal number");
  }
  // digits = integer part . fraction, value = digits x 10^(exponent - |fraction|).
  std::string digits = m[2].str() + m[3].str();
  // Leading zeros would make GMP read the digits as octal.
  digits.erase(0, std::min(digits.find_first_not_of('0'), digits.size()));
  const long exponent = (m[4].length() ? std::stol(m[4].str()) : 0) - static_cast<long>(m[3].length());
  using boost::multiprecision::mpz_int;
  const mpz_int mantissa(digits.empty() ? std::string("0") : digits);
  const mpz_int scale = boost::multiprecision::pow(mpz_int(10), static_cast<unsigned>(std::labs(exponent)));
  Rational r = exponent >= 0 ? Rational(mantissa * scale) : Rational(mantissa, scale);
  return m[1].str() == "-" ? Rational(-r) : r;
}

}  // namespace thmcheck::proof
