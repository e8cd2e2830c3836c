// Transitional: c_L of cmr22, until it moves to lib/cmr22.
#pragma once

namespace thmcheck::checks {

/// c_L of cmr22 eq. (10)/(17) (exposed for tests).
template <class S>
S cmr22_c_l(int depth);

}  // namespace thmcheck::checks
