// Cost of the gradient-flow limit against the paper's fixed-step gradient
// descent on the cmr22 Figure 4a setting (N = 20, M = 14, s = 3, x* >= 0,
// signed loss (7), u~(0) = v~(0) = alpha^L 1; the first instance of
// cmr22.fig4a for the same seed): gradient evaluations and wall time until
//   * the dual-coordinate flow (lib/cmr22/mirror_flow.hpp) reaches its
//     certificate (residual and l1 change <= u^{3/4}(1 + ||y||_1));
//   * the primal Odeint flow (lib/cmr22/gradient_flow.hpp) reaches its
//     certificate (residual and change <= 1e-8, local tolerance 1e-10);
//   * GD with step 1e-2 reaches the same residual as the dual flow, and the
//     first iteration at which it is within d (l1) of the flow limit.
// Then one dual flow solve at 50 and 100 digits against double.
// A timed driver (not Google Benchmark's loop: one solve of the slow cases
// takes seconds), printing the ratios. Usage: cmr22_flow_vs_gd [seed] [sizes [full_limit]];
// `sizes` measures one certified solve against N = 20 ... 1000 instead: in
// double, warm-started at 50 and 100 digits (lib/cmr22/flow_limit.hpp, what
// the claims use), and cold at 50 digits (whole up to N = full_limit).
#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <string>

#include "thmcheck/cmr22/fixed_step_gd.hpp"
#include "thmcheck/cmr22/gradient_flow.hpp"
#include "thmcheck/cmr22/flow_limit.hpp"
#include "thmcheck/cmr22/mirror_flow.hpp"

