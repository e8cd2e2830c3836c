// The identical-initialization instances of cmr22 Lemma A.2: A, y, L, the
// common initialization x0 of all L factors, the time T of the flows and the
// step and iteration count of gradient descent. Generator, validator, schema.
#pragma once

#include <rapidcheck/Gen.h>

#include <string>

#include "thmcheck/cmr22/data_params.hpp"
#include "thmcheck/engine/instance.hpp"

namespace thmcheck::cmr22 {

/// The drawn parameters of an identical-initialization instance.
struct IdenticalParams {
  DataParams data;
  int time_exp;    // T = 10^(time_exp / 4), in [-4, 4]
  int init_scale;  // x0 in 10^(-init_scale/4) (1 or U(0.5, 1.5)), in [0, 6]
  int gd_iterations;  // in [1, 200]
};

/// IdenticalParams: data from data_params(10), time_exp in [-4, 4],
/// init_scale in [0, 6], gd_iterations in [1, 200], drawn in that order.
rc::Gen<IdenticalParams> identical_params();

/// Instance of Lemma A.2 drawn from q: y = A x* (x* >= 0 unless truth_kind is
/// 2), x0 constant 10^(-init_scale/4) (init_kind 0) or times U(0.5, 1.5),
/// T = 10^(time_exp/4), GD step 0.01 and gd_iterations iterations.
Json identical_instance(const IdenticalParams& q);

/// Throws InputError unless j is such an instance: A (M x N), y [M], L in
/// [2, 16], x0 [N], T > 0, step > 0, iterations in [0, 100000].
void validate_identical(const Json& j);

/// The instance-file fields of an identical-initialization instance (`instance_schema`).
std::string identical_instance_schema();

}  // namespace thmcheck::cmr22
