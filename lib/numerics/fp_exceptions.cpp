#include "thmcheck/numerics/fp_exceptions.hpp"

#include <cfenv>

namespace thmcheck {

FloatingPointWatch::FloatingPointWatch() { std::feclearexcept(FE_ALL_EXCEPT); }

std::string FloatingPointWatch::raised() const {
  std::string out;
  const auto add = [&out](const char* what) {
    if (!out.empty()) out += ", ";
    out += what;
  };
  if (std::fetestexcept(FE_INVALID)) add("an invalid operation (NaN) in double");
  if (std::fetestexcept(FE_OVERFLOW)) add("an overflow in double");
  return out;
}

}  // namespace thmcheck
