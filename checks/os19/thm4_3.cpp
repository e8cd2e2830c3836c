// os19 Theorem 4.3 (Section 4.3): a one-hidden-layer network x -> v^T phi(W x)
// trained over W (v fixed, ||v|| = 1, n <= d) with the printed step eta <=
// 1/(2 Gamma^2 ||X||^2) min(1, gamma^2 sigma_min(X)^2/(||X||_2,inf ||X||
// ||f(W0) - y||)) obeys the rate (4.7) and the potential bound (4.8). The
// printed step omits the curvature bound M that the proof (Theorem 2.1 with
// L = M ||X||_2,inf ||X||, Section 9.7) needs, so the claims are checked as
// printed, and with Theorem 2.1's step and rate (.as-proved; .proved-step
// separates the step from the rate). Every iterate, the worst reported.
#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <optional>
#include <utility>

#include "thmcheck/engine/registry.hpp"
#include "thmcheck/engine/typed_instance.hpp"
#include "thmcheck/os19/activation.hpp"
#include "thmcheck/os19/glm_gd_step_rules.hpp"
#include "thmcheck/os19/jacobian_bounds.hpp"
#include "thmcheck/os19/models.hpp"
#include "thmcheck/os19/network_instance.hpp"
#include "thmcheck/os19/trajectory.hpp"
#include "thmcheck/os19/worst_iterate.hpp"

