#include "lib/engine/registry.hpp"

#include <fnmatch.h>
#include <fmt/format.h>

#include <regex>
#include <set>
#include <stdexcept>

namespace thmcheck {

void Registry::add(Claim claim) {
  static const std::regex kId(R"([a-z][a-z0-9]*(\.[A-Za-z0-9-]+)+)");
  if (!std::regex_match(claim.id, kId)) {
    throw std::logic_error("malformed claim id '" + claim.id + "'");
  }
  if (find(claim.id) != nullptr) {
    throw std::logic_error("duplicate claim id '" + claim.id + "'");
  }
  claims_.push_back(std::move(claim));
}

const Claim* Registry::find(std::string_view id) const {
  for (const Claim& c : claims_) {
    if (c.id == id) return &c;
  }
  return nullptr;
}

std::vector<const Claim*> Registry::select(const std::vector<std::string>& patterns) const {
  std::set<std::string> chosen;
  for (const std::string& pattern : patterns) {
    bool any = false;
    for (const Claim& c : claims_) {
      if (fnmatch(pattern.c_str(), c.id.c_str(), 0) == 0) {
        chosen.insert(c.id);
        any = true;
      }
    }
    if (!any) throw InputError(fmt::format("unknown claim id or pattern '{}' (see `thmcheck list`)", pattern));
  }
  std::vector<const Claim*> out;
  for (const Claim& c : claims_) {
    if (chosen.count(c.id)) out.push_back(&c);
  }
  return out;
}

}  // namespace thmcheck