namespace {

using namespace thmcheck;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

/// Best of `repeats` wall times of one dual flow solve at precision S
/// (max_steps > 0: stop after that many steps).
template <class S>
double time_mirror(const cmr22::CsInstance& inst, int depth, int exponent, int repeats,
                   cmr22::MirrorFlowResult<S>& out, long max_steps = 0, bool warm = false) {
  using std::pow;
  const Matrix<S> a = inst.a.cast<S>();
  const Vector<S> y = inst.y.cast<S>();
  cmr22::MirrorMap<S> map;
  map.depth = depth;
  map.u0_power = Vector<S>::Constant(a.cols(), S(pow(S(10), S(-exponent))));
  map.v0_power = map.u0_power;
  cmr22::MirrorFlowOptions<S> options = cmr22::limit_flow_options<S>(y);
  if (max_steps > 0) options.max_steps = max_steps;
  double best = 1e300;
  for (int r = 0; r < repeats; ++r) {
    const auto start = Clock::now();
    out = warm ? cmr22::certified_flow_limit<S>(a, y, map) : cmr22::mirror_flow<S>(a, y, map, options);
    best = std::min(best, seconds_since(start));
  }
  return best;
}

void run(std::uint64_t seed, int depth, int exponent) {
  const cmr22::CsInstance inst = cmr22::draw_cs_instance(20, 14, 3, true, seed * 1000003ULL, 0.0);
  fmt::print("\n=== L = {}, alpha^L = 1e-{}, instance seed {} (N = 20, M = 14, s = 3) ===\n", depth, exponent, seed);
  cmr22::MirrorFlowResult<double> mirror;
  const double t_mirror = time_mirror<double>(inst, depth, exponent, 5, mirror);
  const Vector<double> limit = mirror.product;
  fmt::print("dual flow (double): {}  rhs evals {}  Jacobian evals {}  steps {}  residual {:.2e}  time {:.3f} ms\n",
             cmr22::to_string(mirror.status), mirror.function_evaluations, mirror.jacobian_evaluations, mirror.steps,
             mirror.residual_norm, 1e3 * t_mirror);
  // One Jacobian A diag(phi') A^T (M^2 N flops) costs about M/2 gradient evaluations (2 M N flops each);
  // the M x M LU per step (M^3/3) is of the same order and not counted.
  const double jac_cost = 14.0 / 2;
  const double mirror_equiv = mirror.function_evaluations + jac_cost * mirror.jacobian_evaluations;

  const double alpha = std::pow(10.0, -double(exponent) / depth);
  const Vector<double> x0 = Vector<double>::Constant(20, alpha);
  cmr22::GradientFlowOptions<double> go;
  auto start = Clock::now();
  Vector<double> theta0(40);
  theta0 << x0, x0;
  const auto primal = cmr22::gradient_flow<double>(cmr22::ReducedLossPm<double>{inst.a, inst.y, depth}, theta0, go);
  const double t_primal = seconds_since(start);
  fmt::print("primal Odeint flow: {}  gradient evals {}  steps {}  residual {:.2e}  ||x - dual limit||_1 {:.2e}  "
             "time {:.3f} ms\n",
             cmr22::to_string(primal.status), primal.gradient_evaluations, primal.steps, primal.residual_norm,
             (primal.product - limit).lpNorm<1>(), 1e3 * t_primal);

  // GD in chunks of 100 iterations, tracking the l1 distance to the flow limit.
  const std::vector<double> targets{1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-8};
  std::vector<long> first_within(targets.size(), -1);
  cmr22::FixedStepGdOptions<double> gdo;
  gdo.step = 1e-2;
  gdo.residual_tolerance = mirror.residual_norm;  // the same residual as the flow's certificate
  gdo.max_iterations = 100;
  const long cap = 20000000;
  Vector<double> u = x0, v = x0;
  long iterations = 0;
  double min_distance = 1e300;
  cmr22::FixedStepGdResult<double> gd;
  start = Clock::now();
  while (iterations < cap) {
    gd = cmr22::fixed_step_gd<double>(inst.a, inst.y, depth, u, v, gdo);
    iterations += gd.iterations;
    u = gd.u;
    v = gd.v;
    const double d = (gd.product - limit).lpNorm<1>();
    min_distance = std::min(min_distance, d);
    for (size_t k = 0; k < targets.size(); ++k) {
      if (first_within[k] < 0 && d <= targets[k]) first_within[k] = iterations;
    }
    if (gd.converged() || gd.status == cmr22::FixedStepGdStatus::kDiverged) break;
  }
  const double t_gd = seconds_since(start);
  const double gd_distance = (gd.product - limit).lpNorm<1>();
  fmt::print("GD step 1e-2: {}  iterations (= gradient evals) {}  residual {:.2e}  ||x_GD - flow limit||_1 {:.2e}  "
             "(min along the run {:.2e})  time {:.3f} ms\n",
             gd.converged() ? "reached the flow's residual" : "did not reach the flow's residual", iterations,
             gd.residual_norm, gd_distance, min_distance, 1e3 * t_gd);
  fmt::print("  GD iterations until within d (l1) of the flow limit:");
  for (size_t k = 0; k < targets.size(); ++k) {
    fmt::print("  d={:g}: {}", targets[k], first_within[k] < 0 ? std::string("never") : std::to_string(first_within[k]));
  }
  fmt::print("\n");
  for (size_t k = 0; k < targets.size(); ++k) {
    fmt::print("RATIO GD gradient evals to be within {:g} of the flow limit / dual flow rhs evals to its certificate: "
               "{}\n", targets[k], first_within[k] < 0 ? fmt::format("> {:.1f}x (GD never got there in {} iterations)",
                                                            double(iterations) / mirror.function_evaluations, iterations)
                                                      : fmt::format("{:.1f}x", double(first_within[k]) / mirror.function_evaluations));
  }
  fmt::print("RATIO whole GD run (gradient evals) / dual flow rhs evals: {:.1f}x ; GD / (rhs + {:.0f} x Jacobian evals): {:.1f}x ; "
             "GD / primal Odeint flow: {:.1f}x\n",
             double(iterations) / mirror.function_evaluations, jac_cost, double(iterations) / mirror_equiv,
             double(iterations) / primal.gradient_evaluations);
  fmt::print("RATIO wall time GD / dual flow: {:.1f}x ; GD / primal Odeint flow: {:.1f}x\n", t_gd / t_mirror,
             t_gd / t_primal);
  if (depth == 3) {
    cmr22::MirrorFlowResult<Mp50> m50;
    cmr22::MirrorFlowResult<Mp100> m100;
    const double t50 = time_mirror<Mp50>(inst, depth, exponent, 1, m50);
    const double t100 = time_mirror<Mp100>(inst, depth, exponent, 1, m100);
    fmt::print("dual flow at 50 digits: {}  steps {}  time {:.1f} ms ; at 100 digits: {}  steps {}  time {:.1f} ms\n",
               cmr22::to_string(m50.status), m50.steps, 1e3 * t50, cmr22::to_string(m100.status), m100.steps,
               1e3 * t100);
    fmt::print("RATIO flow solve time 50 digits / double: {:.0f}x ; 100 digits / double: {:.0f}x\n", t50 / t_mirror,
               t100 / t_mirror);
    // The same limits with the warm start the claims use (lib/cmr22/flow_limit.hpp):
    // double to its certificate, then continued at 50 / 100 digits.
    const double w50 = time_mirror<Mp50>(inst, depth, exponent, 3, m50, 0, true);
    const double w100 = time_mirror<Mp100>(inst, depth, exponent, 3, m100, 0, true);
    fmt::print("warm-started at 50 digits: {}  steps {} (+ {} in double)  time {:.1f} ms ; at 100 digits: {}  steps {}  "
               "time {:.1f} ms\n",
               cmr22::to_string(m50.status), m50.steps, m50.warm_start_steps, 1e3 * w50, cmr22::to_string(m100.status),
               m100.steps, 1e3 * w100);
    fmt::print("RATIO warm-started flow solve time 50 digits / double: {:.1f}x ; 100 digits / double: {:.1f}x\n",
               w50 / t_mirror, w100 / t_mirror);
  }
}

/// Cost of one certified flow solve against N (M = 0.15 N, s = max(1, M/10),
/// x* >= 0, L = 3, alpha^L = 1e-6): the whole solve in double; at 50 digits
/// the whole solve up to N = full_limit, above it `probe_steps` steps, whose
/// mean cost times the double solve's step count estimates a solve (an
/// estimate, marked as one: where both ran, the 50-digit step count was
/// within 0.1% of the double one).
void run_sizes(std::uint64_t seed, Eigen::Index full_limit) {
  fmt::print("\n=== one certified dual flow solve against N (M = 0.15 N, L = 3, alpha^L = 1e-6) ===\n");
  const int depth = 3, exponent = 6;
  const long probe_steps = 10;
  for (Eigen::Index n : {20, 50, 100, 200, 500, 1000}) {
    const Eigen::Index m = std::max<Eigen::Index>(1, (15 * n + 50) / 100);
    const cmr22::CsInstance inst =
        cmr22::draw_cs_instance(n, m, std::max<Eigen::Index>(1, m / 10), true, seed * 1000003ULL + n, 0.0);
    cmr22::MirrorFlowResult<double> d;
    const double t_double = time_mirror<double>(inst, depth, exponent, 1, d);
    fmt::print("N = {:4}, M = {:3}: double {} in {} steps, {:.3f} s", n, m, cmr22::to_string(d.status), d.steps,
               t_double);
    cmr22::MirrorFlowResult<Mp50> w;
    const double tw = time_mirror<Mp50>(inst, depth, exponent, 1, w, 0, true);
    cmr22::MirrorFlowResult<Mp100> w100;
    const double tw100 = time_mirror<Mp100>(inst, depth, exponent, 1, w100, 0, true);
    fmt::print("; warm-started 50 digits {} in {} steps, {:.2f} s ({:.1f}x double); 100 digits {} in {} steps, "
               "{:.2f} s ({:.1f}x double)",
               cmr22::to_string(w.status), w.steps, tw, tw / t_double, cmr22::to_string(w100.status), w100.steps,
               tw100, tw100 / t_double);
    cmr22::MirrorFlowResult<Mp50> r;
    if (n <= full_limit) {
      const double t50 = time_mirror<Mp50>(inst, depth, exponent, 1, r);
      fmt::print("; 50 digits {} in {} steps, {:.1f} s ({:.0f}x double)\n", cmr22::to_string(r.status), r.steps,
                 t50, t50 / t_double);
    } else {
      const double probe = time_mirror<Mp50>(inst, depth, exponent, 1, r, probe_steps);
      const double per_step = probe / std::max<long>(1, r.steps + r.rejected_steps);
      fmt::print("; 50 digits {:.2f} s per step (probe of {} steps), estimated {:.0f} s for the double solve's {} "
                 "steps\n",
                 per_step, probe_steps, per_step * static_cast<double>(d.steps), d.steps);
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  // Usage: cmr22_flow_vs_gd [seed] [sizes [full_limit]]
  const std::uint64_t seed = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1;
  if (argc > 2 && std::string(argv[2]) == "sizes") {
    run_sizes(seed, argc > 3 ? std::strtol(argv[3], nullptr, 10) : 100);
    return 0;
  }
  run(seed, 3, 6);
  run(seed, 2, 6);
  return 0;
}
