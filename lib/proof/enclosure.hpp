// What a proof method computes: a rigorous enclosure of a claim's margin on
// one instance, and the table of methods by name.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "thmcheck/proof/interval.hpp"

namespace thmcheck::proof {

/// Enclosures of what an explicit claim compares on one instance. For a `<=`
/// claim margin = bound - measured; for an equality claim margin =
/// -|bound - measured|. The violation is proved when margin is certainly
/// negative. All three contain the exact values for the exact decimal inputs.
struct Enclosure {
  bool ok = false;  ///< false: the method does not apply or a witness fails (message says why)
  std::string message = "no enclosure was computed";
  std::string relation = "<=";  ///< "<=" or "="
  Interval measured, bound, margin;
  std::string where;           ///< which part of the statement, e.g. "iterate t = 12"
  std::vector<std::string> hypotheses;  ///< the printed hypotheses proved, one line each
  nlohmann::json witnesses = nlohmann::json::object();  ///< decimal data a verifier re-checks
  bool violation_proved() const { return ok && certainly_negative(margin); }
};

/// A proof method: encloses the margin of the claims it covers. With
/// witnesses == nullptr it searches for its witnesses (the prover); given
/// witnesses it only checks them (the verifier). Runs at the working
/// precision (WorkingDigits) in effect.
struct ProofMethod {
  std::string name;                 ///< e.g. "os19.network-gd-intervals"
  std::vector<std::string> claims;  ///< the claim ids it can prove violated
  std::string description;          ///< what is enclosed and how, for the certificate and the report
  std::function<Enclosure(const std::string& claim, const nlohmann::json& instance, const nlohmann::json* witnesses)>
      enclose;
};

/// All proof methods (os19_network_proof.cpp, cmr22_limit_proof.cpp).
const std::vector<ProofMethod>& proof_methods();
/// The method named `name`, or nullptr.
const ProofMethod* find_method(const std::string& name);
/// The method that covers claim `id`, or nullptr.
const ProofMethod* method_for_claim(const std::string& id);

/// The two methods (defined in their own files).
ProofMethod os19_network_method();
ProofMethod cmr22_limit_method();

}  // namespace thmcheck::proof
