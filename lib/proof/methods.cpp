#include "thmcheck/proof/enclosure.hpp"

#include <algorithm>

namespace thmcheck::proof {

const std::vector<ProofMethod>& proof_methods() {
  static const std::vector<ProofMethod> methods = {os19_network_method(), cmr22_limit_method()};
  return methods;
}

const ProofMethod* find_method(const std::string& name) {
  for (const ProofMethod& m : proof_methods()) {
    if (m.name == name) return &m;
  }
  return nullptr;
}

const ProofMethod* method_for_claim(const std::string& id) {
  for (const ProofMethod& m : proof_methods()) {
    if (std::find(m.claims.begin(), m.claims.end(), id) != m.claims.end()) return &m;
  }
  return nullptr;
}

}  // namespace thmcheck::proof
