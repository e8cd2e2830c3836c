#include "thmcheck/engine/claim_json.hpp"

#include <fmt/format.h>

namespace thmcheck {

ClaimKind parse_claim_kind(const std::string& s) {
  for (ClaimKind k : {ClaimKind::kExplicit, ClaimKind::kFrequency, ClaimKind::kScaling}) {
    if (to_string(k) == s) return k;
  }
  throw InputError(fmt::format("unknown claim kind '{}'", s));
}

Json claim_info_to_json(const ClaimInfo& c) {
  Json j;
  j["id"] = c.id;
  j["paper"] = c.paper;
  j["source"] = c.source;
  j["statement"] = c.statement;
  j["summary"] = c.summary;
  j["kind"] = to_string(c.kind);
  Json hs = Json::array();
  for (const HypothesisSpec& h : c.hypotheses) hs.push_back({{"name", h.name}, {"statement", h.statement}});
  j["hypotheses"] = hs;
  j["measurement"] = c.measurement;
  j["generator_info"] = c.generator_info;
  j["instance_schema"] = c.instance_schema;
  j["notes"] = c.notes;
  j["claimed_probability"] = c.claimed_probability;
  j["predicted_exponent"] = c.predicted_exponent;
  j["exponent_tolerance"] = c.exponent_tolerance;
  j["exponent_at_least"] = c.exponent_at_least;
  j["x_label"] = c.x_label;
  j["y_label"] = c.y_label;
  j["default_cases"] = c.default_cases;
  j["slow"] = c.slow;
  j["error_is_rounding"] = c.error_is_rounding;
  if (c.time_limit > 0) j["time_limit"] = c.time_limit;  // only claims with a limit of their own
  if (!c.proof_note.empty()) j["proof_note"] = c.proof_note;  // only claims with a limit of their own
  return j;
}

ClaimInfo claim_info_from_json(const Json& j, const std::string& where) {
  if (!j.is_object()) throw InputError(fmt::format("{}: claim description is not an object", where));
  auto field = [&](const char* key) -> const Json& {
    if (!j.contains(key)) throw InputError(fmt::format("{}: claim description lacks '{}'", where, key));
    return j.at(key);
  };
  // Results files are read with parse_json_exact, which keeps non-integer
  // numbers as decimal strings: read_real accepts both forms.
  auto real = [&](const char* key) {
    field(key);
    try {
      return read_real<double>(j, key);
    } catch (const InputError& e) {
      throw InputError(fmt::format("{}: claim description: {}", where, e.what()));
    }
  };
  try {
    ClaimInfo c;
    c.id = field("id").get<std::string>();
    c.paper = field("paper").get<std::string>();
    c.source = field("source").get<std::string>();
    c.statement = field("statement").get<std::string>();
    c.summary = field("summary").get<std::string>();
    c.kind = parse_claim_kind(field("kind").get<std::string>());
    for (const Json& h : field("hypotheses")) {
      c.hypotheses.push_back({h.at("name").get<std::string>(), h.at("statement").get<std::string>()});
    }
    c.measurement = field("measurement").get<std::string>();
    c.generator_info = field("generator_info").get<std::string>();
    c.instance_schema = field("instance_schema").get<std::string>();
    c.notes = field("notes").get<std::string>();
    c.claimed_probability = real("claimed_probability");
    c.predicted_exponent = real("predicted_exponent");
    c.exponent_tolerance = real("exponent_tolerance");
    c.exponent_at_least = field("exponent_at_least").get<bool>();
    c.x_label = field("x_label").get<std::string>();
    c.y_label = field("y_label").get<std::string>();
    c.default_cases = field("default_cases").get<int>();
    c.slow = field("slow").get<bool>();
    c.error_is_rounding = field("error_is_rounding").get<bool>();
    if (j.contains("time_limit")) c.time_limit = real("time_limit");
    if (j.contains("proof_note")) c.proof_note = field("proof_note").get<std::string>();
    return c;
  } catch (const nlohmann::json::exception& e) {
    throw InputError(fmt::format("{}: malformed claim description: {}", where, e.what()));
  }
}

}  // namespace thmcheck
