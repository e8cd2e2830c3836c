// The registry: the claims and experiments a program knows, and the
// self-registration that fills it when claim files are linked.
//
// A claim file registers itself, like a GoogleTest TEST or a Google Benchmark
// BENCHMARK:
//
//   THMCHECK_REGISTER(cmr22_thm1_1) {   // a unique C identifier
//     Claim c; c.id = "cmr22.thm1.1"; ...
//     registry.add(std::move(c));
//   }
//
// Linking the file is enough (as an OBJECT library or with whole-archive
// linking, so the linker keeps the registration object). Library code never
// reaches for the registered set: the engine, the report and the command line
// receive a `const Registry&`; only a program's main() calls linked_registry().
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "thmcheck/engine/claim.hpp"
#include "thmcheck/experiments/figure.hpp"

namespace thmcheck {

/// A set of claims and experiments with unique ids, in a fixed order.
class Registry {
 public:
  /// Adds a claim; throws std::logic_error on a duplicate or malformed id.
  void add(Claim claim);
  /// Adds an experiment; throws std::logic_error on a duplicate id.
  void add(Experiment experiment);

  const std::vector<Claim>& claims() const { return claims_; }
  /// The claim with this id, or nullptr.
  const Claim* find(std::string_view id) const;
  /// Claims whose id matches any of the patterns (shell globs: * ? [..]),
  /// in registry order, without duplicates. Throws InputError naming a
  /// pattern that matches nothing.
  std::vector<const Claim*> select(const std::vector<std::string>& patterns) const;

  const std::vector<Experiment>& experiments() const { return experiments_; }
  /// The experiment with this id, or nullptr.
  const Experiment* find_experiment(std::string_view id) const;
  /// Experiments matching any pattern (shell globs), in registry order; slow
  /// ones only when `include_slow` or when a pattern names the id exactly.
  /// Throws InputError for a pattern that matches no experiment.
  std::vector<const Experiment*> select_experiments(const std::vector<std::string>& patterns,
                                                    bool include_slow) const;

  /// Orders claims and experiments by id, comparing runs of digits as numbers
  /// ("os19.thm2.4" < "os19.thm10.1"), so the order does not depend on the
  /// order in which files were linked.
  void sort();

 private:
  std::vector<Claim> claims_;
  std::vector<Experiment> experiments_;
};

/// Natural order of ids: runs of digits compare as numbers.
bool natural_less(std::string_view a, std::string_view b);

/// A function that adds claims or experiments to a registry.
using RegisterFunction = void (*)(Registry&);

/// Static registration object behind THMCHECK_REGISTER: remembers `add` under
/// `name` (unique per program) until linked_registry() runs it.
class Registrar {
 public:
  Registrar(const char* name, RegisterFunction add);
};

/// The registry of everything registered by the files linked into this
/// program (built on first use, then sorted with Registry::sort). For main()
/// and tests; library code takes a `const Registry&` instead.
const Registry& linked_registry();

}  // namespace thmcheck

#define THMCHECK_REGISTER_CONCAT_(a, b) a##b
/// Registers the body's claims and experiments when this file is linked. The
/// body receives `::thmcheck::Registry& registry`.
#define THMCHECK_REGISTER(name)                                                               \
  static void THMCHECK_REGISTER_CONCAT_(thmcheck_register_, name)(::thmcheck::Registry&);      \
  static const ::thmcheck::Registrar THMCHECK_REGISTER_CONCAT_(thmcheck_registrar_, name)(     \
      #name, &THMCHECK_REGISTER_CONCAT_(thmcheck_register_, name));                           \
  static void THMCHECK_REGISTER_CONCAT_(thmcheck_register_, name)(                            \
      [[maybe_unused]] ::thmcheck::Registry & registry)
