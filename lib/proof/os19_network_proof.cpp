// Proof method for os19 Theorem 4.3, (4.7) and (4.8), as printed: gradient
// descent on the network x -> v^T phi(W x) run in interval arithmetic.
//
// The constants of the printed step are enclosed rigorously: gamma and Gamma
// are the exact inf and sup of phi' of the activation family
// (tanh_plus: phi' = 1 + c sech^2(s z) takes the values between 1 and 1 + c;
// leaky_softplus: phi' = a + (1 - a) sigma(z) in (a, 1); identity: 1);
// sigma_min(X)^2 = lambda_min(X X^T) and ||X||^2 = lambda_max(X X^T) by
// verified LDL^T brackets (eigen_bounds.hpp); ||X||_2,inf = max_i ||x_i||.
// The step eta = eta_fraction x (printed limit) is then an interval that
// contains the exact step, and each GD iterate W_{t+1} = W_t - eta J^T r_t
// (loss 1/2 ||f(W) - y||^2) is enclosed by running the recursion itself in
// intervals: the exact iterate of the exact step lies in the interval
// iterate (inclusion monotonicity). No iterate of a floating-point run is
// used. The hypotheses are proved exactly: n <= d, ||v||^2 = 1 in rational
// arithmetic, eta_fraction <= 1 (or eta <= the printed limit in intervals).
#include <fmt/format.h>

#include "thmcheck/proof/eigen_bounds.hpp"
#include "thmcheck/proof/enclosure.hpp"
#include "thmcheck/proof/exact_rational.hpp"

