// Registration of every claim of the catalog, one function per paper.
#pragma once

#include "lib/engine/registry.hpp"

namespace thmcheck::checks {

/// Oymak & Soltanolkotabi 2019, "Overparameterized nonlinear learning:
/// gradient descent takes the shortest path?" (checks/os19.cpp).
void register_os19(Registry& registry);

/// Ma & Fattahi 2022, "Blessing of depth in linear regression: deeper models
/// have flatter landscape around the true solution" (checks/mf22.cpp).
void register_mf22(Registry& registry);
/// Chou, Maly & Rauhut 2022, "More is less: inducing sparsity via
/// overparameterization" (checks/cmr22.cpp).
void register_cmr22(Registry& registry);

/// c_L of cmr22 eq. (10)/(17) (exposed for tests).
template <class S>
S cmr22_c_l(int depth);

}  // namespace thmcheck::checks
