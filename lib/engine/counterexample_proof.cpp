// The proof step of the engine: a certified counterexample of a claim that a
// proof method covers (lib/proof) gets a rigorous interval enclosure of its
// margin and, when it is certainly negative, a certificate.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "thmcheck/engine/results.hpp"
#include "thmcheck/engine/runner.hpp"
#include "thmcheck/proof/certificate.hpp"

namespace thmcheck {

void prove_counterexample(const ClaimInfo& claim, Counterexample& cx) {
  if (cx.record.status != CaseStatus::kFail || !cx.record.in_hypothesis) return;
  const proof::ProofMethod* method = proof::method_for_claim(claim.id);
  if (!method) return;
  CounterexampleProof& p = cx.proof;
  p.attempted = true;
  p.method = method->name;
  try {
    const proof::ProofAttempt a = proof::prove_violation(claim.id, cx.instance);
    p.proved = a.proved;
    p.message = a.message;
    p.digits = a.digits;
    p.margin_lower = a.margin_lower;
    p.margin_upper = a.margin_upper;
    if (a.proved) p.certificate = a.certificate;
  } catch (const std::exception& e) {
    p.message = std::string("the proof method could not read the instance: ") + e.what();
  }
}

bool resolve_by_proof(const ClaimInfo& claim, const Json& instance, CaseRecord& rec) {
  if (!rec.in_hypothesis || claim.kind == ClaimKind::kScaling || !proof::method_for_claim(claim.id)) return false;
  proof::ProofAttempt a;
  try {
    a = proof::prove_violation(claim.id, instance);
  } catch (const std::exception&) {
    return false;  // the claim's own validator accepted it; the method cannot read it: stays undecided
  }
  if (!a.proved) return false;
  const Json& enc = a.certificate.at("enclosure");
  auto mid = [&](const char* what) {
    return (Wide(enc.at(what).at(0).get<std::string>()) + Wide(enc.at(what).at(1).get<std::string>())) / 2;
  };
  const std::string ladder_error = wide_text(rec.error, 3);
  const Wide lo(enc.at("margin").at(0).get<std::string>()), hi(enc.at("margin").at(1).get<std::string>());
  rec.measured = mid("measured");
  rec.bound = mid("bound");
  rec.margin = (lo + hi) / 2;
  rec.error = (hi - lo) / 2;
  rec.certified_digits = rec.error > 0 ? std::max(0, static_cast<int>(floor(log10(abs(rec.margin) / rec.error))))
                                       : decimal_digits(Precision::kMp100);
  rec.message = fmt::format("{}the ladder left it {} (error estimate {}); proved violated by interval arithmetic: {}",
                            rec.message.empty() ? "" : rec.message + "; ", to_string(rec.status), ladder_error,
                            a.message);
  rec.status = CaseStatus::kFail;
  return true;
}

Json proof_to_json(const CounterexampleProof& p) {
  if (!p.attempted) return Json();
  Json j = {{"proved", p.proved}, {"method", p.method}, {"message", p.message}, {"digits", p.digits}};
  if (!p.margin_lower.empty()) j["margin"] = {p.margin_lower, p.margin_upper};
  if (p.proved) j["certificate"] = p.certificate;
  return j;
}

CounterexampleProof proof_from_json(const Json& j) {
  CounterexampleProof p;
  if (j.is_null()) return p;
  try {
    p.attempted = true;
    p.proved = j.at("proved").get<bool>();
    p.method = j.at("method").get<std::string>();
    p.message = j.at("message").get<std::string>();
    p.digits = j.at("digits").get<unsigned>();
    if (j.contains("margin")) {
      p.margin_lower = j.at("margin").at(0).get<std::string>();
      p.margin_upper = j.at("margin").at(1).get<std::string>();
    }
    if (p.proved) p.certificate = j.at("certificate");
  } catch (const Json::exception& e) {
    throw InputError(std::string("counterexample proof: ") + e.what());
  }
  return p;
}

}  // namespace thmcheck
