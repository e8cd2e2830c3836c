// The one-hidden-layer network instance family of os19 Theorem 4.3:
// x -> v^T phi(W x), trained over W from W0 with v fixed (||v|| = 1), n <= d,
// and a step given directly ("eta") or as a fraction of the claim's step
// limit ("eta_fraction"). One typed instance: its fields give the reader,
// validator, writer and schema.
#pragma once

#include <rapidcheck.h>

#include <optional>
#include <tuple>

#include "thmcheck/engine/typed_instance.hpp"
#include "thmcheck/generators/random_data.hpp"
#include "thmcheck/os19/activation.hpp"

namespace thmcheck::os19 {

/// An instance of Theorem 4.3: data X (n x d) and y [n], the output weights v
/// [k], phi, the start W0 (k x d), the step and T.
struct NetworkInstance {
  RealMatrix x;
  RealVector y, v;
  ActivationSpec phi;
  RealMatrix w0;
  std::optional<Real> eta, eta_fraction;
  long iterations = 0;
  static constexpr auto fields = std::make_tuple(
      field("X", &NetworkInstance::x, "n x d, the inputs as rows (n <= d)"),
      field("y", &NetworkInstance::y, "[n], the labels"),
      field("v", &NetworkInstance::v, "[k], the fixed output weights (unit norm)"),
      field("phi", &NetworkInstance::phi, "the activation"),
      field("W0", &NetworkInstance::w0, "k x d, the start"),
      field("eta", &NetworkInstance::eta, "the step size > 0 (give eta or eta_fraction)"),
      field("eta_fraction", &NetworkInstance::eta_fraction,
            "the step as a fraction > 0 of the claim's limit (printed (4.x) limit, or Theorem 2.1's for "
            ".as-proved)"),
      field("iterations", &NetworkInstance::iterations, "T in [1, 100000]"));
  /// n <= d, the shapes of y and W0, phi, the step fields and T.
  void check() const;
};

/// Generator ranges of network_generator, for the report (held to the draws
/// by network_instance_test.cpp).
extern const char* const kNetworkGeneratorInfo;

/// Adversarial family for (4.7)/(4.8): n = d = 2, k = 1, v = (1), unit rows
/// x1 = (1, 0), x2 = (rho, sqrt(1 - rho^2)), phi = z + 30 tanh(s z)/s with
/// sharpness s in [1e3, 1e5] (gamma = 1, Gamma = 31 whatever s is; only M
/// grows with s), both pre-activations within 1/s of the sharp transition and
/// ||r0|| in [0.01, 0.03]. Among 200 seeded candidates it keeps the one whose
/// first five GD steps (simulated in double with the printed step) come
/// closest to, or most exceed, the printed rate (4.7). eta_fraction is
/// `fraction` (1: at the limit).
NetworkInstance adversarial_network(RandomSource& rng, double fraction);

/// Network instances: 75% random (n in [1, 10], d = n + [0, 20], k in [1, 6],
/// cond(X) in [1, 1e3], phi from the family with sharpness, W0 near a
/// labelling network, large, or 0; T in [1, 200]), 25% adversarial_network.
rc::Gen<NetworkInstance> network_generator();

}  // namespace thmcheck::os19
