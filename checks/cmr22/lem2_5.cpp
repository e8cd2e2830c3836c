// cmr22 Lemma 2.5 (Chou, Maly & Rauhut 2022, "More is less"): "if
// D_F(z, x~(t)) is bounded then ||x~(t)||_2 is bounded" is a statement about a
// function on [0, inf) (an implication between two suprema over t), which no
// finite set of evaluations can check. What its proof computes is checked:
//   cmr22.lem2.5.formula : the closed form of D_F(z, x~) in the proof,
//     L = 2:  1/2 (<x~ - z log x~, 1> + <z log z - z, 1>),
//     L > 2:  1/(2(L-2)) (<(L-2) x~^{2/L} + 2 z x~^{2/L-1}, 1> - L <z^{2/L}, 1>),
//   equals D_F(z, x~) of (20) with F of (21) (lib/cmr22/bregman_divergence.hpp).
#include <fmt/format.h>
#include <rapidcheck.h>

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

/// z >= 0 and the point x~ of the trajectory (x~ > 0 as in the lemma's x~(0) > 0).
struct FormulaInstance {
  int depth = 2;
  RealVector z, x;
  static constexpr auto fields = std::make_tuple(
      field("L", &FormulaInstance::depth, "depth, integer in [2, 64]; fixes F of (21)"),
      field("z", &FormulaInstance::z, "[N] >= 0, the fixed point z"),
      field("x_tilde", &FormulaInstance::x, "[N] >= 0, the point x~ (x~ > 0: hypothesis; log x~ and x~^{2/L-1})"));
  void check() const {
    if (depth < 2 || depth > 64) throw InputError(fmt::format("field 'L': {} is outside [2, 64]", depth));
    if (z.empty()) throw InputError("field 'z': empty");
    if (x.size() != z.size()) throw InputError(fmt::format("field 'x_tilde': length {} differs from the {} of 'z'", x.size(), z.size()));
    for (size_t i = 0; i < z.size(); ++i) {
      if (z[i].as<Mp100>() < 0) throw InputError(fmt::format("field 'z'[{}]: must be >= 0", i));
      if (x[i].as<Mp100>() < 0) throw InputError(fmt::format("field 'x_tilde'[{}]: must be >= 0", i));
    }
  }
};

// Generator: N in [1, kMaxN], L in [2, kMaxDepth]; z_n = 0 (one in four) or
// (1 + m/8) 10^((e - 8)/2); x~_n = z_n (D_F term 0), or (1 + m/8) 10^((e - 8)/2),
// e in [0, 16]: x~ from 1e-4 to 1e4 (large x~ is where the lemma's growth lives).
constexpr int kMaxN = 8, kMaxDepth = 6;

struct FormulaParams {
  int n = 1, depth = 2;
  std::vector<int> z_kind, z_exp, z_mant, x_kind, x_exp, x_mant;
};

rc::Gen<FormulaParams> formula_params() {
  const auto ints = [](int lo, int hi) { return rc::gen::container<std::vector<int>>(kMaxN, rc::gen::inRange(lo, hi + 1)); };
  return rc::gen::build<FormulaParams>(
      rc::gen::set(&FormulaParams::n, rc::gen::inRange(1, kMaxN + 1)),
      rc::gen::set(&FormulaParams::depth, rc::gen::inRange(2, kMaxDepth + 1)),
      rc::gen::set(&FormulaParams::z_kind, ints(0, 3)), rc::gen::set(&FormulaParams::z_exp, ints(0, 16)),
      rc::gen::set(&FormulaParams::z_mant, ints(0, 8)), rc::gen::set(&FormulaParams::x_kind, ints(0, 3)),
      rc::gen::set(&FormulaParams::x_exp, ints(0, 16)), rc::gen::set(&FormulaParams::x_mant, ints(0, 8)));
}

FormulaInstance formula_instance(const FormulaParams& q) {
  FormulaInstance in;
  in.depth = q.depth;
  for (int i = 0; i < q.n; ++i) {
    const double z = q.z_kind[i] == 0 ? 0.0 : (1 + q.z_mant[i] / 8.0) * std::pow(10.0, (q.z_exp[i] - 8) / 2.0);
    const double x = q.x_kind[i] == 0 && z > 0 ? z : (1 + q.x_mant[i] / 8.0) * std::pow(10.0, (q.x_exp[i] - 8) / 2.0);
    in.z.push_back(Real::of(z));
    in.x.push_back(Real::of(x));
  }
  return in;
}

