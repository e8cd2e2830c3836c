// cmr22 Remark 1.2, "Scale invariance" (Chou, Maly & Rauhut 2022): replacing
// u0, v0, y by lambda u0, lambda v0, lambda^L y scales the l1 minimizer over S
// and the flow limit x~_inf by lambda^L, so both sides of (9) are multiplied
// by lambda^L. Checked as an equality: the two flow limits (flow_limit.hpp),
// the two l1 minima (GLPK, certified) and the two bounds of (9).
#include <fmt/format.h>
#include <rapidcheck.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "thmcheck/cmr22/c_l.hpp"
#include "thmcheck/cmr22/factorized_loss.hpp"
#include "thmcheck/cmr22/l1_minimization.hpp"
#include "thmcheck/cmr22/recovery.hpp"
#include "thmcheck/engine/registry.hpp"

namespace thmcheck::checks {

namespace {

/// A recovery instance (y = A x*; s unused) and the factor lambda > 0.
struct ScaleInstance {
  cmr22::RecoveryInstance data;
  Real lambda;
  static constexpr auto fields =
      std::make_tuple(field("data", &ScaleInstance::data, "A, x_star (y = A x_star), L, u0, v0 (s unused)"),
                      field("lambda", &ScaleInstance::lambda, "the factor lambda > 0"));
  void check() const {
    if (!(lambda.as<Mp100>() > 0) || !(lambda.as<double>() > 0)) throw InputError("field 'lambda': must be positive");
  }
};

ScaleInstance scale_instance(const cmr22::RecoveryParams& q, int lambda_exp) {
  return {cmr22::recovery_instance(q), Real::parse(fmt::format("1e{}", lambda_exp))};
}

template <class S>
Outcome evaluate_scale(const ScaleInstance& in) {
  using std::abs;
  using std::max;
  using std::pow;
  const auto& d = in.data;
  const Matrix<S> a = as_matrix<S>(d.a);
  const Vector<S> y = a * as_vector<S>(d.x_star);
  const Vector<S> u0 = as_vector<S>(d.u0), v0 = as_vector<S>(d.v0);
  const S lambda = in.lambda.as<S>();
  const S scale = pow(lambda, d.depth);  // lambda^L
  Outcome o;
  const auto flow1 = cmr22::measured_flow_limit<S>(a, y, d.depth, u0, v0);
  const auto flow2 = cmr22::measured_flow_limit<S>(a, Vector<S>(scale * y), d.depth, Vector<S>(lambda * u0),
                                                   Vector<S>(lambda * v0));
  const auto lp1 = cmr22::l1_minimize<S>(a, y, false);
  const auto lp2 = cmr22::l1_minimize<S>(a, Vector<S>(scale * y), false);
  if (!flow1.ok || !flow2.ok || !lp1.ok() || !lp2.ok()) {
    o.ok = false;
    o.message = fmt::format("flow: {} / {}; l1: {} / {}", flow1.message, flow2.message, lp1.message, lp2.message);
    return o;
  }
  const S c_l = cmr22::c_l<S>(d.depth);
  const S bound1 = c_l * (cmr22::hadamard_power(u0, d.depth).sum() + cmr22::hadamard_power(v0, d.depth).sum());
  const S bound2 = c_l * (cmr22::hadamard_power(Vector<S>(lambda * u0), d.depth).sum() +
                          cmr22::hadamard_power(Vector<S>(lambda * v0), d.depth).sum());
  // Everything relative to the lambda = 1 problem's scale: divide by lambda^L.
  const S d_limit = (flow2.product / scale - flow1.product).template lpNorm<1>();
  const S d_min = abs(lp2.value / scale - lp1.value);
  const S d_bound = abs(bound2 / scale - bound1);
  const S n(static_cast<long>(a.cols()));
  const S u = unit_roundoff<S>();
  o.relation = Relation::kEqual;
  o.measured = widen(max(d_limit, max(d_min, d_bound)));
  o.bound = widen(S(0));
  // Error (estimated): the two limits' l1 errors (the second divided by
  // lambda^L), the LP value errors likewise, and the rounding of lambda^L y,
  // lambda u0 (the second problem's data: 2 (L + 2) u relative, moving its
  // limit and minimum by at most that times their size) and of the bounds.
  const S data_rounding = 2 * S(d.depth + 2) * u * (flow1.product.template lpNorm<1>() + abs(lp1.value) + bound1);
  o.error = widen(S(flow1.error + flow2.error / scale + lp1.value_error + lp2.value_error / scale +
                    data_rounding * (1 + n) + 4 * n * u * (flow1.product.template lpNorm<1>() + bound1)));
  o.hypotheses = {{"init.positive", (u0.array() > 0).all() && (v0.array() > 0).all() && lambda > 0,
                   Evidence::kCertified, "u0, v0 > 0 and lambda > 0"},
                  {"L>=2", d.depth >= 2, Evidence::kCertified, fmt::format("L = {}", d.depth)},
                  {"S.nonempty", true, Evidence::kCertified, "y = A x_* by construction"}};
  o.details = {{"lambda", to_decimal(lambda, 6)},
               {"L", std::to_string(d.depth)},
               {"||x~(lambda)/lambda^L - x~(1)||_1", to_decimal(d_limit, 4)},
               {"|min(lambda)/lambda^L - min(1)|", to_decimal(d_min, 4)},
               {"||x~(1)||_1", to_decimal(S(flow1.product.template lpNorm<1>()), 10)},
               {"flow steps", fmt::format("{} / {}", flow1.steps, flow2.steps)}};
  return o;
}

}  // namespace

THMCHECK_REGISTER(cmr22_rem1_2) {
  Claim c;
  c.id = "cmr22.rem1.2.scale";
  c.paper = "cmr22";
  c.source = "Remark 1.2, 'Scale invariance' (of (9), Theorem 1.1)";
  c.summary = "u0, v0, y -> lambda u0, lambda v0, lambda^L y scales the l1 minimizer, x~_inf and both sides of (9) by lambda^L";
  c.statement =
      "Let lambda > 0 be a fixed factor. If we replace u0, v0, and y with lambda u0, lambda v0, and lambda^L y, then "
      "the l1-minimizer over S and the gradient flow limit x~_inf will each be scaled by lambda^L. Hence, both sides "
      "of (9) are multiplied by lambda^L and the inequality remains unaffected.";
  c.kind = ClaimKind::kExplicit;
  c.hypotheses = {{"init.positive", "u0, v0 > 0, lambda > 0"},
                  {"L>=2", "L >= 2"},
                  {"S.nonempty", "S = {z : Az = y} is non-empty"}};
  c.measurement =
      "y = A x*; both flow limits by flow_limit.hpp, both l1 minima by GLPK (certified basis). Measured max of "
      "||x~_inf(lambda) / lambda^L - x~_inf(1)||_1, |min(lambda) / lambda^L - min(1)| and |bound(lambda) / lambda^L - "
      "bound(1)| (the bound c_L (||u0||_L^L + ||v0||_L^L) of (9)); an equality, bound 0.";
  c.generator_info = cmr22::recovery_generator_info() + " lambda = 10^j, j in [-3, 3].";
  c.notes =
      "The 'minimizer' is compared through the minimum value (the minimizer need not be unique; the value is). "
      "The flow part follows from u = lambda u' turning the flow for (lambda u0, lambda v0, lambda^L y) into the "
      "original one with time scaled by lambda^(2L-2). Error (estimated): both limits' errors, LP value errors, "
      "data rounding; method error, so error_is_rounding = false. The other items of Remark 1.2 are not "
      "encoded: 'Generality' is Lemma A.2 (cmr22.lemA.2), 'Effect of dimension' and 'Effect of depth' describe "
      "the bound (11) itself, and 'Convergence rate' concerns step sizes of gradient descent in practice.";
  c.default_cases = 8;
  c.error_is_rounding = false;
  set_instances<ScaleInstance>(
      c, rc::gen::apply(scale_instance, cmr22::recovery_params(), rc::gen::inRange(-3, 4)),
      []<class S>(const ScaleInstance& in) { return evaluate_scale<S>(in); });
  registry.add(std::move(c));
}

}  // namespace thmcheck::checks
