#include "checks/catalog.hpp"

namespace thmcheck {

const Registry& catalog() {
  static const Registry registry = [] {
    Registry r;
    checks::register_os19(r);
    checks::register_mf22(r);
    checks::register_cmr22(r);
    return r;
  }();
  return registry;
}

}  // namespace thmcheck