template <class S>
Outcome evaluate_formula(const FormulaInstance& in) {
  using std::abs;
  using std::log;
  using std::pow;
  const int depth = in.depth;
  const Vector<S> z = as_vector<S>(in.z), x = as_vector<S>(in.x);
  Outcome o;
  const bool positive = (x.array() > 0).all();
  o.hypotheses = {{"x.positive", positive, Evidence::kCertified, positive ? "x~ > 0" : "x~ has a zero entry"}};
  if (!positive) return o;
  S formula = 0, magnitude = 0;
  const S l = S(depth);
  for (Eigen::Index i = 0; i < z.size(); ++i) {
    if (depth == 2) {
      const S zlogz = z(i) > 0 ? S(z(i) * log(z(i))) : S(0);
      formula += (x(i) - z(i) * log(x(i))) + (zlogz - z(i));
      magnitude += x(i) + z(i) * abs(log(x(i))) + abs(zlogz) + z(i);
    } else {
      const S a = (l - 2) * pow(x(i), 2 / l), b = 2 * z(i) * pow(x(i), 2 / l - 1), c = l * pow(z(i), 2 / l);
      formula += a + b - c;
      magnitude += a + b + c;
    }
  }
  formula = depth == 2 ? S(formula / 2) : S(formula / (2 * (l - 2)));
  magnitude = depth == 2 ? S(magnitude / 2) : S(magnitude / (2 * (l - 2)));
  const S definition = cmr22::bregman_divergence<S>(z, x, depth);
  o.relation = Relation::kEqual;
  o.measured = widen(formula);
  o.bound = widen(definition);
  // The definition's rounding (lib/cmr22/bregman_rounding.hpp) plus the
  // formula's: (3N + 10) u times its terms, as for D_F.
  o.error = widen(S(cmr22::bregman_rounding<S>(z, x, depth) +
                    (3 * S(static_cast<long>(z.size())) + 10) * unit_roundoff<S>() * magnitude));
  o.details = {{"N", std::to_string(z.size())}, {"L", std::to_string(depth)}};
  return o;
}

}  // namespace

THMCHECK_REGISTER(cmr22_lem2_5) {
  Claim c;
  c.id = "cmr22.lem2.5.formula";
  c.paper = "cmr22";
  c.source = "Proof of Lemma 2.5: the closed form of D_F(z, x~(t)); F of (21), D_F of (20)";
  c.summary = "the proof's closed form of D_F(z, x~) equals (20)-(21)";
  c.statement =
      "D_F(z, x~) = 1/2 (<x~ - z (.) log(x~), 1> + <z (.) log(z) - z, 1>) (L = 2), "
      "1/(2(L-2)) (<(L-2) x~^{2/L} + 2 z (.) x~^{2/L-1}, 1> - L <z^{2/L}, 1>) (L > 2).";
  c.kind = ClaimKind::kExplicit;
  c.hypotheses = {{"x.positive", "x~ > 0 (the lemma's x~(0) > 0; log x~ and x~^{2/L-1} finite)"}};
  c.measurement = "Closed forms: measured the proof's expression, bound D_F(z, x~) = F(z) - F(x~) - <grad F(x~), z - x~> "
                  "(lib/cmr22/bregman_divergence), relation ==.";
  c.generator_info = fmt::format(
      "N in [1, {}], L in [2, {}]; z_n = 0 (1/4) or (1 + m/8) 10^((e-8)/2); x~_n = z_n (1/4 when z_n > 0) or "
      "(1 + m/8) 10^((e-8)/2), m in [0, 8], e in [0, 16].",
      kMaxN, kMaxDepth);
  c.notes =
      "Lemma 2.5 itself (bounded D_F(z, x~(t)) implies bounded ||x~(t)||_2 for a continuous x~ on R+) is an "
      "implication between suprema over an infinite time set: not checkable by finitely many evaluations. "
      "Its proof rests on this formula and on each term being bounded below and coercive, which the formula "
      "makes evident (each term is minimal, 0, at x~_n = z_n). Error: (3N + 10) u times the terms of each side.";
  c.default_cases = 100;
  set_instances<FormulaInstance>(c, rc::gen::map(formula_params(), formula_instance),
                                 []<class S>(const FormulaInstance& in) { return evaluate_formula<S>(in); });
  registry.add(std::move(c));
}

}  // namespace thmcheck::checks
