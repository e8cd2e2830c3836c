// What a claim is: data plus pure functions. The check engine (runner.hpp)
// turns a Claim into cases, verdicts and statistics; a claim never prints.
#pragma once

#include <rapidcheck/Gen.h>
#include <rapidcheck/gen/Create.h>

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "thmcheck/engine/instance.hpp"
#include "thmcheck/numerics/scalar.hpp"

namespace thmcheck {

/// Carrier type for measured numbers: every precision converts to it exactly.
using Wide = Mp100;

/// Widens a scalar of any supported precision to Wide (exact).
template <class Scalar>
Wide widen(const Scalar& x) {
  return scalar_cast<Wide>(x);
}

/// How a claim is judged.
enum class ClaimKind {
  kExplicit,   ///< a bound with explicit constants, judged per instance
  kFrequency,  ///< an event with probability >= p, judged by observed frequency
  kScaling,    ///< an asymptotic rate, judged by a fitted log-log exponent
};
std::string to_string(ClaimKind k);

/// How much a hypothesis check on an instance can be trusted.
enum class Evidence {
  kCertified,  ///< proved for this instance (construction, exact or certified computation)
  kEstimated,  ///< computed numerically or by sampling, not proved
  kUnchecked,  ///< not checked; assumed to hold
};
std::string to_string(Evidence e);

/// The relation an explicit claim asserts between measured and bound.
enum class Relation {
  kLessEqual,  ///< measured <= bound; margin = bound - measured
  kEqual,      ///< measured == bound; margin = -|bound - measured|
};
std::string to_string(Relation r);

/// A hypothesis of a claim as the paper states it.
struct HypothesisSpec {
  std::string name;       ///< short identifier, e.g. "assumption1.upper"
  std::string statement;  ///< the hypothesis as printed
};

/// The check of one hypothesis on one instance.
struct HypothesisCheck {
  std::string name;
  bool holds = false;
  Evidence evidence = Evidence::kUnchecked;
  std::string detail;  ///< e.g. "beta = 2.31 >= ||X|| = 2.30"
};

/// What evaluating a claim on one instance at one precision gives. All numbers
/// are carried as Wide; the evaluation itself ran at the precision it was
/// called at.
struct Outcome {
  /// False when a solver failed (diverged, NaN, no convergence): the case is
  /// recorded as `error`, never as a pass.
  bool ok = true;
  std::string message;  ///< why the solver failed, or a note

  // Explicit and frequency claims: the inequality (or equality) judged.
  // For frequency claims the event is "measured <relation> bound".
  Relation relation = Relation::kLessEqual;
  Wide measured = 0;
  Wide bound = 0;
  /// Estimated absolute error of the margin at the precision of this
  /// evaluation, from the method's error analysis (say where it comes from in
  /// the claim). The engine also compares precisions.
  Wide error = 0;

  // Scaling claims: points (x, y) of the law y ~ C x^k contributed by this
  // instance (both positive).
  std::vector<std::pair<Wide, Wide>> points;

  std::vector<HypothesisCheck> hypotheses;
  /// Extra facts shown with counterexamples, e.g. {"iterations", "120"}.
  std::vector<std::pair<std::string, std::string>> details;

  /// bound - measured (kLessEqual) or -|bound - measured| (kEqual).
  Wide margin() const;
};

/// The evaluation of a claim at each precision, from one generic function.
struct Evaluator {
  std::function<Outcome(const Json&)> at_double;
  std::function<Outcome(const Json&)> at_mp50;
  std::function<Outcome(const Json&)> at_mp100;
  Outcome operator()(const Json& instance, Precision p) const;
};

/// Builds an Evaluator from a generic lambda `[]<class S>(const Json&) -> Outcome`.
template <class F>
Evaluator make_evaluator(F f) {
  return Evaluator{
      [f](const Json& j) { return f.template operator()<double>(j); },
      [f](const Json& j) { return f.template operator()<Mp50>(j); },
      [f](const Json& j) { return f.template operator()<Mp100>(j); },
  };
}

/// What a claim says and how it is judged: everything about a claim except
/// its code. It travels in results.json, so a report can be rendered from
/// results alone, without the claim's code (lib/engine/results.hpp).
struct ClaimInfo {
  std::string id;         ///< "<paper>.<item>[.<part>]", e.g. "os19.thm2.4"
  std::string paper;      ///< "os19", "cmr22", "mf22", or a user's label
  std::string source;     ///< "Theorem 2.4, eq. (2.15)"
  std::string statement;  ///< the statement as printed (formula text)
  std::string summary;    ///< one line for `thmcheck list`
  ClaimKind kind = ClaimKind::kExplicit;
  std::vector<HypothesisSpec> hypotheses;
  std::string measurement;     ///< what is measured, in words
  std::string generator_info;  ///< generator ranges, for the report
  std::string instance_schema; ///< fields of an instance file, for README/--help
  std::string notes;           ///< e.g. how this differs from the `.as-proved` sibling
  /// Why a violation of this claim can be certified but not proved by
  /// interval arithmetic (Monte Carlo, an ODE trajectory without a validated
  /// integrator, an asymptotic rate); empty when a proof method covers the
  /// claim (lib/proof/enclosure.hpp) or the claim has not been assessed.
  std::string proof_note;

  /// kFrequency: the claimed lower bound on the event's probability.
  double claimed_probability = 0;
  /// kScaling: predicted exponent k in y ~ C x^k, and the tolerance on it.
  double predicted_exponent = 0;
  double exponent_tolerance = 0;
  /// kScaling: the claim is an upper bound y <~ C x^k as x -> 0 (the paper's
  /// "<~" with an unstated constant), so only k >= predicted - tolerance is
  /// claimed; a larger fitted exponent (faster decay) is consistent with it.
  bool exponent_at_least = false;
  std::string x_label = "x";
  std::string y_label = "y";

  int default_cases = 100;
  /// A long sweep: its registry-driven test carries the ctest label `slow`
  /// (left out of the default `ctest -LE slow`).
  bool slow = false;
  /// Seconds one case may take when the run gives no --time-limit, when this
  /// claim's cases need longer than the default (kDefaultCaseTimeLimit,
  /// parallel_run.hpp); 0: the default. Shown in the report.
  double time_limit = 0;
  /// True when Outcome::error shrinks with precision (pure rounding error).
  /// Then a margin within error at 100 digits means equality (status `tight`).
  /// False when a method error dominates (ODE tolerance, Monte Carlo, ...).
  bool error_is_rounding = true;
};

/// A published statement, encoded as printed: its description (ClaimInfo)
/// plus pure functions over its instances.
struct Claim : ClaimInfo {
  /// Instances, seeded and shrinkable (default: the empty instance).
  rc::Gen<Json> generator = rc::gen::just(Json::object());
  /// Throws InputError naming the first problem of a user-supplied instance.
  std::function<void(const Json&)> validate;
  Evaluator evaluate;
};

}  // namespace thmcheck
