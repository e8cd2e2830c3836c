// Case generation from (claim id, seed, case index) and the reproduce tokens
// that name a case and its shrink path.
#include <fmt/format.h>
#include <rapidcheck.h>

#include <sstream>

#include "thmcheck/engine/registry.hpp"
#include "thmcheck/engine/runner.hpp"
#include "thmcheck/engine/search.hpp"

namespace thmcheck {

namespace {

constexpr int kGeneratorSize = 100;  // RapidCheck's nominal size: full ranges

}  // namespace

std::uint64_t claim_hash(const std::string& s) {
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

rc::Shrinkable<Json> generate_case(const Claim& claim, std::uint64_t seed, long case_index) {
  const rc::Random random(rc::Random::Key{seed, claim_hash(claim.id), static_cast<std::uint64_t>(case_index),
                                          0x746d63686b636173ull});
  return claim.generator(random, kGeneratorSize);
}

std::string make_token(const std::string& id, std::uint64_t seed, long case_index,
                       const std::vector<int>& shrink_path) {
  return make_token(id, seed, SearchPath{case_index, {}}, shrink_path);
}

std::string make_token(const std::string& id, std::uint64_t seed, const SearchPath& origin,
                       const std::vector<int>& shrink_path) {
  std::string t = fmt::format("{}:{}:{}", id, seed, to_string(origin));
  if (!shrink_path.empty()) {
    t += ":";
    for (size_t i = 0; i < shrink_path.size(); ++i) {
      if (i) t += ".";
      t += std::to_string(shrink_path[i]);
    }
  }
  return t;
}

TokenInstance instance_from_token(const std::string& token, const Registry& registry) {
  std::vector<std::string> parts;
  std::stringstream ss(token);
  std::string part;
  while (std::getline(ss, part, ':')) parts.push_back(part);
  if (parts.size() < 3 || parts.size() > 4) {
    throw InputError(fmt::format("malformed token '{}' (expected <claim>:<seed>:<case>[+<search moves>][:<path>])", token));
  }
  TokenInstance out;
  out.claim = registry.find(parts[0]);
  if (!out.claim) throw InputError(fmt::format("unknown claim id '{}' in token", parts[0]));
  auto number = [&](const std::string& s, const char* what) -> unsigned long long {
    if (s.empty() || s.find_first_not_of("0123456789") != std::string::npos || s.size() > 19) {
      throw InputError(fmt::format("malformed token '{}': bad {} '{}'", token, what, s));
    }
    return std::stoull(s);
  };
  out.seed = number(parts[1], "seed");
  SearchPath origin;
  try {
    origin = parse_search_path(parts[2]);
  } catch (const InputError& e) {
    throw InputError(fmt::format("malformed token '{}': {}", token, e.what()));
  }
  out.case_index = origin.start_case;
  rc::Shrinkable<Json> current = search_path_shrinkable(*out.claim, out.seed, origin);
  if (parts.size() == 4) {
    std::stringstream ps(parts[3]);
    std::string step;
    while (std::getline(ps, step, '.')) {
      const auto k = number(step, "shrink step");
      auto seq = current.shrinks();
      bool found = false;
      for (unsigned long long j = 0; auto child = seq.next(); ++j) {
        if (j == k) {
          current = *child;
          found = true;
          break;
        }
      }
      if (!found) throw InputError(fmt::format("token '{}': shrink step {} does not exist", token, k));
    }
  }
  out.instance = current.value();
  return out;
}

}  // namespace thmcheck
