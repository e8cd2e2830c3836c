#include "properties/fuzz/instance_mutations.hpp"

#include <algorithm>
#include <map>
#include <string_view>
#include <utility>

#include "thmcheck/generators/random_data.hpp"

namespace thmcheck::fuzz {
namespace {

using Pointer = Json::json_pointer;

// Where a mutation can act: every leaf, the leaves holding a number (a JSON
// number or a decimal string), every array, and every member of an object.
struct Places {
  std::vector<Pointer> leaves, numbers, arrays;
  std::vector<std::pair<Pointer, std::string>> members;
};

bool numeric_text(const std::string& s) {
  if (s.empty()) return false;
  bool digit = false;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      digit = true;
    } else if (std::string_view("+-.eE").find(c) == std::string_view::npos) {
      return false;
    }
  }
  return digit;
}

void walk(const Json& j, const Pointer& at, Places& p) {
  if (j.is_object()) {
    for (const auto& [key, v] : j.items()) {
      p.members.emplace_back(at, key);
      walk(v, at / key, p);
    }
  } else if (j.is_array()) {
    p.arrays.push_back(at);
    for (size_t i = 0; i < j.size(); ++i) walk(j[i], at / i, p);
  } else {
    p.leaves.push_back(at);
    if (j.is_number() || (j.is_string() && numeric_text(j.get<std::string>()))) p.numbers.push_back(at);
  }
}

template <class T>
const T& pick(const std::vector<T>& v, RandomSource& rng) {
  return v[static_cast<size_t>(rng.integer(0, static_cast<std::int64_t>(v.size()) - 1))];
}

// A JSON object under construction whose text may hold raw tokens that are
// not JSON values (NaN, 1e400) and duplicated keys: each stands in the object
// as a marker string, replaced in the dumped text.
class Draft {
 public:
  explicit Draft(Json j) : j_(std::move(j)) {}
  Json& json() { return j_; }
  /// A marker that becomes `token`, unquoted, in the text.
  std::string raw(std::string token) {
    std::string marker = "@@raw:" + std::to_string(swaps_.size()) + "@@";
    swaps_.emplace(Json(marker).dump(), std::move(token));
    return marker;
  }
  /// A key marker that becomes `key` (a second member of that name).
  std::string duplicate_key(const std::string& key) {
    std::string marker = "@@dup:" + std::to_string(swaps_.size()) + "@@";
    swaps_.emplace(Json(marker).dump(), Json(key).dump());
    return marker;
  }
  std::string text() const {
    // One pass: a huge array may hold 10^5 copies of a marker.
    const std::string s = j_.dump(1);
    std::string out;
    out.reserve(s.size());
    size_t i = 0;
    for (;;) {
      const size_t at = s.find("\"@@", i);
      const size_t end = at == std::string::npos ? at : s.find("@@\"", at + 3);
      if (end == std::string::npos) break;
      const auto it = swaps_.find(s.substr(at, end + 3 - at));
      out.append(s, i, at - i);
      out += it != swaps_.end() ? it->second : s.substr(at, end + 3 - at);
      i = end + 3;
    }
    out.append(s, i, std::string::npos);
    return out;
  }

 private:
  Json j_;
  std::map<std::string, std::string> swaps_;  // marker (quoted) -> text
};

// Reals written as JSON numbers (half of them) or kept as decimal strings.
void unquote_some_reals(Draft& d, RandomSource& rng) {
  Places p;
  walk(d.json(), Pointer(), p);
  for (const Pointer& at : p.numbers) {
    Json& v = d.json()[at];
    if (v.is_string() && rng.uniform() < 0.5) v = d.raw(v.get<std::string>());
  }
}

Json odd_value(RandomSource& rng) {
  static const std::vector<Json> values = {
      nullptr, true, false, "text", "", Json::object(), Json::array(), 0, -1, 2.5,
      Json::array({1, 2}), Json::array({Json::array()}), Json::object({{"a", 1}}), "0.5"};
  return pick(values, rng);
}

const std::vector<std::string> kNonFiniteNumbers = {"NaN", "nan", "Infinity", "-Infinity", "inf",
                                                    "1e400", "-1e400", "1e-400", "1e999999999"};
const std::vector<std::string> kNonFiniteStrings = {
    "nan", "NaN", "inf", "-inf", "Infinity", "-Infinity", "1e400", "-1e400", "1e-400", "", "  1",
    " 1e0", "1,5", "0x1p3", "1e", "--1", "1e99999999999", "1/3", "+", "."};
const std::vector<std::string> kOutOfRange = {
    "-1", "0", "-0", "0.5", "-0.5", "1e300", "-1e300", "1e-300", "9223372036854775807",
    "-9223372036854775808", "18446744073709551615", "18446744073709551616", "100000000000000000000",
    "4294967297", "2147483648", "-2147483649", "1e18", "3"};

