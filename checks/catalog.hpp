// Registration of every claim of the catalog, one function per paper.
#pragma once

#include "lib/engine/registry.hpp"

namespace thmcheck::checks {

/// Oymak & Soltanolkotabi 2019, "Overparameterized nonlinear learning:
/// gradient descent takes the shortest path?" (checks/os19.cpp).
void register_os19(Registry& registry);

}  // namespace thmcheck::checks
