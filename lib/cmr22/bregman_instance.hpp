// The Bregman instances of cmr22 Lemma 2.6: A, L, a point z0 of S+ (y := A z0),
// directions and steps giving further points z = z0 + t P_ker(A) d of S+, the
// initialization x0 > 0 and the time T. Generator, validator and schema text.
#pragma once

#include <rapidcheck/Gen.h>

#include "thmcheck/cmr22/data_params.hpp"
#include "thmcheck/engine/instance.hpp"

namespace thmcheck::cmr22 {

/// The drawn parameters of a Bregman instance.
struct BregmanParams {
  DataParams data;
  int time_exp;     // T = 10^(time_exp / 4), time_exp in [-4, 6]
  int init_scale;   // x0 entries in 10^(-init_scale/4) * (1 or U(0.5, 1.5)), init_scale in [0, 8]
  int extra_points; // number of z besides z0, in [1, 3]
};

/// BregmanParams: data from data_params(12), time_exp in [-4, 6],
/// init_scale in [0, 8], extra_points in [1, 3], drawn in that order.
rc::Gen<BregmanParams> bregman_params();

/// Instance of Lemma 2.6 drawn from q: z0 dense in [0.1, 1) (one zero entry
/// when truth_kind is 0), extra_points directions d with steps t that keep
/// z0 + t P_ker(A) d >= 0 (sized in double), x0 constant 10^(-init_scale/4)
/// (init_kind 0) or times U(0.5, 1.5), T = 10^(time_exp/4).
Json bregman_instance(const BregmanParams& q);

/// Throws InputError unless j is a Bregman instance: A, L in [2, 64], z0 [N],
/// x0 [N] > 0, T > 0, and arrays `directions` and `steps` of equal length.
void validate_bregman(const Json& j);

/// The instance-file fields of a Bregman instance (`instance_schema`).
std::string bregman_instance_schema();

}  // namespace thmcheck::cmr22