// One mutation of the object's shape or values; returns its kind, or "" when
// the object has no place of that kind.
std::string mutate_once(Draft& d, const std::string& kind, RandomSource& rng) {
  Places p;
  walk(d.json(), Pointer(), p);
  Json& j = d.json();
  if (kind == "delete-field" && !p.members.empty()) {
    const auto& [at, key] = pick(p.members, rng);
    j[at].erase(key);
  } else if (kind == "duplicate-field" && !p.members.empty()) {
    const auto& [at, key] = pick(p.members, rng);
    const Json value = rng.uniform() < 0.5 ? j[at][key] : odd_value(rng);
    j[at][d.duplicate_key(key)] = value;
  } else if (kind == "retype" && !p.members.empty()) {
    const auto& [at, key] = pick(p.members, rng);
    // A member, or an entry of an array somewhere inside it.
    Pointer target = at / key;
    if (!p.leaves.empty() && rng.uniform() < 0.5) target = pick(p.leaves, rng);
    if (target.empty()) return "";
    j[target] = odd_value(rng);
  } else if (kind == "non-finite-number" && !p.numbers.empty()) {
    j[pick(p.numbers, rng)] = d.raw(pick(kNonFiniteNumbers, rng));
  } else if (kind == "non-finite-string" && !p.numbers.empty()) {
    j[pick(p.numbers, rng)] = pick(kNonFiniteStrings, rng);
  } else if (kind == "out-of-range" && !p.numbers.empty()) {
    j[pick(p.numbers, rng)] = d.raw(pick(kOutOfRange, rng));
  } else if (kind == "empty-array" && !p.arrays.empty()) {
    j[pick(p.arrays, rng)] = Json::array();
  } else if (kind == "huge-array" && !p.arrays.empty()) {
    Json& a = j[pick(p.arrays, rng)];
    const Json first = a.empty() ? Json(1) : a.front();
    const size_t entry = first.dump().size() + 1;
    const size_t n = std::clamp<size_t>(2'000'000 / entry, 2, 100'000);
    a = Json::array();
    for (size_t i = 0; i < n; ++i) a.push_back(first);
  } else if (kind == "dimension" && !p.arrays.empty()) {
    Json& a = j[pick(p.arrays, rng)];
    if (!a.empty() && rng.uniform() < 0.5) {
      a.erase(a.size() - 1);
    } else {
      a.push_back(a.empty() ? Json(1) : a.back());
    }
  } else {
    return "";
  }
  return kind;
}

}  // namespace

const std::vector<std::string>& mutation_kinds() {
  static const std::vector<std::string> kinds = {
      "delete-field", "duplicate-field", "retype", "non-finite-number", "non-finite-string", "out-of-range",
      "empty-array", "huge-array", "dimension", "truncated", "bytes", "root"};
  return kinds;
}

std::string instance_text(const Json& good, std::uint64_t seed) {
  RandomSource rng(seed ^ 0x5bd1e995u);
  Draft d(good);
  unquote_some_reals(d, rng);
  return d.text();
}

MutatedInstance mutate(const Json& good, std::uint64_t seed) {
  RandomSource rng(seed);
  const std::vector<std::string>& kinds = mutation_kinds();
  const size_t object_kinds = kinds.size() - 3;  // the last three act on the text
  if (rng.uniform() < 0.2) {
    const std::string& kind = kinds[object_kinds + static_cast<size_t>(rng.integer(0, 2))];
    std::string text = instance_text(good, seed);
    if (kind == "truncated") {
      text.resize(static_cast<size_t>(rng.integer(0, static_cast<std::int64_t>(text.size()) - 1)));
    } else if (kind == "bytes") {
      for (int k = static_cast<int>(rng.integer(1, 4)); k > 0 && !text.empty(); --k) {
        const auto at = static_cast<size_t>(rng.integer(0, static_cast<std::int64_t>(text.size()) - 1));
        const char byte = static_cast<char>(rng.integer(0, 255));
        switch (rng.integer(0, 2)) {
          case 0: text[at] = byte; break;
          case 1: text.erase(at, 1); break;
          default: text.insert(text.begin() + static_cast<std::ptrdiff_t>(at), byte); break;
        }
      }
    } else {
      static const std::vector<std::string> roots = {"", " ", "[]", "null", "42", "\"x\"", "{", "{}",
                                                     "[{}]", "{\"a\":", "\xff\xfe", "{} {}"};
      text = pick(roots, rng);
    }
    return {kind, text};
  }
  Draft d(good);
  unquote_some_reals(d, rng);
  std::string label;
  const int count = rng.uniform() < 0.75 ? 1 : 2;
  for (int k = 0; k < count; ++k) {
    std::string kind = mutate_once(d, kinds[static_cast<size_t>(rng.integer(0, static_cast<std::int64_t>(object_kinds) - 1))], rng);
    if (kind.empty()) kind = mutate_once(d, "retype", rng);
    if (kind.empty()) continue;
    label += (label.empty() ? "" : "+") + kind;
  }
  return {label.empty() ? "unchanged" : label, d.text()};
}

rc::Gen<MutatedInstance> gen_mutated(const std::vector<Json>& seeds) {
  return rc::gen::map(rc::gen::pair(rc::gen::inRange<size_t>(0, seeds.size()), rc::gen::arbitrary<std::uint64_t>()),
                      [seeds](const std::pair<size_t, std::uint64_t>& choice) {
                        return mutate(seeds[choice.first], choice.second);
                      });
}

}  // namespace thmcheck::fuzz
