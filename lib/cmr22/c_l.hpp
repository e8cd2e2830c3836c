// c_L of Chou, Maly & Rauhut (2022), "More is less" (cmr22), eqs. (10) and
// (17): the constant of the l1-gap bounds (9) and (16). One definition for the
// claims (checks/cmr22/thm1_1.cpp, thm2_1.cpp) and the figures' bound lines
// (lib/experiments/cmr22_figures.cpp).
#pragma once

#include "thmcheck/numerics/scalar.hpp"

namespace thmcheck::cmr22 {

/// c_L of cmr22 (10)/(17): L/2 + e for L = 2, L/2 + (L/2)^{L/(L-2)} for L > 2.
template <class S>
S c_l(int depth);

extern template double c_l<double>(int);
extern template Mp50 c_l<Mp50>(int);
extern template Mp100 c_l<Mp100>(int);

}  // namespace thmcheck::cmr22
