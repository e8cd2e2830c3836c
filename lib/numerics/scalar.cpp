#include "thmcheck/numerics/scalar.hpp"

#include <fmt/format.h>

#include <charconv>
#include <stdexcept>

namespace thmcheck {

std::string to_string(Precision p) {
  switch (p) {
    case Precision::kDouble: return "double";
    case Precision::kMp50: return "50";
    case Precision::kMp100: return "100";
  }
  return "?";
}

Precision parse_precision(std::string_view text) {
  if (text == "double") return Precision::kDouble;
  if (text == "50") return Precision::kMp50;
  if (text == "100") return Precision::kMp100;
  throw std::invalid_argument("unknown precision '" + std::string(text) +
                              "' (expected double, 50, 100 or auto)");
}

int decimal_digits(Precision p) {
  switch (p) {
    case Precision::kDouble: return 15;
    case Precision::kMp50: return 50;
    case Precision::kMp100: return 100;
  }
  return 0;
}

Precision next_precision(Precision p) {
  switch (p) {
    case Precision::kDouble: return Precision::kMp50;
    default: return Precision::kMp100;
  }
}

template <class Scalar>
std::string to_decimal(const Scalar& x, int digits) {
  if (digits < 1) digits = 1;
  if constexpr (std::is_same_v<Scalar, double>) {
    if (x == 0) return "0";
    return fmt::format("{:.{}e}", x, digits - 1);
  } else {
    if (x == 0) return "0";
    // Boost counts digits after the point in scientific format, as printf does.
    return x.str(digits - 1, std::ios_base::scientific);
  }
}

template std::string to_decimal<double>(const double&, int);
template std::string to_decimal<Mp50>(const Mp50&, int);
template std::string to_decimal<Mp100>(const Mp100&, int);

namespace {

// Checks the JSON number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
// (leading '+' and a bare leading '.' are rejected, as in JSON).
bool is_json_number(std::string_view s) {
  size_t i = 0;
  auto digits = [&] {
    size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    return i > start;
  };
  if (i < s.size() && s[i] == '-') ++i;
  if (i < s.size() && s[i] == '0') {
    ++i;
  } else if (!digits()) {
    return false;
  }
  if (i < s.size() && s[i] == '.') {
    ++i;
    if (!digits()) return false;
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (!digits()) return false;
  }
  return i == s.size();
}

}  // namespace

template <class Scalar>
Scalar parse_decimal(std::string_view text) {
  if (!is_json_number(text)) {
    throw std::invalid_argument("'" + std::string(text.substr(0, 40)) +
                                "' is not a finite decimal number");
  }
  Scalar value;
  if constexpr (std::is_same_v<Scalar, double>) {
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec == std::errc::result_out_of_range) {
      throw std::invalid_argument("'" + std::string(text.substr(0, 40)) +
                                  "' is out of the range of double");
    }
    if (ec != std::errc() || ptr != text.data() + text.size()) {
      throw std::invalid_argument("'" + std::string(text.substr(0, 40)) +
                                  "' is not a decimal number");
    }
  } else {
    // mpfr_set_str rounds correctly to the working precision.
    value = Scalar(std::string(text));
  }
  if (!is_finite(value)) {
    throw std::invalid_argument("'" + std::string(text.substr(0, 40)) +
                                "' is not finite at this precision");
  }
  return value;
}

template double parse_decimal<double>(std::string_view);
template Mp50 parse_decimal<Mp50>(std::string_view);
template Mp100 parse_decimal<Mp100>(std::string_view);

}  // namespace thmcheck
