// Number and text formatting shared by the report's sections.
#pragma once

#include <fmt/format.h>

#include <cctype>
#include <cmath>
#include <string>
#include <utility>

namespace thmcheck::markdown {

/// x with `digits` digits after the point; "—" when not finite.
inline std::string fixed(double x, int digits) {
  if (!std::isfinite(x)) return "—";
  return fmt::format("{:.{}f}", x, digits);
}

/// x with `digits` significant digits; "—" when not finite.
inline std::string sig(double x, int digits = 4) {
  if (!std::isfinite(x)) return "—";
  return fmt::format("{:.{}g}", x, digits);
}

/// "[lo, hi]" with three decimals.
inline std::string ci_text(std::pair<double, double> ci) {
  return fmt::format("[{}, {}]", fixed(ci.first, 3), fixed(ci.second, 3));
}

/// Text safe inside a Markdown table cell or paragraph (| * _ escaped).
inline std::string escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '*' || c == '_') {
      out += '\\';
      out += c;
    } else {
      out += c;
    }
  }
  return out;
}

/// The id of a claim's section as GitHub derives it from its heading.
inline std::string anchor(const std::string& id) {
  std::string a;
  for (char c : id) {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '-') a += static_cast<char>(std::tolower(c));
  }
  return a;
}

/// A claim id as a file name stem (/, space and : become _).
inline std::string file_stem(const std::string& id) {
  std::string s = id;
  for (char& c : s) {
    if (c == '/' || c == ' ' || c == ':') c = '_';
  }
  return s;
}

/// Agreeing digits, "—" when not known.
inline std::string digits_text(int d) { return d < 0 ? "—" : std::to_string(d); }

}  // namespace thmcheck::markdown
