#include "thmcheck/engine/typed_instance.hpp"

#include <limits>
#include <stdexcept>

namespace thmcheck {

Real Real::parse(std::string_view text, std::string_view where) {
  try {
    // Both ends of the precision ladder must read it: a value that overflows
    // double cannot be evaluated at the default start precision.
    (void)parse_decimal<double>(text);
    (void)parse_decimal<Mp100>(text);
  } catch (const std::invalid_argument& e) {
    throw InputError(fmt::format("{}: {}", where, e.what()));
  }
  return Real(std::string(text));
}

namespace detail {

void read_value(const Json& v, const std::string& where, Real& out) {
  if (v.is_string()) {
    out = Real::parse(v.get<std::string>(), where);
  } else if (v.is_number_integer()) {
    out = Real::parse(v.dump(), where);
  } else if (v.is_number_float()) {  // only when built in memory, not parsed
    out = Real::parse(to_decimal(v.get<double>(), 17), where);
  } else {
    throw InputError(
        fmt::format("{}: expected a real number (JSON number or decimal string), got {}", where, v.type_name()));
  }
}

void read_value(const Json& v, const std::string& where, long& out) {
  if (!v.is_number_integer()) throw InputError(fmt::format("{}: expected an integer, got {}", where, v.type_name()));
  if (v.is_number_unsigned() && v.get<unsigned long long>() > static_cast<unsigned long long>(
                                                                   std::numeric_limits<long>::max())) {
    throw InputError(fmt::format("{}: integer out of range", where));
  }
  out = v.get<long>();
}

void read_value(const Json& v, const std::string& where, int& out) {
  long x = 0;
  read_value(v, where, x);
  if (x < std::numeric_limits<int>::min() || x > std::numeric_limits<int>::max()) {
    throw InputError(fmt::format("{}: integer {} out of range", where, x));
  }
  out = static_cast<int>(x);
}

void read_value(const Json& v, const std::string& where, std::uint64_t& out) {
  if (!v.is_number_integer()) throw InputError(fmt::format("{}: expected an integer, got {}", where, v.type_name()));
  if (!v.is_number_unsigned() && v.get<long long>() < 0) {
    throw InputError(fmt::format("{}: {} is negative", where, v.get<long long>()));
  }
  out = v.get<std::uint64_t>();
}

void read_value(const Json& v, const std::string& where, bool& out) {
  if (!v.is_boolean()) throw InputError(fmt::format("{}: expected true or false, got {}", where, v.type_name()));
  out = v.get<bool>();
}

void read_value(const Json& v, const std::string& where, std::string& out) {
  if (!v.is_string()) throw InputError(fmt::format("{}: expected a string, got {}", where, v.type_name()));
  out = v.get<std::string>();
}

void read_value(const Json& v, const std::string& where, RealMatrix& out) {
  if (!v.is_array() || v.empty()) {
    throw InputError(fmt::format("{}: expected a non-empty array of rows", where));
  }
  out.assign(v.size(), {});
  for (size_t i = 0; i < v.size(); ++i) {
    const std::string row = fmt::format("{} row {}", where, i);
    if (!v[i].is_array()) throw InputError(fmt::format("{}: not an array", row));
    if (v[i].size() != v[0].size() || v[i].empty()) {
      throw InputError(fmt::format("{}: has {} entries, row 0 has {}", row, v[i].size(), v[0].size()));
    }
    out[i].resize(v[i].size());
    for (size_t j = 0; j < v[i].size(); ++j) read_value(v[i][j], fmt::format("{}[{}][{}]", where, i, j), out[i][j]);
  }
}

}  // namespace detail
}  // namespace thmcheck
