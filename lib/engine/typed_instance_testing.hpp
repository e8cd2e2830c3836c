// Checks for tests of a typed instance family (typed_instance.hpp), free of
// any test framework: draws of its generator at the sizes the runner uses, the
// error a malformed file gives, the round trip of a drawn instance through its
// file, and a table of malformed variants of one good instance with the start
// of the one-line error each must give.
//
//   EXPECT_EQ(reread(drawn), instance_to_json(drawn));
//   EXPECT_EQ(malformed_mismatches<MyInstance>(good, {{"/x/1", "nan", "field 'x'[1]"},
//                                                     {"/L", std::nullopt, "missing field 'L'"}}),
//             std::vector<std::string>{});
#pragma once

#include <fmt/format.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "thmcheck/engine/typed_instance.hpp"

namespace thmcheck {

/// The one-line InputError reading `j` as a T gives, or "" when it reads.
template <class T>
std::string instance_error(const Json& j) {
  try {
    (void)instance_from_json<T>(j);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

/// The k-th test draw of `gen`, from seed `seed + k`: even k at RapidCheck's
/// nominal size 100 (the size `thmcheck run` draws every case at: full
/// ranges), odd k at size k % 101 (the smaller values shrinking visits).
template <class T>
T test_draw(const rc::Gen<T>& gen, int seed, int k) {
  return gen(rc::Random(static_cast<std::uint64_t>(seed + k)), k % 2 == 0 ? 100 : k % 101).value();
}

/// `in` as a counterexample file holds it: written, dumped to text, parsed
/// and read back, and written again (equal to instance_to_json(in) when the
/// family reads back what it writes).
template <class T>
Json reread(const T& in) {
  return instance_to_json(instance_from_json<T>(parse_json_exact(instance_to_json(in).dump())));
}

/// A malformed variant of a good instance: the value at JSON pointer `at`
/// ("/z/1") replaced by `value`, or removed when `value` is empty, and the
/// start of the error it must give.
struct MalformedCase {
  std::string at;
  std::optional<Json> value;
  std::string error_start;
};

/// The cases of `cases` whose error does not start with their error_start or
/// is not one line, one text each ("/z/1: got '...'"); empty when all match.
template <class T>
std::vector<std::string> malformed_mismatches(const Json& good, const std::vector<MalformedCase>& cases) {
  std::vector<std::string> out;
  for (const MalformedCase& c : cases) {
    Json j = good;
    const Json::json_pointer at(c.at);
    if (c.value) {
      j[at] = *c.value;
    } else {
      j[at.parent_pointer()].erase(at.back());
    }
    const std::string e = instance_error<T>(j);
    if (e.rfind(c.error_start, 0) != 0 || e.empty() || e.find('\n') != std::string::npos) {
      out.push_back(fmt::format("{}: got '{}'", c.at, e));
    }
  }
  return out;
}

}  // namespace thmcheck
