// A proved bracket of the root of a strictly decreasing scalar function,
// found by expansion and bisection, re-verified from its decimal ends.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "thmcheck/proof/interval.hpp"

namespace thmcheck::proof {

/// f at a point or interval; nullopt when the argument is not certainly in
/// f's domain.
using DecreasingFunction = std::function<std::optional<Interval>(const Interval&)>;

/// lo < root < hi with f(lo) certainly > 0 and f(hi) certainly < 0: for a
/// continuous strictly decreasing f on [lo, hi] its unique root is inside.
using RootBracket = VerifiedBracket;

/// Searches from 0 towards the sign change, inside the open domain
/// (left, right) (nullopt: unbounded on that side), then bisects until the
/// bracket is relatively narrower than 2^-(working bits - 16).
RootBracket bracket_root(const DecreasingFunction& f, const std::optional<Interval>& left,
                         const std::optional<Interval>& right);
/// Re-verifies a bracket from its decimal ends.
RootBracket check_root_bracket(const DecreasingFunction& f, const std::string& lower, const std::string& upper);
/// With witnesses: check_root_bracket of witnesses[key] (two decimals); without:
/// bracket_root, searching in (left, right).
RootBracket find_or_check_root(const DecreasingFunction& f, const nlohmann::json* witnesses, const char* key,
                               const std::optional<Interval>& left, const std::optional<Interval>& right);

}  // namespace thmcheck::proof
