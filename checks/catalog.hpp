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

}  // namespace thmcheck::checks
