// The identical-initialization instances of cmr22 Lemma A.2: A, y, L, the
// common initialization x0 of all L factors, the time T of the flows and the
// step and iteration count of gradient descent. One typed instance: its fields
// give the reader, validator, writer and schema; its generator draws
// IdenticalParams.
#pragma once

#include <rapidcheck/Gen.h>

#include <string>
#include <tuple>

#include "thmcheck/cmr22/data_params.hpp"
#include "thmcheck/engine/typed_instance.hpp"

namespace thmcheck::cmr22 {

/// Ranges of the identical-initialization generator: N uniform up to
/// kIdenticalMaxUniformN, T = 10^(k/4) for k in [kIdenticalTimeExpMin,
/// kIdenticalTimeExpMax], x0 scale 10^(-s/4) for s in [0,
/// kIdenticalInitScaleMax], 1 to kIdenticalMaxIterations GD iterations of
/// step kIdenticalStep.
constexpr int kIdenticalMaxUniformN = 10;
constexpr int kIdenticalTimeExpMin = -4, kIdenticalTimeExpMax = 4;
constexpr int kIdenticalInitScaleMax = 6;
constexpr int kIdenticalMaxIterations = 200;
constexpr const char* kIdenticalStep = "0.01";

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

/// An instance of Lemma A.2: every factor x^(k)(0) = x0.
struct IdenticalInstance {
  RealMatrix a;
  RealVector y;
  int depth = 0;
  RealVector x0;
  Real time;
  Real step;
  long iterations = 0;
  static constexpr auto fields = std::make_tuple(
      field("A", &IdenticalInstance::a, "M x N, the measurement matrix"),
      field("y", &IdenticalInstance::y, "[M], the measurements"),
      field("L", &IdenticalInstance::depth, "depth, integer in [2, 16]"),
      field("x0", &IdenticalInstance::x0, "[N], the common initialization of the L factors"),
      field("T", &IdenticalInstance::time, "> 0, the time the flows are integrated to"),
      field("step", &IdenticalInstance::step, "> 0, the gradient-descent step"),
      field("iterations", &IdenticalInstance::iterations, "gradient-descent iterations, integer in [0, 100000]"));
  void check() const;
};

/// Instance of Lemma A.2 drawn from q: y = A x* (x* >= 0 unless truth_kind is
/// 2), x0 constant 10^(-init_scale/4) (init_kind 0) or times U(0.5, 1.5),
/// T = 10^(time_exp/4), GD step 0.01 and gd_iterations iterations.
IdenticalInstance identical_instance(const IdenticalParams& q);

/// The generator text of cmr22.lemA.2 (`generator_info`).
std::string identical_generator_info();

}  // namespace thmcheck::cmr22
