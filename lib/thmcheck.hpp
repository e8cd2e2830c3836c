// Everything a claim file needs: `#include <thmcheck/thmcheck.hpp>`.
//   Claim, ClaimInfo, Outcome, make_evaluator      thmcheck/engine/claim.hpp
//   THMCHECK_REGISTER, Registry                     thmcheck/engine/registry.hpp
//   Real, RealVector, field, typed_claim            thmcheck/engine/typed_instance.hpp
//   cli_main                                        thmcheck/cli/cli.hpp
//   Mp50, Mp100, Vector, Matrix, unit_roundoff      thmcheck/numerics/scalar.hpp
#pragma once

#include "thmcheck/cli/cli.hpp"
#include "thmcheck/engine/claim.hpp"
#include "thmcheck/engine/registry.hpp"
#include "thmcheck/engine/runner.hpp"
#include "thmcheck/engine/typed_instance.hpp"
#include "thmcheck/numerics/scalar.hpp"
