// cmr22 Lemma 2.4 (Chou, Maly & Rauhut 2022, "More is less", citing [4]) for
// the F of eq. (21) the paper uses it with: the Bregman divergence D_F of (20)
//   cmr22.lem2.4         is non-negative: D_F(p, q) >= 0;
//   cmr22.lem2.4.convex  is strictly convex in p: for p1 != p2, lambda in (0, 1),
//                        D_F(lambda p1 + (1 - lambda) p2, q) < lambda D_F(p1, q) + (1 - lambda) D_F(p2, q).
// Closed-form evaluations (lib/cmr22/bregman_divergence.hpp) with the rounding
// bound of lib/cmr22/bregman_rounding.hpp. Omega = R+^N; D_F(., q) needs
// grad F(q), finite only for q > 0 (F of (21) is not differentiable where a
// coordinate is 0), so q > 0 is a hypothesis and p >= 0 is free.
#include <fmt/format.h>
#include <rapidcheck.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <tuple>
#include <vector>

#include "thmcheck/cmr22/bregman_divergence.hpp"
#include "thmcheck/cmr22/bregman_rounding.hpp"
#include "thmcheck/engine/registry.hpp"
#include "thmcheck/engine/typed_instance.hpp"

namespace thmcheck::checks {

namespace {

/// Two points p1, p2 of R+^N, the reference point q and the weight lambda.
struct DivergenceInstance {
  int depth = 2;
  RealVector q, p1, p2;
  Real lambda;
  static constexpr auto fields = std::make_tuple(
      field("L", &DivergenceInstance::depth, "depth, integer in [2, 64]; fixes F of (21)"),
      field("q", &DivergenceInstance::q, "[N] >= 0, the second argument of D_F (q > 0: hypothesis)"),
      field("p1", &DivergenceInstance::p1, "[N] >= 0, a first argument"),
      field("p2", &DivergenceInstance::p2, "[N] >= 0, a second first argument"),
      field("lambda", &DivergenceInstance::lambda, "in [0, 1], the convex weight of p1 (convexity)"));
  void check() const {
    if (depth < 2 || depth > 64) throw InputError(fmt::format("field 'L': {} is outside [2, 64]", depth));
    if (q.empty()) throw InputError("field 'q': empty");
    for (const auto& [name, v] : {std::pair<const char*, const RealVector*>{"q", &q}, {"p1", &p1}, {"p2", &p2}}) {
      if (v->size() != q.size()) throw InputError(fmt::format("field '{}': length {} differs from the {} of 'q'", name, v->size(), q.size()));
      for (size_t i = 0; i < v->size(); ++i) {
        if ((*v)[i].as<Mp100>() < 0) throw InputError(fmt::format("field '{}'[{}]: must be >= 0", name, i));
      }
    }
    const Mp100 l = lambda.as<Mp100>();
    if (l < 0 || l > 1) throw InputError("field 'lambda': must be in [0, 1]");
  }
};

// ---- Generator: N in [1, kMaxN], L in [2, kMaxDepth]; q_n = (1 + m/8) 10^(-k/2),
// k in [0, 12]; p1_n = q_n (D_F = 0), q_n (1 + 10^-j) (near equality), 0
// (boundary of Omega) or 10^((j - 8)/2); p2 = p1 (1 + 10^-j) (near p1: the
// convexity gap is second order), 0, or drawn as p1; lambda = i/16, i in [1, 15].
constexpr int kMaxN = 8, kMaxDepth = 5;

struct DivergenceParams {
  int n = 1, depth = 2, lambda = 8;
  std::vector<int> q_exp, q_mant, p1_kind, p1_exp, p2_kind, p2_exp;
};

rc::Gen<DivergenceParams> divergence_params() {
  const auto ints = [](int lo, int hi) { return rc::gen::container<std::vector<int>>(kMaxN, rc::gen::inRange(lo, hi + 1)); };
  return rc::gen::build<DivergenceParams>(
      rc::gen::set(&DivergenceParams::n, rc::gen::inRange(1, kMaxN + 1)),
      rc::gen::set(&DivergenceParams::depth, rc::gen::inRange(2, kMaxDepth + 1)),
      rc::gen::set(&DivergenceParams::lambda, rc::gen::inRange(1, 16)),
      rc::gen::set(&DivergenceParams::q_exp, ints(0, 12)), rc::gen::set(&DivergenceParams::q_mant, ints(0, 8)),
      rc::gen::set(&DivergenceParams::p1_kind, ints(0, 3)), rc::gen::set(&DivergenceParams::p1_exp, ints(0, 16)),
      rc::gen::set(&DivergenceParams::p2_kind, ints(0, 2)), rc::gen::set(&DivergenceParams::p2_exp, ints(0, 16)));
}

double point(int kind, int exponent, double reference) {
  switch (kind) {
    case 0: return reference;
    case 1: return reference * (1 + std::pow(10.0, -exponent));
    case 2: return 0;
    default: return std::pow(10.0, (exponent - 8) / 2.0);
  }
}

DivergenceInstance divergence_instance(const DivergenceParams& q) {
  DivergenceInstance in;
  in.depth = q.depth;
  in.lambda = Real::parse(fmt::format("{}", q.lambda / 16.0));
  for (int i = 0; i < q.n; ++i) {
    const double qi = (1 + q.q_mant[i] / 8.0) * std::pow(10.0, -q.q_exp[i] / 2.0);
    const double p1 = point(q.p1_kind[i], q.p1_exp[i], qi);
    // p2: near p1 (kind 0), on the boundary (1) or drawn independently like p1 (2).
    const double p2 = q.p2_kind[i] == 0 ? p1 * (1 + std::pow(10.0, -q.p2_exp[i])) + (p1 == 0 ? std::pow(10.0, -q.p2_exp[i]) : 0)
                      : q.p2_kind[i] == 1 ? 0.0
                                          : point(q.p1_kind[(i + 1) % q.n], q.p2_exp[i], qi);
    in.q.push_back(Real::of(qi));
    in.p1.push_back(Real::of(p1));
    in.p2.push_back(Real::of(p2));
  }
  return in;
}

std::string divergence_generator_info() {
  return fmt::format(
      "N in [1, {}], L in [2, {}]; q_n = (1 + m/8) 10^(-k/2), k in [0, 12]; p1_n = q_n, q_n (1 + 10^-j), 0 or "
      "10^((j-8)/2), j in [0, 16]; p2_n = p1_n (1 + 10^-j) (+10^-j if p1_n = 0), 0, or drawn as p1; lambda = i/16, "
      "i in [1, 15].",
      kMaxN, kMaxDepth);
}

template <class S>
HypothesisCheck q_positive(const Vector<S>& q) {
  for (Eigen::Index i = 0; i < q.size(); ++i) {
    if (!(q(i) > 0)) {
      return {"q.interior", false, Evidence::kCertified, fmt::format("q[{}] = 0: grad F(q) is not finite", i)};
    }
  }
  return {"q.interior", true, Evidence::kCertified, "q > 0"};
}

template <class S>
Outcome evaluate_nonnegative(const DivergenceInstance& in) {
  const Vector<S> q = as_vector<S>(in.q), p1 = as_vector<S>(in.p1), p2 = as_vector<S>(in.p2);
  Outcome o;
  o.hypotheses = {q_positive(q)};
  if (!o.hypotheses[0].holds) return o;  // outside; D_F is not defined
  const S d1 = cmr22::bregman_divergence<S>(p1, q, in.depth), d2 = cmr22::bregman_divergence<S>(p2, q, in.depth);
  const bool first = d1 - cmr22::bregman_rounding<S>(p1, q, in.depth) <= d2 - cmr22::bregman_rounding<S>(p2, q, in.depth);
  o.measured = widen(S(0));
  o.bound = widen(first ? d1 : d2);
  o.error = widen(first ? cmr22::bregman_rounding<S>(p1, q, in.depth) : cmr22::bregman_rounding<S>(p2, q, in.depth));
  o.details = {{"N", std::to_string(q.size())}, {"L", std::to_string(in.depth)}, {"point", first ? "p1" : "p2"}};
  return o;
}

template <class S>
Outcome evaluate_convex(const DivergenceInstance& in) {
  using std::abs;
  const int depth = in.depth;
  const Vector<S> q = as_vector<S>(in.q), p1 = as_vector<S>(in.p1), p2 = as_vector<S>(in.p2);
  const S lambda = in.lambda.as<S>();
  Outcome o;
  const bool distinct = in.p1 != in.p2;
  const bool interior = in.lambda.as<Mp100>() > 0 && in.lambda.as<Mp100>() < 1;
  o.hypotheses = {q_positive(q),
                  {"p1!=p2", distinct, Evidence::kCertified, distinct ? "p1 != p2" : "p1 = p2"},
                  {"lambda.open", interior, Evidence::kCertified, "lambda in (0, 1)"}};
  if (!o.hypotheses[0].holds) return o;
  const Vector<S> mid = lambda * p1 + (1 - lambda) * p2;
  const S d1 = cmr22::bregman_divergence<S>(p1, q, depth), d2 = cmr22::bregman_divergence<S>(p2, q, depth);
  const S dm = cmr22::bregman_divergence<S>(mid, q, depth);
  o.measured = widen(dm);
  o.bound = widen(S(lambda * d1 + (1 - lambda) * d2));
  // Rounding of the three divergences, of the weighted sum (3 u |.|), and of
  // mid itself (3 u mid_n per entry, moving D_F by |grad F(mid) - grad F(q)| times that).
  const S u = unit_roundoff<S>();
  S mid_error = 0;
  const Vector<S> gq = cmr22::bregman_grad<S>(q, depth);
  for (Eigen::Index i = 0; i < mid.size(); ++i) {
    if (mid(i) > 0) mid_error += 3 * u * mid(i) * abs(cmr22::bregman_grad<S>(Vector<S>::Constant(1, mid(i)), depth)(0) - gq(i));
  }
  o.error = widen(S(cmr22::bregman_rounding<S>(mid, q, depth) + lambda * cmr22::bregman_rounding<S>(p1, q, depth) +
                    (1 - lambda) * cmr22::bregman_rounding<S>(p2, q, depth) + 3 * u * (abs(d1) + abs(d2)) + mid_error));
  o.details = {{"N", std::to_string(q.size())}, {"L", std::to_string(depth)}};
  return o;
}

}  // namespace

THMCHECK_REGISTER(cmr22_lem2_4) {
  const std::string f_text =
      "F(x) = 1/2 sum x_n log x_n - x_n (L = 2), L/(2(2-L)) sum x_n^{2/L} (L > 2) (21), 0 log 0 = 0";
  {
    Claim c;
    c.id = "cmr22.lem2.4";
    c.paper = "cmr22";
    c.source = "Lemma 2.4 (non-negativity), D_F of (20) with F of (21)";
    c.summary = "D_F(p, q) >= 0";
    c.statement = "The Bregman divergence D_F is non-negative and, for any q in Omega, the function p -> D_F(p, q) "
                  "is strictly convex. [this claim: D_F(p, q) >= 0]";
    c.kind = ClaimKind::kExplicit;
    c.hypotheses = {{"q.interior", "q in Omega where F is differentiable: q > 0"}};
    c.measurement = "Closed form D_F(p, q) = F(p) - F(q) - <grad F(q), p - q> with " + f_text +
                    "; measured 0, bound min(D_F(p1, q), D_F(p2, q)).";
    c.generator_info = divergence_generator_info();
    c.notes = "Lemma 2.4 is cited ([4]) for any strictly convex C^1 F; checked for the F of (21) the paper applies "
              "it to. p = q (D_F = 0) is the equality case. Error: (3N + 10) u sum |terms| (lib/cmr22/bregman_rounding.hpp).";
    c.default_cases = 100;
    set_instances<DivergenceInstance>(c, rc::gen::map(divergence_params(), divergence_instance),
                                      []<class S>(const DivergenceInstance& in) { return evaluate_nonnegative<S>(in); });
    registry.add(std::move(c));
  }
  {
    Claim c;
    c.id = "cmr22.lem2.4.convex";
    c.paper = "cmr22";
    c.source = "Lemma 2.4 (strict convexity in p), D_F of (20) with F of (21)";
    c.summary = "D_F(lambda p1 + (1-lambda) p2, q) < lambda D_F(p1, q) + (1-lambda) D_F(p2, q)";
    c.statement = "For any q in Omega, the function p -> D_F(p, q) is strictly convex.";
    c.kind = ClaimKind::kExplicit;
    c.hypotheses = {{"q.interior", "q > 0"}, {"p1!=p2", "p1 != p2"}, {"lambda.open", "lambda in (0, 1)"}};
    c.measurement = "Closed forms with " + f_text + ": measured D_F(lambda p1 + (1-lambda) p2, q), bound "
                    "lambda D_F(p1, q) + (1-lambda) D_F(p2, q) (relation <=).";
    c.generator_info = divergence_generator_info();
    c.notes = "Strictness cannot be certified where the gap is below rounding (p2 near p1: the gap is second order "
              "in p2 - p1); such cases are tight and count as passes, so only convexity (<=) is tested there. "
              "Error: rounding of the three divergences and of the midpoint (lib/cmr22/bregman_rounding.hpp).";
    c.default_cases = 100;
    set_instances<DivergenceInstance>(c, rc::gen::map(divergence_params(), divergence_instance),
                                      []<class S>(const DivergenceInstance& in) { return evaluate_convex<S>(in); });
    registry.add(std::move(c));
  }
}

}  // namespace thmcheck::checks
