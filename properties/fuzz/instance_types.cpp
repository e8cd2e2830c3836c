#include "properties/fuzz/instance_types.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>

#include "thmcheck/engine/runner.hpp"

namespace thmcheck::fuzz {

std::vector<InstanceType> instance_types(const Registry& registry, const std::string& source_dir, int draws) {
  std::vector<InstanceType> types;
  std::map<std::string, size_t> by_schema;
  for (const Claim& c : registry.claims()) {
    // A claim without a schema is a type of its own.
    const std::string key = c.instance_schema.empty() ? "claim " + c.id : c.instance_schema;
    auto [it, added] = by_schema.emplace(key, types.size());
    if (added) types.push_back(InstanceType{c.id, {}, {}, {}});
    InstanceType& t = types[it->second];
    t.claims.push_back(&c);
    for (int k = 0; k < draws; ++k) {
      // A file holds what a dump of the instance holds: reals as decimal text.
      t.seeds.push_back(parse_json_exact(generate_case(c, 1, k).value().dump()));
      t.seed_claim.push_back(t.claims.size() - 1);
    }
  }
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(source_dir) / "reports" / "counterexamples";
  std::vector<fs::path> files;
  if (fs::is_directory(dir)) {
    for (const auto& e : fs::directory_iterator(dir)) files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& f : files) {
    const std::string name = f.filename().string();
    const auto cut = name.rfind("-case");
    if (cut == std::string::npos || f.extension() != ".json") continue;
    const Claim* c = registry.find(name.substr(0, cut));
    if (!c) continue;
    for (InstanceType& t : types) {
      const auto at = std::find(t.claims.begin(), t.claims.end(), c);
      if (at == t.claims.end()) continue;
      t.seeds.push_back(load_json_file(f));
      t.seed_claim.push_back(static_cast<size_t>(at - t.claims.begin()));
    }
  }
  return types;
}

std::string test_name(std::string id) {
  for (char& ch : id) {
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  }
  return id;
}

}  // namespace thmcheck::fuzz
