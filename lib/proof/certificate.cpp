#include "thmcheck/proof/certificate.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdint>

namespace thmcheck::proof {

namespace {

using nlohmann::json;

constexpr unsigned kDigitLadder[] = {30, 60, 120, 240, 480};
constexpr double kNarrow = 1e-12;
/// Digits of the printed enclosures.
constexpr int kPrintedDigits = 25;

json enclosure_json(const Interval& x) { return {lower_text(x, kPrintedDigits), upper_text(x, kPrintedDigits)}; }

}  // namespace

std::string certificate_checksum(const json& certificate) {
  json body = certificate;
  body.erase("checksum");
  const std::string text = body.dump();
  std::uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return fmt::format("{:016x}", h);
}

ProofAttempt prove_violation(const std::string& claim, const json& instance) {
  ProofAttempt a;
  const auto t0 = std::chrono::steady_clock::now();
  const ProofMethod* method = method_for_claim(claim);
  if (!method) {
    a.message = "no proof method covers " + claim;
    return a;
  }
  a.method = method->name;
  Enclosure e;
  for (unsigned digits : kDigitLadder) {
    WorkingDigits working(digits);
    a.digits = digits;
    e = method->enclose(claim, instance, nullptr);
    if (!e.ok) break;  // does not apply, or a witness search failed: more digits will not help
    if (e.violation_proved() && relative_width(e.margin) <= kNarrow) break;
  }
  a.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (!e.ok) {
    a.message = e.message;
    return a;
  }
  a.margin_lower = lower_text(e.margin, kPrintedDigits);
  a.margin_upper = upper_text(e.margin, kPrintedDigits);
  if (!e.violation_proved()) {
    a.message = fmt::format("the margin's enclosure [{}, {}] at {} digits does not exclude {}", a.margin_lower,
                            a.margin_upper, a.digits, e.relation == "=" ? "equality" : "a pass");
    return a;
  }
  a.proved = true;
  a.message = fmt::format("margin in [{}, {}] at {} ({} digits, {})", a.margin_lower, a.margin_upper, e.where,
                          a.digits, method->name);
  json c = {{"schema", kCertificateSchema},
            {"claim", claim},
            {"instance", instance},
            {"method", method->name},
            {"method_description", method->description},
            {"working_digits", a.digits},
            {"witnesses", e.witnesses},
            {"hypotheses_proved", e.hypotheses},
            {"relation", e.relation},
            {"where", e.where},
            {"enclosure", {{"measured", enclosure_json(e.measured)},
                           {"bound", enclosure_json(e.bound)},
                           {"margin", enclosure_json(e.margin)}}},
            {"conclusion", "violated: the margin (bound - measured" + std::string(e.relation == "=" ? ", as -|.|" : "") +
                               ") is certainly negative"},
            {"library", library_versions()}};
  c["checksum"] = certificate_checksum(c);
  a.certificate = std::move(c);
  return a;
}

Verification verify_certificate(const json& c) {
  Verification v;
  auto refuse = [&](const std::string& why) {
    v.accepted = false;
    v.message = "refused: " + why;
    return v;
  };
  try {
    if (!c.is_object() || c.value("schema", "") != kCertificateSchema) {
      return refuse(fmt::format("not a thmcheck certificate (schema '{}' expected)", kCertificateSchema));
    }
    for (const char* key : {"claim", "instance", "method", "working_digits", "witnesses", "enclosure", "checksum"}) {
      if (!c.contains(key)) return refuse(fmt::format("field '{}' is missing", key));
    }
    if (!c["checksum"].is_string() || c["checksum"].get<std::string>() != certificate_checksum(c)) {
      return refuse("checksum mismatch: the certificate was changed after it was written");
    }
    const std::string claim = c["claim"].get<std::string>();
    const ProofMethod* method = find_method(c["method"].get<std::string>());
    if (!method) return refuse("unknown method '" + c["method"].get<std::string>() + "'");
    if (std::find(method->claims.begin(), method->claims.end(), claim) == method->claims.end()) {
      return refuse(fmt::format("method {} does not prove claim {}", method->name, claim));
    }
    const unsigned digits = c["working_digits"].get<unsigned>();
    if (digits < 10 || digits > 5000) return refuse("working_digits out of range");
    WorkingDigits working(digits);
    const json& witnesses = c["witnesses"];
    const Enclosure e = method->enclose(claim, c["instance"], &witnesses);
    if (!e.ok) return refuse("recomputation: " + e.message);
    const json& stored = c["enclosure"].at("margin");
    const Interval stored_margin = interval_from_texts(stored.at(0).get<std::string>(), stored.at(1).get<std::string>());
    if (!contained_in(e.margin, stored_margin)) {
      return refuse(fmt::format("the recomputed margin [{}, {}] is not inside the stored [{}, {}]",
                                lower_text(e.margin, kPrintedDigits), upper_text(e.margin, kPrintedDigits),
                                stored.at(0).get<std::string>(), stored.at(1).get<std::string>()));
    }
    if (!e.violation_proved()) return refuse("the recomputed margin is not certainly negative");
    v.accepted = true;
    v.message = fmt::format("verified: {} violated at {}: margin in [{}, {}] ({} digits, {})", claim, e.where,
                            lower_text(e.margin, 12), upper_text(e.margin, 12), digits, method->name);
    return v;
  } catch (const std::exception& ex) {
    return refuse(ex.what());
  }
}

}  // namespace thmcheck::proof
