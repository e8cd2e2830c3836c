// The SGD instance family of os19 Theorem 3.1: a GLM gradient-descent instance
// (lib/os19/glm_gd_instance.hpp) plus the radius factor nu, the seed of the
// SGD index sequence and, for the expectation claim, the number of Monte
// Carlo runs. One typed instance: its fields give the reader, validator,
// writer and schema.
#pragma once

#include <rapidcheck.h>

#include <optional>
#include <tuple>

#include "thmcheck/engine/typed_instance.hpp"
#include "thmcheck/os19/glm_gd_instance.hpp"

namespace thmcheck::os19 {

/// The probability every generated instance of os19.thm3.1.stay is promised:
/// the generator keeps 1 - (4/nu)(beta/alpha)^(1/p) >= this (checked per case).
constexpr double kSgdClaimedProbability = 0.8;

/// An instance of Theorem 3.1: the GLM data (GlmData; eta_fraction is a
/// fraction of alpha^2/(nu beta^2 B^2 + nu beta B L ||r0||)), the radius factor
/// nu, the seed of SGD's index sequence and the Monte Carlo runs.
struct SgdInstance : GlmData {
  Real nu;
  long seed = 0;
  std::optional<long> runs;
  static constexpr auto fields = std::tuple_cat(
      data_fields,
      std::make_tuple(field("nu", &SgdInstance::nu, "radius factor, >= 3 (D = B(theta0, nu ||r0||/alpha))"),
                      field("seed", &SgdInstance::seed, "SGD index-sequence seed, >= 0"),
                      field("runs", &SgdInstance::runs,
                            "Monte Carlo runs in [1, 100000] (seeds seed..seed+runs-1), default 1")));
  void check() const;
};

/// Generator ranges of sgd_generator, for the report (held to the draws by
/// sgd_instance_test.cpp).
extern const char* const kSgdGeneratorInfo;

/// Generator ranges of sgd_generator(_, true).
extern const char* const kSgdBallGeneratorInfo;

/// SGD instances: n in [1, 20], p = max(n, 8) + [0, 40], cond(X) in [1, 100],
/// phi from the family, nu in [60, 600], eta_fraction at, below or above (up
/// to 11x) 1, T in [1, 300], a seeded index sequence; "runs" = `runs` when > 1.
/// With `ball_constants` (Theorem 3.1, constants of D itself): also
/// non-monotone tanh_plus (c in [-3.05, -1.05]), theta0 near a solution
/// (distance 1e-4..1), far or 0, nu chosen (in double, with the
/// self-consistent constants of D = B(theta0, nu ||r0||/alpha)) so that the
/// promise 1 - (4/nu)(beta/alpha)^(1/p) is a drawn target: in [0.82, 0.98] in
/// 3 of 4 cases, in [0.05, 0.78] otherwise (nu >= 3 always); eta mostly at
/// the limit; T in [1, 300], in 1 of 4 single-run (runs = 1) cases T in [10, 3000].
rc::Gen<SgdInstance> sgd_generator(int runs, bool ball_constants = false);

}  // namespace thmcheck::os19
