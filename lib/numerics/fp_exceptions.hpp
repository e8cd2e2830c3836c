// Floating-point exceptions raised in double while a computation ran: an
// invalid operation (a NaN produced: 0/0, inf - inf, sqrt(-1)) or an
// overflow (IEEE 754 sticky flags, <cfenv>). A NaN or an overflow can hide in
// a finite result (std::max(x, NaN) is x), so safe_evaluate
// (engine/runner.cpp) does not judge a double evaluation during which one
// arose: the ladder recomputes it at 50 digits.
//
// MPFR's NaN flag is not used for the 50- and 100-digit evaluations: MPFR
// sets it for every NaN result, also for NaNs that code sets on purpose and
// propagates (cmr22's mirror map marks points outside its domain with NaN,
// and Eigen's allFinite() computes x - x), so it flags correct evaluations
// (all 6 errors it gave in the default run were such). A quiet NaN in double
// propagates without raising FE_INVALID, so the double flags do not have
// this problem.
#pragma once

#include <string>

namespace thmcheck {

/// Clears the double flags when constructed; raised() names those set since.
/// Underflow, inexact results and division by zero (log(0) = -inf, which
/// shows as a non-finite value if it matters) are not reported.
class FloatingPointWatch {
 public:
  FloatingPointWatch();
  /// "" when nothing arose, else "an invalid operation (NaN) in double",
  /// "an overflow in double", or both.
  std::string raised() const;
};

}  // namespace thmcheck
