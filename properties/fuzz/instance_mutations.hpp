// Malformed and odd variants of a valid instance file, for fuzzing the typed
// readers and validators (issue "Hardening"). Each variant is the text of a
// file, as a user might hand it to `thmcheck check --instance`:
//   delete-field, duplicate-field, retype        (the shape of the object)
//   non-finite-number, non-finite-string,        (values: NaN, inf, 1e400 as
//   out-of-range                                  JSON numbers and as strings;
//                                                 negative, huge, fractional)
//   empty-array, huge-array, dimension           (lengths: [], 10^5 entries,
//                                                 one entry more or fewer)
//   truncated, bytes, root                       (the text: cut, bytes changed,
//                                                 not an object at all)
// A variant is a pure function of (good instance, seed), so a failing input
// is reproduced from the two alone.
#pragma once

#include <rapidcheck.h>

#include <cstdint>
#include <string>
#include <vector>

#include "thmcheck/engine/instance.hpp"

namespace thmcheck::fuzz {

/// One mutated instance file.
struct MutatedInstance {
  std::string kind;  ///< one of mutation_kinds()
  std::string text;  ///< the file's contents
};

/// The kinds of mutation, in a fixed order.
const std::vector<std::string>& mutation_kinds();

/// The variant of `good` (an instance as parse_json_exact reads it) that
/// `seed` chooses: the kind, where in the object, and the new value. One or
/// two mutations of the object's shape and values, or one of its text.
MutatedInstance mutate(const Json& good, std::uint64_t seed);

/// `good` as file text, with each real written as a JSON number or as a
/// decimal string (both are valid) as `seed` chooses.
std::string instance_text(const Json& good, std::uint64_t seed);

/// RapidCheck generator of mutations of the instances in `seeds` (non-empty).
rc::Gen<MutatedInstance> gen_mutated(const std::vector<Json>& seeds);

}  // namespace thmcheck::fuzz
