#include "properties/fuzz/extreme_instances.hpp"

#include <fmt/format.h>

#include <set>

#include "thmcheck/numerics/scalar.hpp"

namespace thmcheck::fuzz {
namespace {

bool is_real(const Json& v) {
  if (v.is_number_float()) return true;
  if (!v.is_string()) return false;
  try {
    (void)parse_decimal<Mp100>(v.get<std::string>());
    return true;
  } catch (const std::exception&) {
    return false;
  }
}

// The decimal text of x * 10^exponent, exactly (the shift is in the text's
// exponent, so no rounding of the significand).
std::string shifted(const Json& v, int exponent) {
  const std::string text = v.is_string() ? v.get<std::string>() : v.dump();
  const Mp100 x = parse_decimal<Mp100>(text) * pow(Mp100(10), exponent);
  return real_to_json(x).get<std::string>();
}

// Scales every real inside `v`; returns whether one was found.
bool scale_reals(Json& v, int exponent) {
  if (v.is_structured()) {
    bool any = false;
    for (auto& e : v) any = scale_reals(e, exponent) || any;
    return any;
  }
  if (!is_real(v)) return false;
  v = shifted(v, exponent);
  return true;
}

bool is_matrix(const Json& v) {
  if (!v.is_array() || v.empty()) return false;
  for (const Json& row : v) {
    if (!row.is_array() || row.empty() || !is_real(row.front())) return false;
  }
  return true;
}

// Cuts arrays to their first entry, recording the lengths cut from.
void cut_arrays(Json& v, std::set<long long>& lengths) {
  if (v.is_array()) {
    if (v.size() > 1) lengths.insert(static_cast<long long>(v.size()));
    if (v.size() > 1) v.erase(v.begin() + 1, v.end());
  }
  if (v.is_structured()) {
    for (auto& e : v) cut_arrays(e, lengths);
  }
}

void ill_condition(Json& v, bool& any) {
  if (is_matrix(v) && v.size() > 1) {
    scale_reals(v[0], -30);
    any = true;
    return;
  }
  if (v.is_object()) {
    for (auto& e : v) ill_condition(e, any);
  }
}

}  // namespace

std::vector<ExtremeInstance> extreme_variants(const Json& instance, int max_fields) {
  std::vector<ExtremeInstance> out;
  if (!instance.is_object()) return out;
  for (int e : {-300, 300}) {
    Json j = instance;
    if (scale_reals(j, e)) out.push_back({fmt::format("scale 1e{}", e), j});
  }
  int fields = 0;
  for (const auto& [key, v] : instance.items()) {
    if (fields >= max_fields) break;
    Json probe = v;
    if (!scale_reals(probe, 0)) continue;
    ++fields;
    for (int e : {-300, 300}) {
      Json j = instance;
      scale_reals(j[key], e);
      out.push_back({fmt::format("{} 1e{}", key, e), j});
    }
  }
  {
    Json j = instance;
    std::set<long long> lengths;
    cut_arrays(j, lengths);
    for (auto& [key, v] : j.items()) {
      if (v.is_number_integer() && lengths.count(v.get<long long>())) v = 1;
    }
    if (!lengths.empty()) out.push_back({"dimension 1", j});
  }
  {
    Json j = instance;
    bool any = false;
    ill_condition(j, any);
    if (any) out.push_back({"condition 1e30", j});
  }
  return out;
}

}  // namespace thmcheck::fuzz