namespace thmcheck::checks {
namespace {

using os19::Worst;

/// Which step limit a claim runs at.
enum class NetworkStep {
  kPrinted,    ///< Theorem 4.3 as printed (no M)
  kTheorem21,  ///< Theorem 2.1's, with L = M ||X||_2,inf ||X|| (what the proof applies)
};

/// One GD run of the network over W from W0, every iterate recorded.
template <class S>
struct NetworkRun {
  std::optional<Outcome> failure;  ///< set when there is nothing to measure
  Eigen::Index n = 0, d = 0, k = 0;
  os19::Activation<S> phi;
  S alpha = 0, beta = 0, lip = 0;  ///< certified network constants (Section 9.7, ||v||-aware)
  S g = 0, smin = 0;               ///< gamma and sigma_min(X) (lower bound)
  S r0 = 0, dr0 = 0, u = 0, eta = 0, thm21_limit = 0;
  /// Relative enclosure width of the constants (see constants_rounding_error).
  S crel = 0;
  std::vector<HypothesisCheck> hypotheses;
  os19::Trajectory<S> t;
  long T = 0;
  /// Worst<S>::extra for a claim with rate q_claim; refers to this run.
  std::function<S(long, const S&, const S&)> constants_error(const S& q_claim) const {
    return os19::constants_rounding_error(crel, alpha, beta, r0, r0, q_claim, t);
  }
};

template <class S>
NetworkRun<S> run_network(const os19::NetworkInstance& in, NetworkStep which) {
  using std::abs;
  const Matrix<S> x = as_matrix<S>(in.x);
  const Eigen::Index n = x.rows(), d = x.cols();
  const Vector<S> y = as_vector<S>(in.y);
  const Vector<S> v = as_vector<S>(in.v);
  const Eigen::Index k = v.size();
  const Matrix<S> w0 = as_matrix<S>(in.w0);
  const os19::Activation<S> phi = in.phi.at<S>();
  const long iterations = in.iterations;
  const os19::NetworkModel<S> model(x, y, v, phi);
  Vector<S> theta0(k * d);
  for (Eigen::Index l = 0; l < k; ++l) theta0.segment(l * d, d) = w0.row(l).transpose();
  const os19::MatrixBounds<S> mb = os19::matrix_bounds(x);
  const os19::JacobianBounds<S> b = os19::network_bounds(x, v, phi);
  const S r0 = model.residual(theta0).norm();
  const S u = unit_roundoff<S>();
  const S g = phi.gamma(), G = phi.big_gamma(), m = phi.curvature();
  const S smin = mb.sigma_min_lower, xn = mb.norm_upper, x2inf = mb.row_norm_upper;
  NetworkRun<S> run;
  run.n = n;
  run.d = d;
  run.k = k;
  run.phi = phi;
  run.g = g;
  run.smin = smin;
  run.r0 = r0;
  run.u = u;
  std::vector<HypothesisCheck>& hyps = run.hypotheses;
  const S vnorm = v.norm();
  const S vtol = 16 * u * S(static_cast<double>(k + 2));
  hyps.push_back({"v.unit", abs(vnorm - 1) <= vtol,
                  abs(vnorm - 1) <= vtol ? Evidence::kCertified : Evidence::kCertified,
                  "||v|| = " + to_decimal(vnorm, 20)});
  hyps.push_back({"n.le.d", n <= d, Evidence::kCertified, fmt::format("n = {}, d = {}", n, d)});
  hyps.push_back({"phi.bounds", g > 0, Evidence::kCertified,
                  phi.describe() + ": gamma = " + to_decimal(g, 6) + ", Gamma = " + to_decimal(G, 6) +
                      ", M = " + to_decimal(m, 6)});
  const bool proved = which == NetworkStep::kTheorem21;
  // alpha = gamma sigma_min(X), beta = Gamma ||X|| (Section 9.7, ||v|| = 1); we use
  // the ||v||-aware certified values, equal to these up to rounding of ||v||.
  const S alpha = b.alpha, beta = b.beta, lip = b.lipschitz;
  run.alpha = alpha;
  run.beta = beta;
  run.lip = lip;
  S limit;
  if (proved) {
    // Theorem 2.1 with L = M ||X||_2,inf ||X|| (what the proof applies).
    limit = (lip * r0 > 0 ? std::min(S(1), S(alpha * alpha / (lip * r0))) : S(1)) / (2 * beta * beta);
  } else {
    // As printed: eta <= 1/(2 Gamma^2 ||X||^2) min(1, gamma^2 sigma_min(X)^2 /
    // (||X||_2,inf ||X|| ||f(W0) - y||)) -- no M.
    limit = std::min(S(1), S(g * g * smin * smin / (x2inf * xn * r0))) / (2 * G * G * xn * xn);
  }
  if (!(alpha > 0) || !(limit > 0) || !(r0 > 0)) {
    Outcome o;
    o.ok = false;
    o.message = "sigma_min(X) = 0, zero residual or zero step limit: nothing to run";
    o.hypotheses = hyps;
    run.failure = o;
    return run;
  }
  os19::StepChoice<S> step = os19::choose_step(in.eta, in.eta_fraction, limit, mb);
  const S& eta = run.eta = step.eta;
  step.hypothesis.detail = "eta = " + to_decimal(eta, 8) + ", limit = " + to_decimal(limit, 8) +
                           (proved ? " (Theorem 2.1 with L = M ||X||_2,inf ||X||)" : " (as printed in Theorem 4.3)");
  hyps.push_back(step.hypothesis);
  run.thm21_limit = (lip * r0 > 0 ? std::min(S(1), S(alpha * alpha / (lip * r0))) : S(1)) / (2 * beta * beta);

  os19::TrajectoryOptions<S> topt;
  topt.step = eta;
  topt.iterations = iterations;
  topt.beta = beta;
  topt.jacobian_frobenius = G * mb.frobenius * vnorm;
  topt.lipschitz = lip;
  topt.flops_length = n + k * d;
  run.t = os19::record_gradient_descent<S>(model, theta0, topt);
  if (!run.t.ok()) {
    Outcome o;
    o.ok = false;
    o.message = "gradient descent: " + run.t.message;
    o.hypotheses = hyps;
    run.failure = o;
    return run;
  }
  run.dr0 = run.t.residual_error[0];
  run.T = static_cast<long>(run.t.residual.size()) - 1;
  // Rounding of the constants between precisions (see constants_rounding_error).
  run.crel = 8 * mb.shift / smin + 64 * u;
  return run;
}

/// The Outcome of a network claim from its worst iterate.
template <class S>
Outcome network_outcome(const NetworkRun<S>& run, const Worst<S>& w) {
  Outcome o;
  o.relation = Relation::kLessEqual;
  o.measured = widen(w.measured);
  o.bound = widen(w.bound);
  o.error = widen(w.error);
  o.hypotheses = run.hypotheses;
  o.details = {{"n", std::to_string(run.n)},
               {"d", std::to_string(run.d)},
               {"k", std::to_string(run.k)},
               {"phi", run.phi.describe()},
               {"alpha", to_decimal(run.alpha, 8)},
               {"beta", to_decimal(run.beta, 8)},
               {"L", to_decimal(run.lip, 8)},
               {"eta", to_decimal(run.eta, 8)},
               {"eta / Theorem 2.1 limit", to_decimal(S(run.eta / run.thm21_limit), 6)},
               {"||f(W0) - y||", to_decimal(run.r0, 8)},
               {"iterations", std::to_string(run.T)},
               {"worst iteration", std::to_string(w.iteration)},
               {"measured / bound", to_decimal(w.ratio, 10)},
               {"tightness", to_decimal(w.tightness, 6)},
               {"final residual", to_decimal(run.t.residual.back(), 6)}};
  return o;
}

/// (4.7) as printed: ||r_t|| <= (1 - eta gamma^2 sigma_min(X)^2)^t ||r_0||, at
/// the printed step or at Theorem 2.1's.
template <class S>
Outcome printed_rate(const os19::NetworkInstance& in, NetworkStep step) {
  using std::log;
  const NetworkRun<S> run = run_network<S>(in, step);
  if (run.failure) return *run.failure;
  const S &g = run.g, &smin = run.smin, &eta = run.eta, &r0 = run.r0, &dr0 = run.dr0, &u = run.u;
  const S q = 1 - eta * g * g * smin * smin;
  Worst<S> w;
  w.extra = run.constants_error(q);
  S qt = 1;
  for (long s = 1; s <= run.T; ++s) {
    const S rk = run.t.residual[s], drk = run.t.residual_error[s];
    qt *= q;
    const S bound = qt * r0;
    w.offer(s, rk, bound, drk + qt * dr0 + bound * 4 * u * S(static_cast<double>(s + 1)),
            qt > 0 && qt < 1 && rk < r0 && rk > 0 ? S(log(qt) / log(rk / r0)) : S(0));
  }
  return network_outcome(run, w);
}

/// Theorem 2.1's rate (2.3) for the network (Section 9.7): ||r_t||^2 <=
/// (1 - eta alpha^2/2)^t ||r_0||^2 at Theorem 2.1's step.
template <class S>
Outcome rate_as_proved(const os19::NetworkInstance& in) {
  const NetworkRun<S> run = run_network<S>(in, NetworkStep::kTheorem21);
  if (run.failure) return *run.failure;
  const S q = 1 - run.eta * run.alpha * run.alpha / 2;
  Worst<S> w;
  w.extra = run.constants_error(q);
  S qt = 1;
  for (long s = 1; s <= run.T; ++s) {
    qt *= q;
    os19::offer_squared_rate(w, s, qt, run.r0, run.dr0, run.t.residual[s], run.t.residual_error[s]);
  }
  return network_outcome(run, w);
}

/// (4.8): gamma sigma_min(X)/4 ||W_t - W0||_F + ||r_t|| <= ||r_0||.
template <class S>
Outcome potential(const os19::NetworkInstance& in, NetworkStep step) {
  const NetworkRun<S> run = run_network<S>(in, step);
  if (run.failure) return *run.failure;
  const S &r0 = run.r0, &dr0 = run.dr0;
  const S c = run.g * run.smin / 4;  // gamma sigma_min(X)/4 in (4.8)
  Worst<S> w;
  // The extra error term is taken with Theorem 2.1's rate q = 1 - eta alpha^2/2
  // (the potential itself has no rate).
  w.extra = run.constants_error(S(1 - run.eta * run.alpha * run.alpha / 2));
  for (long s = 1; s <= run.T; ++s) {
    const S rk = run.t.residual[s], drk = run.t.residual_error[s];
    w.offer(s, c * run.t.distance[s] + rk, r0, c * run.t.distance_error[s] + drk + dr0,
            os19::potential_slack(c, run.t.distance[s], r0, rk));
  }
  return network_outcome(run, w);
}

/// The text of a network claim; everything else is shared.
struct NetworkClaimText {
  const char* id;
  const char* source;
  const char* summary;
  const char* statement;
  const char* measurement;
  const char* notes = "";
};

template <class Measure>
Claim network_claim(const NetworkClaimText& s, NetworkStep step, Measure measure) {
  const char* printed_step =
      "eta <= 1/(2 Gamma^2 ||X||^2) min(1, gamma^2/(||X||_2,inf ||X||) sigma_min(X)^2/||f(W0) - y||)";
  Claim c;
  c.id = s.id;
  c.paper = "os19";
  c.source = s.source;
  c.summary = s.summary;
  c.statement = s.statement;
  c.kind = ClaimKind::kExplicit;
  const bool proved = step == NetworkStep::kTheorem21;
  c.hypotheses = {{"v.unit", "||v||_2 = 1"},
                  {"n.le.d", "n <= d"},
                  {"phi.bounds", "0 < gamma <= phi' <= Gamma, |phi''| <= M"},
                  {"step", proved ? "eta <= 1/(2 beta^2) min(1, alpha^2/(L ||f(W0) - y||))" : printed_step}};
  c.measurement = std::string("GD on W from W0 for T steps, every iterate checked: ") + s.measurement + ".";
  c.generator_info = os19::kNetworkGeneratorInfo;
  c.notes = s.notes;
  c.default_cases = 100;
  set_instances<os19::NetworkInstance>(c, os19::network_generator(), std::move(measure));
  return c;
}

}  // namespace

THMCHECK_REGISTER(os19_thm4_3) {
  registry.add(network_claim(
      {.id = "os19.thm4.3.rate",
       .source = "Theorem 4.3, eq. (4.7)",
       .summary = "network: ||f(W_t) - y|| <= (1 - eta gamma^2 sigma_min(X)^2)^t ||f(W0) - y|| (printed step)",
       .statement = "n <= d, 0 < gamma <= phi' <= Gamma, phi'' <= M, ||v|| = 1, eta <= 1/(2 Gamma^2 ||X||^2) min(1, "
                    "gamma^2/(||X||_2,inf ||X||) sigma_min(X)^2/||f(W0) - y||). Then all GD iterates obey "
                    "||f(W_t) - y||_2 <= (1 - eta gamma^2 sigma_min^2(X))^t ||f(W0) - y||_2.   (4.7)",
       .measurement = "max over t of ||r_t|| against (1 - eta gamma^2 sigma_min(X)^2)^t ||r_0||, step as printed",
       .notes = "The proof applies Theorem 2.1, which gives only ||r_t||^2 <= (1 - eta alpha^2/2)^t ||r_0||^2 "
                "(about half the printed exponent per step) and needs M in the step limit; see .as-proved."},
      NetworkStep::kPrinted, []<class S>(const os19::NetworkInstance& in) { return printed_rate<S>(in, NetworkStep::kPrinted); }));

  registry.add(network_claim(
      {.id = "os19.thm4.3.potential",
       .source = "Theorem 4.3, eq. (4.8)",
       .summary = "network: gamma sigma_min(X)/4 ||W_t - W0||_F + ||f(W_t) - y|| <= ||f(W0) - y|| (printed step)",
       .statement = "Under the hypotheses of Theorem 4.3: gamma sigma_min(X)/4 ||W_t - W0||_F + ||f(W_t) - y||_2 <= "
                    "||f(W0) - y||_2.   (4.8)",
       .measurement = "max over t of gamma sigma_min(X)/4 ||W_t - W0||_F + ||r_t|| against ||r_0||, step as printed",
       .notes = "The printed step omits M; the proof (Theorem 2.1 with L = M ||X||_2,inf ||X||) needs it. "
                "Sibling .as-proved uses Theorem 2.1's step."},
      NetworkStep::kPrinted, []<class S>(const os19::NetworkInstance& in) { return potential<S>(in, NetworkStep::kPrinted); }));

  registry.add(network_claim(
      {.id = "os19.thm4.3.rate.as-proved",
       .source = "Theorem 4.3 via Theorem 2.1 (Section 9.7)",
       .summary =
           "network: ||r_t||^2 <= (1 - eta alpha^2/2)^t ||r_0||^2, alpha = gamma sigma_min(X), step of Theorem 2.1",
       .statement = "Section 9.7: alpha = gamma sigma_min(X), beta = Gamma ||X||, L = M ||X||_2,inf ||X||, and "
                    "Theorem 2.1 applies: ||f(W_t) - y||^2 <= (1 - eta alpha^2/2)^t ||f(W0) - y||^2 for eta <= "
                    "1/(2 beta^2) min(1, alpha^2/(L ||f(W0) - y||)).",
       .measurement = "max over t of ||r_t||^2 against (1 - eta alpha^2/2)^t ||r_0||^2"},
      NetworkStep::kTheorem21, []<class S>(const os19::NetworkInstance& in) { return rate_as_proved<S>(in); }));

  registry.add(network_claim(
      {.id = "os19.thm4.3.rate.proved-step",
       .source = "Theorem 4.3, eq. (4.7), at Theorem 2.1's step",
       .summary = "network: the printed rate (4.7) under the smaller step Theorem 2.1 allows (separates step "
                  "from rate)",
       .statement = "(4.7) ||f(W_t) - y|| <= (1 - eta gamma^2 sigma_min^2(X))^t ||f(W0) - y|| with eta <= 1/(2 "
                    "beta^2) min(1, alpha^2/(L ||f(W0) - y||)), L = M ||X||_2,inf ||X||.",
       .measurement = "max over t of ||r_t|| against (1 - eta gamma^2 sigma_min(X)^2)^t ||r_0||, Theorem 2.1's step",
       .notes = "Diagnostic sibling: if os19.thm4.3.rate fails and this holds, the failure is due to the printed "
                "step (which omits M), not to the printed rate."},
      NetworkStep::kTheorem21, []<class S>(const os19::NetworkInstance& in) { return printed_rate<S>(in, NetworkStep::kTheorem21); }));

  registry.add(network_claim(
      {.id = "os19.thm4.3.potential.as-proved",
       .source = "Theorem 4.3 via Theorem 2.1 (Section 9.7)",
       .summary = "network: (4.8) under Theorem 2.1's step (with M)",
       .statement = "(4.8) with eta <= 1/(2 beta^2) min(1, alpha^2/(L ||f(W0) - y||)), L = M ||X||_2,inf ||X||.",
       .measurement = "max over t of gamma sigma_min(X)/4 ||W_t - W0||_F + ||r_t|| against ||r_0||"},
      NetworkStep::kTheorem21, []<class S>(const os19::NetworkInstance& in) { return potential<S>(in, NetworkStep::kTheorem21); }));
}

}  // namespace thmcheck::checks
