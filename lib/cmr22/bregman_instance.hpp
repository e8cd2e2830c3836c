// The Bregman instances of cmr22 Lemma 2.6: A, L, a point z0 of S+ (y := A z0),
// directions and steps giving further points z = z0 + t P_ker(A) d of S+, the
// initialization x0 > 0 and the time T. One typed instance: its fields give
// the reader, validator, writer and schema; its generator draws BregmanParams.
#pragma once

#include <rapidcheck/Gen.h>

#include <string>
#include <tuple>
#include <vector>

#include "thmcheck/cmr22/data_params.hpp"
#include "thmcheck/engine/typed_instance.hpp"

namespace thmcheck::cmr22 {

/// Ranges of the Bregman generator: N uniform up to kBregmanMaxUniformN,
/// T = 10^(k/4) for k in [kBregmanTimeExpMin, kBregmanTimeExpMax] (k at most
/// kBregmanLargeTimeExpMax when N > kBregmanMaxUniformN: a flow step costs M N),
/// x~0 = x0^L scale 10^(-s/4) for s in [0, kBregmanInitScaleMax] (x0 = 10^(-s/(4L)): down to
/// x~0 = 1e-12, x0 = 1e-6 at L = 2), 1 to
/// kBregmanMaxExtraPoints points z besides z0.
constexpr int kBregmanMaxUniformN = 30;
constexpr int kBregmanTimeExpMin = -4, kBregmanTimeExpMax = 14, kBregmanLargeTimeExpMax = 6;
constexpr int kBregmanInitScaleMax = 48;
constexpr int kBregmanMaxExtraPoints = 3;

/// The drawn parameters of a Bregman instance.
struct BregmanParams {
  DataParams data;
  int time_exp;     // T = 10^(time_exp / 4), time_exp in [-4, 14] (capped at 6 for N > 30)
  int init_scale;   // x0 entries in 10^(-init_scale/(4L)) * (1 or U(0.5, 1.5)), init_scale in [0, 48]
  int extra_points; // number of z besides z0, in [1, 3]
};

/// BregmanParams: data from data_params(30), time_exp in [-4, 14],
/// init_scale in [0, 48], extra_points in [1, 3], drawn in that order.
rc::Gen<BregmanParams> bregman_params();

/// An instance of Lemma 2.6: the points z of S+ are z0 and z0 + t_k P_ker(A) d_k.
struct BregmanInstance {
  RealMatrix a;
  int depth = 0;
  RealVector z0;
  std::vector<RealVector> directions;
  RealVector steps;
  RealVector x0;
  Real time;
  static constexpr auto fields = std::make_tuple(
      field("A", &BregmanInstance::a, "M x N, the measurement matrix"),
      field("L", &BregmanInstance::depth, "depth, integer in [2, 64]"),
      field("z0", &BregmanInstance::z0, "[N] >= 0, a point of S+ (y := A z0)"),
      field("directions", &BregmanInstance::directions, "[[N], ...], directions d_k"),
      field("steps", &BregmanInstance::steps, "[t_k, ...], one step per direction: z_k = z0 + t_k P_ker(A) d_k"),
      field("x0", &BregmanInstance::x0, "[N] > 0, the initialization x~(0)"),
      field("T", &BregmanInstance::time, "> 0, the time the flow is integrated to"));
  void check() const;
};

/// Instance of Lemma 2.6 drawn from q: z0 in [0.1, 1) on its support, dense
/// with one zero entry (truth_kind 0), dense (1) or s-sparse (2, s = 1 +
/// sparsity % max(1, M/2)), extra_points directions d with steps t that keep
/// z0 + t P_ker(A) d >= 0 (sized in double), x0 constant 10^(-init_scale/(4L))
/// (init_kind 0) or times U(0.5, 1.5), T = 10^(time_exp/4) (time_exp capped at
/// kBregmanLargeTimeExpMax when N > kBregmanMaxUniformN).
BregmanInstance bregman_instance(const BregmanParams& q);

/// The generator text of cmr22.lem2.6 (`generator_info`).
std::string bregman_generator_info();

}  // namespace thmcheck::cmr22
