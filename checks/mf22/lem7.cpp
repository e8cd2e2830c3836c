// mf22 Lemma 7 (Appendix F, eq. (134)): for a, b in R^n,
//   ||a (.) b|| <= ||a||_inf ||b||.
// Measured ||a (.) b||, bound ||a||_inf ||b|| (2-norms), per instance. Equality
// holds when |a_i| = ||a||_inf wherever b_i != 0: the generator makes a flat
// (all |a_i| equal) in one case in four, so the bound is reached.
#include <fmt/format.h>
#include <rapidcheck.h>

#include <cmath>
#include <string>
#include <tuple>
#include <vector>

#include "thmcheck/engine/registry.hpp"
#include "thmcheck/engine/typed_instance.hpp"

namespace thmcheck::checks {
namespace {

/// An instance of Lemma 7: two vectors of one length n >= 1.
struct HadamardInstance {
  RealVector a, b;
  static constexpr auto fields = std::make_tuple(field("a", &HadamardInstance::a, "[n], any reals, n >= 1"),
                                                 field("b", &HadamardInstance::b, "[n], any reals"));
  void check() const {
    if (a.empty()) throw InputError("field 'a': n must be >= 1");
    if (b.size() != a.size()) {
      throw InputError(fmt::format("field 'b': length {} does not match the length {} of 'a'", b.size(), a.size()));
    }
  }
};

// ---- Generator: n in [1, kMaxN]; entries 0 (one in eight) or +-(1 + j/8)
// 10^(e/4), e in [-12, 12]; a flat (|a_i| all equal, signs kept) when flat = 0.
constexpr int kMaxN = 12;

struct HadamardParams {
  int n = 1, flat = 1;
  std::vector<int> kinds, mantissas, exponents;
};

Real entry(int kind, int mantissa, int exponent) {
  if (kind == 0) return Real::parse("0");
  const double value = (kind % 2 == 0 ? -1.0 : 1.0) * (1 + mantissa / 8.0) * std::pow(10.0, exponent / 4.0);
  return Real::of(value);
}

HadamardInstance hadamard_instance(const HadamardParams& q) {
  HadamardInstance in;
  for (int i = 0; i < q.n; ++i) {
    const auto at = [&](int k) { return static_cast<size_t>(k * kMaxN + i); };
    in.a.push_back(q.flat == 0 ? entry(q.kinds[at(0)] % 2 + 1, 0, 0) : entry(q.kinds[at(0)], q.mantissas[at(0)], q.exponents[at(0)]));
    in.b.push_back(entry(q.kinds[at(1)], q.mantissas[at(1)], q.exponents[at(1)]));
  }
  return in;
}

rc::Gen<HadamardInstance> hadamard_instances() {
  const auto ints = [](int lo, int hi) {
    return rc::gen::container<std::vector<int>>(2 * kMaxN, rc::gen::inRange(lo, hi + 1));
  };
  return rc::gen::map(rc::gen::build<HadamardParams>(rc::gen::set(&HadamardParams::n, rc::gen::inRange(1, kMaxN + 1)),
                                                     rc::gen::set(&HadamardParams::flat, rc::gen::inRange(0, 4)),
                                                     rc::gen::set(&HadamardParams::kinds, ints(0, 7)),
                                                     rc::gen::set(&HadamardParams::mantissas, ints(0, 8)),
                                                     rc::gen::set(&HadamardParams::exponents, ints(-12, 12))),
                      hadamard_instance);
}

template <class S>
Outcome evaluate_hadamard(const HadamardInstance& in) {
  const Vector<S> a = as_vector<S>(in.a), b = as_vector<S>(in.b);
  const S lhs = a.cwiseProduct(b).norm();
  const S rhs = a.template lpNorm<Eigen::Infinity>() * b.norm();
  Outcome o;
  o.measured = widen(lhs);
  o.bound = widen(rhs);
  // Each side is a square root of a sum of n squares (times one product):
  // relative error <= (n + 4) u (Higham 2002, sec. 3.1), doubled.
  const S u = unit_roundoff<S>();
  o.error = widen(2 * S(static_cast<long>(a.size() + 4)) * u * (lhs + rhs));
  o.details = {{"n", fmt::format("{}", a.size())}};
  return o;
}

Claim lem7() {
  Claim c;
  c.id = "mf22.lem7";
  c.paper = "mf22";
  c.source = "Lemma 7 (Appendix F), eq. (134)";
  c.summary = "||a (.) b|| <= ||a||_inf ||b||";
  c.statement = "Lemma 7: for two arbitrary vectors a, b in R^n, ||a (.) b|| <= ||a||_inf ||b||.";
  c.kind = ClaimKind::kExplicit;
  c.measurement = "||a (.) b|| (2-norm) against ||a||_inf ||b||, at the working precision.";
  c.generator_info = fmt::format(
      "n in [1, {}]; entries 0 (1/8) or +-(1 + j/8) 10^(e/4), j in [0, 8], e in [-12, 12]; in one case in four a "
      "is flat (|a_i| = 1), where equality holds.",
      kMaxN);
  c.notes = "No hypotheses. Used in (60) and elsewhere in Appendix D.";
  c.proof_note = "";
  c.default_cases = 100;
  set_instances<HadamardInstance>(c, hadamard_instances(),
                                  []<class S>(const HadamardInstance& in) { return evaluate_hadamard<S>(in); });
  return c;
}

}  // namespace

THMCHECK_REGISTER(mf22_lem7) { registry.add(lem7()); }

}  // namespace thmcheck::checks
