#include "thmcheck/engine/registry.hpp"

#include <fmt/format.h>
#include <fnmatch.h>

#include <algorithm>
#include <cctype>
#include <regex>
#include <set>
#include <stdexcept>
#include <utility>

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

void Registry::add(Experiment experiment) {
  if (experiment.id.empty()) throw std::logic_error("experiment without an id");
  if (find_experiment(experiment.id) != nullptr) {
    throw std::logic_error("duplicate experiment id '" + experiment.id + "'");
  }
  experiments_.push_back(std::move(experiment));
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
    if (!any) throw InputError(fmt::format("unknown claim id or pattern '{}' (see `list`)", pattern));
  }
  std::vector<const Claim*> out;
  for (const Claim& c : claims_) {
    if (chosen.count(c.id)) out.push_back(&c);
  }
  return out;
}

const Experiment* Registry::find_experiment(std::string_view id) const {
  for (const Experiment& e : experiments_) {
    if (e.id == id) return &e;
  }
  return nullptr;
}

std::vector<const Experiment*> Registry::select_experiments(const std::vector<std::string>& patterns,
                                                            bool include_slow) const {
  std::set<std::string> taken;
  for (const std::string& pattern : patterns) {
    bool matched = false;
    for (const Experiment& e : experiments_) {
      if (fnmatch(pattern.c_str(), e.id.c_str(), 0) != 0) continue;
      matched = true;
      if (e.slow && !include_slow && pattern != e.id) continue;
      taken.insert(e.id);
    }
    if (!matched) throw InputError(fmt::format("no experiment matches '{}' (see `figures --list`)", pattern));
  }
  std::vector<const Experiment*> out;
  for (const Experiment& e : experiments_) {
    if (taken.count(e.id)) out.push_back(&e);
  }
  return out;
}

bool natural_less(std::string_view a, std::string_view b) {
  size_t i = 0, j = 0;
  auto digit = [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; };
  while (i < a.size() && j < b.size()) {
    if (digit(a[i]) && digit(b[j])) {
      size_t i2 = i, j2 = j;
      while (i2 < a.size() && digit(a[i2])) ++i2;
      while (j2 < b.size() && digit(b[j2])) ++j2;
      // Compare the numbers by value: strip leading zeros, then length, then digits.
      std::string_view x = a.substr(i, i2 - i), y = b.substr(j, j2 - j);
      while (x.size() > 1 && x.front() == '0') x.remove_prefix(1);
      while (y.size() > 1 && y.front() == '0') y.remove_prefix(1);
      if (x.size() != y.size()) return x.size() < y.size();
      if (x != y) return x < y;
      i = i2;
      j = j2;
    } else {
      if (a[i] != b[j]) return a[i] < b[j];
      ++i;
      ++j;
    }
  }
  return a.size() - i < b.size() - j;
}

void Registry::sort() {
  std::stable_sort(claims_.begin(), claims_.end(),
                   [](const Claim& x, const Claim& y) { return natural_less(x.id, y.id); });
  std::stable_sort(experiments_.begin(), experiments_.end(),
                   [](const Experiment& x, const Experiment& y) { return natural_less(x.id, y.id); });
}

namespace {

std::vector<std::pair<std::string, RegisterFunction>>& registrars() {
  static std::vector<std::pair<std::string, RegisterFunction>> all;
  return all;
}

}  // namespace

Registrar::Registrar(const char* name, RegisterFunction add) { registrars().emplace_back(name, add); }

const Registry& linked_registry() {
  static const Registry registry = [] {
    auto list = registrars();
    std::sort(list.begin(), list.end());
    for (size_t k = 1; k < list.size(); ++k) {
      if (list[k].first == list[k - 1].first) {
        throw std::logic_error("THMCHECK_REGISTER(" + list[k].first + ") appears twice");
      }
    }
    Registry r;
    for (const auto& [name, add] : list) add(r);
    r.sort();
    return r;
  }();
  return registry;
}

}  // namespace thmcheck