namespace thmcheck::proof {

namespace {

using nlohmann::json;

/// phi, phi' and the slope bounds gamma <= phi' <= Gamma of the os19
/// activation family (lib/os19/activation.hpp defines the same functions for
/// the solvers; this is an independent implementation).
struct IntervalActivation {
  std::string name;
  Interval c = 0, s = 1, a = 1;
  Interval gamma = 1, big_gamma = 1;
  Interval value(const Interval& z) const {
    if (name == "tanh_plus") return z + c * tanh(s * z) / s;
    if (name == "leaky_softplus") return a * z + (1 - a) * log(1 + exp(z));
    return z;
  }
  Interval derivative(const Interval& z) const {
    if (name == "tanh_plus") {
      const Interval t = tanh(s * z);
      return 1 + c * (1 - t * t);
    }
    if (name == "leaky_softplus") return a + (1 - a) / (1 + exp(-z));
    return Interval(1);
  }
};

IntervalActivation read_activation(const json& j) {
  if (!j.is_object() || !j.contains("name") || !j["name"].is_string()) {
    throw ProofInputError("field 'phi': an object with a 'name' expected");
  }
  IntervalActivation phi;
  phi.name = j["name"].get<std::string>();
  if (phi.name == "identity") return phi;
  if (phi.name == "tanh_plus") {
    if (!j.contains("c")) throw ProofInputError("field 'phi.c': missing");
    const Rational c = exact_rational(j["c"], "phi.c");
    if (!(c > -1)) throw ProofInputError("field 'phi.c': must be > -1");
    phi.c = exact_decimal(j["c"], "phi.c");
    if (j.contains("s")) {
      if (!(exact_rational(j["s"], "phi.s") > 0)) throw ProofInputError("field 'phi.s': must be > 0");
      phi.s = exact_decimal(j["s"], "phi.s");
    }
    // phi' = 1 + c sech^2(s z), sech^2 in (0, 1]: inf and sup are 1 and 1 + c.
    phi.gamma = c < 0 ? Interval(1 + phi.c) : Interval(1);
    phi.big_gamma = c > 0 ? Interval(1 + phi.c) : Interval(1);
    return phi;
  }
  if (phi.name == "leaky_softplus") {
    if (!j.contains("a")) throw ProofInputError("field 'phi.a': missing");
    const Rational a = exact_rational(j["a"], "phi.a");
    if (!(a > 0 && a <= 1)) throw ProofInputError("field 'phi.a': must be in (0, 1]");
    phi.a = exact_decimal(j["a"], "phi.a");
    phi.gamma = phi.a;  // phi' = a + (1 - a) sigma(z), sigma in (0, 1)
    phi.big_gamma = 1;
    return phi;
  }
  throw ProofInputError("field 'phi.name': unknown activation '" + phi.name + "'");
}

const json& field(const json& j, const char* name) {
  if (!j.contains(name)) throw ProofInputError(std::string("field '") + name + "': missing");
  return j[name];
}

/// The network instance of os19 Theorem 4.3 (lib/os19/network_instance.hpp).
struct NetworkData {
  IntervalMatrix x, w0;
  IntervalVector y, v;
  IntervalActivation phi;
  long iterations = 0;
};

Enclosure enclose_network(const std::string& claim, const json& in, const json* witnesses) {
  Enclosure e;
  if (!in.is_object()) throw ProofInputError("the instance is not a JSON object");
  NetworkData d;
  d.x = decimal_matrix(field(in, "X"), "X");
  d.y = decimal_vector(field(in, "y"), "y");
  d.v = decimal_vector(field(in, "v"), "v");
  d.w0 = decimal_matrix(field(in, "W0"), "W0");
  d.phi = read_activation(field(in, "phi"));
  const json& iterations = field(in, "iterations");
  if (!iterations.is_number_integer() || iterations.get<long>() < 1 || iterations.get<long>() > 100000) {
    throw ProofInputError("field 'iterations': an integer in [1, 100000] expected");
  }
  d.iterations = iterations.get<long>();
  const size_t n = d.x.size(), dim = d.x[0].size(), k = d.v.size();
  if (d.y.size() != n) throw ProofInputError(fmt::format("field 'y': {} entries for {} rows of X", d.y.size(), n));
  if (k == 0 || d.w0.size() != k || d.w0[0].size() != dim) {
    throw ProofInputError(fmt::format("field 'W0': must be {} x {} (k = |v|, d = columns of X)", k, dim));
  }
  const bool has_eta = in.contains("eta"), has_fraction = in.contains("eta_fraction");
  if (has_eta == has_fraction) throw ProofInputError("give exactly one of 'eta' and 'eta_fraction'");

  // Hypotheses, proved exactly.
  if (n > dim) {
    e.message = fmt::format("hypothesis n <= d fails (n = {}, d = {}): outside the theorem", n, dim);
    return e;
  }
  e.hypotheses.push_back(fmt::format("n <= d: n = {}, d = {}", n, dim));
  Rational v2 = 0;
  for (size_t l = 0; l < k; ++l) {
    const Rational vl = exact_rational(in["v"][l], "v");
    v2 += vl * vl;
  }
  if (v2 != 1) {
    e.message = "hypothesis ||v|| = 1 does not hold exactly for the decimal v";
    return e;
  }
  e.hypotheses.push_back("||v||_2 = 1: sum of v_l^2 = 1 in exact rational arithmetic");
  e.hypotheses.push_back(fmt::format("0 < gamma <= phi' <= Gamma, |phi''| <= M: {} with gamma = {}, Gamma = {} (exact inf and sup of "
                                     "phi'; phi'' is bounded)",
                                     d.phi.name, lower_text(d.phi.gamma, 8), upper_text(d.phi.big_gamma, 8)));

  // sigma_min(X)^2 and ||X||^2 from verified brackets.
  const IntervalMatrix g = gram_rows(d.x);
  EigenBracket smin2, norm2;
  if (witnesses) {
    const json& s = field(*witnesses, "sigma_min_squared");
    const json& t = field(*witnesses, "norm_squared");
    smin2 = check_eigen_bracket(g, Spectrum::kSmallest, s.at(0).get<std::string>(), s.at(1).get<std::string>());
    norm2 = check_eigen_bracket(g, Spectrum::kLargest, t.at(0).get<std::string>(), t.at(1).get<std::string>());
  } else {
    smin2 = eigen_bracket(g, Spectrum::kSmallest);
    norm2 = eigen_bracket(g, Spectrum::kLargest);
  }
  if (!smin2.ok || !norm2.ok) {
    e.message = "sigma_min(X)^2 / ||X||^2: " + (smin2.ok ? norm2.message : smin2.message);
    return e;
  }
  if (!certainly_positive(smin2.value)) {
    e.message = "sigma_min(X) is not proved positive";
    return e;
  }
  e.witnesses["sigma_min_squared"] = {smin2.lower, smin2.upper};
  e.witnesses["norm_squared"] = {norm2.lower, norm2.upper};
  const Interval smin = sqrt(smin2.value), xnorm = sqrt(norm2.value);
  Interval x2inf = 0;
  for (const IntervalVector& row : d.x) x2inf = interval_max(x2inf, norm(row));

  // The GD recursion in intervals.
  const IntervalActivation& phi = d.phi;
  auto residual = [&](const IntervalMatrix& w) {
    IntervalVector r(n);
    for (size_t i = 0; i < n; ++i) {
      Interval f = 0;
      for (size_t l = 0; l < k; ++l) {
        Interval z = 0;
        for (size_t c = 0; c < dim; ++c) z += w[l][c] * d.x[i][c];
        f += d.v[l] * phi.value(z);
      }
      r[i] = f - d.y[i];
    }
    return r;
  };
  const Interval r0 = norm(residual(d.w0));
  if (!certainly_positive(r0)) {
    e.message = "||f(W0) - y|| is not proved positive";
    return e;
  }
  const Interval gm = phi.gamma, gM = phi.big_gamma;
  // As printed: eta <= 1/(2 Gamma^2 ||X||^2) min(1, gamma^2 sigma_min(X)^2 / (||X||_2,inf ||X|| ||f(W0) - y||)).
  const Interval limit = interval_min(Interval(1), gm * gm * smin2.value / (x2inf * xnorm * r0)) / (2 * gM * gM * norm2.value);
  Interval eta;
  if (has_fraction) {
    const Rational fraction = exact_rational(in["eta_fraction"], "eta_fraction");
    if (!(fraction > 0 && fraction <= 1)) {
      e.message = "hypothesis on the step fails: eta_fraction is not in (0, 1]";
      return e;
    }
    eta = exact_decimal(in["eta_fraction"], "eta_fraction") * limit;
    e.hypotheses.push_back("eta <= printed limit: eta = eta_fraction x limit with eta_fraction = " +
                           (in["eta_fraction"].is_string() ? in["eta_fraction"].get<std::string>()
                                                           : in["eta_fraction"].dump()) +
                           " <= 1 (exact)");
  } else {
    eta = exact_decimal(in["eta"], "eta");
    if (!certainly_positive(eta) || !certainly_negative(eta - limit) ) {
      e.message = "hypothesis on the step not proved: eta <= printed limit does not hold certainly";
      return e;
    }
    e.hypotheses.push_back("eta <= printed limit, in intervals: limit in [" + lower_text(limit) + ", " + upper_text(limit) + "]");
  }

  const bool rate = claim == "os19.thm4.3.rate";
  const Interval q = 1 - eta * gm * gm * smin2.value;  // (4.7)'s rate
  const Interval c4 = gm * smin / 4;                    // (4.8)'s gamma sigma_min(X)/4
  const long wanted = witnesses ? field(*witnesses, "iteration").get<long>() : -1;
  if (witnesses && (wanted < 1 || wanted > d.iterations)) throw ProofInputError("witness 'iteration' out of range");
  IntervalMatrix w = d.w0;
  Interval qt = 1;
  bool have = false, best_violated = false;
  Interval best_ratio = 0;
  for (long t = 1; t <= d.iterations; ++t) {
    const IntervalVector r = residual(w);
    // W_l <- W_l - eta sum_i r_i v_l phi'(<w_l, x_i>) x_i.
    IntervalMatrix next = w;
    for (size_t l = 0; l < k; ++l) {
      for (size_t i = 0; i < n; ++i) {
        Interval z = 0;
        for (size_t c = 0; c < dim; ++c) z += w[l][c] * d.x[i][c];
        const Interval coefficient = eta * r[i] * d.v[l] * phi.derivative(z);
        for (size_t c = 0; c < dim; ++c) next[l][c] -= coefficient * d.x[i][c];
      }
    }
    w = std::move(next);
    qt *= q;
    const Interval rt = norm(residual(w));
    Interval measured, bound;
    if (rate) {
      measured = rt;
      bound = qt * r0;
    } else {
      Interval dist2 = 0;
      for (size_t l = 0; l < k; ++l) {
        for (size_t c = 0; c < dim; ++c) dist2 += (w[l][c] - d.w0[l][c]) * (w[l][c] - d.w0[l][c]);
      }
      measured = c4 * sqrt(dist2) + rt;
      bound = r0;
    }
    const Interval margin = bound - measured;
    // The prover keeps the iterate the engine reports (os19/worst_iterate.hpp):
    // a violated one before any other, then the largest measured / bound.
    const bool violated = certainly_negative(margin);
    const Interval ratio = measured / bound;
    const bool take = witnesses ? t == wanted
                                : (!have || (violated && !best_violated) ||
                                   (violated == best_violated && lower(ratio) > lower(best_ratio)));
    if (take) {
      best_violated = violated;
      best_ratio = ratio;
      e.measured = measured;
      e.bound = bound;
      e.margin = margin;
      e.where = fmt::format("iterate t = {}", t);
      e.witnesses["iteration"] = t;
      have = true;
    }
    if (witnesses && t == wanted) break;
  }
  e.ok = true;
  e.message = rate ? "(4.7): ||f(W_t) - y|| against (1 - eta gamma^2 sigma_min(X)^2)^t ||f(W0) - y||"
                   : "(4.8): gamma sigma_min(X)/4 ||W_t - W0||_F + ||f(W_t) - y|| against ||f(W0) - y||";
  return e;
}

}  // namespace

ProofMethod os19_network_method() {
  return {"os19.network-gd-intervals",
          {"os19.thm4.3.rate", "os19.thm4.3.potential"},
          "Gradient descent on W run in MPFI interval arithmetic from the exact decimal inputs, at the printed step "
          "eta = eta_fraction x 1/(2 Gamma^2 ||X||^2) min(1, gamma^2 sigma_min(X)^2/(||X||_2,inf ||X|| ||f(W0) - y||)) "
          "with sigma_min(X)^2 and ||X||^2 enclosed by verified interval LDL^T brackets; the margin of the printed "
          "bound at one iterate is enclosed.",
          enclose_network};
}

}  // namespace thmcheck::proof
