#include "thmcheck/report/expectations.hpp"

#include <fmt/format.h>

#include <set>

#include "thmcheck/engine/instance.hpp"

namespace thmcheck {

Expectations load_expectations(const std::filesystem::path& path) {
  static const std::set<std::string> kVerdicts = {"holds", "violated", "inconclusive", "vacuous",
                                                  "error"};
  Json doc = load_json_file(path);
  if (!doc.is_object() || doc.value("schema", "") != "thmcheck-expectations/1" ||
      !doc.contains("claims") || !doc["claims"].is_object()) {
    throw InputError(fmt::format("{}: not a thmcheck expectations file (schema thmcheck-expectations/1)",
                                 path.string()));
  }
  Expectations out;
  for (const auto& [id, e] : doc["claims"].items()) {
    if (!e.is_object() || !e.contains("verdict") || !e["verdict"].is_string()) {
      throw InputError(fmt::format("{}: claim '{}' has no verdict", path.string(), id));
    }
    const std::string v = e["verdict"].get<std::string>();
    if (!kVerdicts.count(v)) {
      throw InputError(fmt::format("{}: claim '{}' has unknown verdict '{}'", path.string(), id, v));
    }
    out[id] = {v, e.value("note", "")};
  }
  return out;
}

}  // namespace thmcheck
