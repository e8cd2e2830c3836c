// The expectations file (reports/expectations.json): the expected verdict of
// each claim at its default settings, with a note on why.
#pragma once

#include <filesystem>
#include <map>
#include <string>

namespace thmcheck {

/// Expected verdict and the reason for it.
struct Expectation {
  std::string verdict;  ///< holds | violated | inconclusive | vacuous | error
  std::string note;
};

/// Claim id -> expectation.
using Expectations = std::map<std::string, Expectation>;

/// Loads an expectations file ({"schema": "thmcheck-expectations/1",
/// "claims": {id: {"verdict", "note"}}}); throws InputError when malformed or
/// when a verdict is not one of the five.
Expectations load_expectations(const std::filesystem::path& path);

}  // namespace thmcheck
