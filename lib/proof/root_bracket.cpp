#include "thmcheck/proof/root_bracket.hpp"

#include <cmath>

namespace thmcheck::proof {

namespace {
/// +1: f(p) certainly > 0; -1: certainly < 0; 0: undecided; 2: p outside the domain.
int sign_at(const DecreasingFunction& f, const Interval& p) {
  const std::optional<Interval> v = f(p);
  if (!v) return 2;
  if (certainly_positive(*v)) return +1;
  if (certainly_negative(*v)) return -1;
  return 0;
}
}  // namespace

RootBracket check_root_bracket(const DecreasingFunction& f, const std::string& lower, const std::string& upper) {
  RootBracket b;
  const Interval lo = exact_decimal(lower), hi = exact_decimal(upper);
  if (!certainly_negative(lo - hi)) {
    b.message = "root bracket: lower end not below upper end";
    return b;
  }
  if (sign_at(f, lo) != +1 || sign_at(f, hi) != -1) {
    b.message = "root bracket [" + lower + ", " + upper + "]: the signs of f at its ends do not verify";
    return b;
  }
  return verified_bracket(lower, upper, "f(lower) > 0 > f(upper) in interval arithmetic");
}

RootBracket find_or_check_root(const DecreasingFunction& f, const nlohmann::json* witnesses, const char* key,
                               const std::optional<Interval>& left, const std::optional<Interval>& right) {
  if (!witnesses) return bracket_root(f, left, right);
  if (!witnesses->contains(key) || !(*witnesses)[key].is_array() || (*witnesses)[key].size() != 2) {
    throw ProofInputError(std::string("witness '") + key + "': two decimal texts expected");
  }
  const nlohmann::json& w = (*witnesses)[key];
  return check_root_bracket(f, w.at(0).get<std::string>(), w.at(1).get<std::string>());
}

RootBracket bracket_root(const DecreasingFunction& f, const std::optional<Interval>& left,
                         const std::optional<Interval>& right) {
  RootBracket fail;
  const unsigned bits = working_bits();
  const int s0 = sign_at(f, Interval(0));
  if (s0 == 2) {
    fail.message = "0 is outside the function's domain";
    return fail;
  }
  Interval lo = 0, hi = 0;
  if (s0 == 0) {
    // The root is within rounding of 0: try a small symmetric bracket.
    const Interval delta = power_of_two(-static_cast<long>(bits) / 2);
    lo = -delta;
    hi = delta;
  } else {
    // Expand from 0 in the direction of the root (right when f(0) > 0).
    const bool go_right = s0 == +1;
    std::optional<Interval> wall = go_right ? right : left;
    Interval inner = 0;  // last point with f's sign of f(0)
    bool found = false;
    for (unsigned it = 0; it < 8 * bits && !found; ++it) {
      Interval p;
      if (wall) {
        p = midpoint(hull_of(inner, *wall));
      } else {
        const Interval step = interval_max(Interval(1), abs(inner));
        p = midpoint(go_right ? Interval(inner + step) : Interval(inner - step));
      }
      const int s = sign_at(f, p);
      if (s == 2) {
        wall = p;
      } else if (s == s0) {
        inner = p;
      } else if (s == -s0) {
        (go_right ? lo : hi) = inner;
        (go_right ? hi : lo) = p;
        found = true;
      } else {
        // p is within rounding of the root: bracket it with its neighbours.
        const Interval spread = abs(p) * power_of_two(-static_cast<long>(bits) / 2) +
                                power_of_two(-static_cast<long>(bits));
        lo = midpoint(Interval(p - spread));
        hi = midpoint(Interval(p + spread));
        found = true;
      }
    }
    if (!found) {
      fail.message = "no sign change of f found in its domain";
      return fail;
    }
  }
  // Bisect while the signs decide.
  for (unsigned it = 0; it < 4 * bits; ++it) {
    if (narrow(lo, hi)) break;
    const Interval mid = midpoint(hull_of(lo, hi));
    const int s = sign_at(f, mid);
    if (s == +1) {
      lo = mid;
    } else if (s == -1) {
      hi = mid;
    } else {
      break;
    }
  }
  const int digits = static_cast<int>(bits * 0.30103) + 2;
  return check_root_bracket(f, lower_text(lo, digits), upper_text(hi, digits));
}

}  // namespace thmcheck::proof
