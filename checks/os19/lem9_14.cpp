// os19 Lemma 9.14 (Section 9.6.1): for G in R^{d x r} with d <= r (as
// printed) i.i.d. N(0, 1) and Sigma = diag(sigma_1, ..., sigma_r) with
// theta <= sigma_min <= sigma_max <= 2 theta,
//   E ||G Sigma||_* >= (1/32) theta sqrt(d) r.
// An expectation: estimated by Monte Carlo over N i.i.d. draws of G, with a
// rigorous confidence radius. G -> ||G Sigma||_* is ||Sigma||_F-Lipschitz in
// the Frobenius norm (proof, (A.2)), so the mean of N draws is
// ||Sigma||_F/sqrt(N)-Lipschitz in the joint Gaussian and (Gaussian
// concentration, Tsirelson-Ibragimov-Sudakov) deviates from the expectation by
// more than t = L sqrt(2 ln(2/delta)/N) with probability <= delta, L =
// min(||Sigma||_F, sqrt(min(d, r)) ||Sigma||_op) (both Lipschitz constants);
// delta = 1e-9. The sibling .as-proved takes r <= d, which the proof uses
// (sqrt(d) + 3 sqrt(r) <= 4 sqrt(d)).
#include <Eigen/Dense>
#include <fmt/format.h>
#include <rapidcheck.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>

#include "thmcheck/engine/registry.hpp"
#include "thmcheck/engine/typed_instance.hpp"
#include "thmcheck/generators/random_data.hpp"
#include "thmcheck/os19/lowrank_lemma_fields.hpp"

namespace thmcheck::checks {
namespace {

constexpr double kDelta = 1e-9;

struct ExpectationInstance {
  long d = 0, r = 0, samples = 0, seed = 0;
  Real theta;
  RealVector s;
  static constexpr auto fields = std::make_tuple(
      field("d", &ExpectationInstance::d, "rows of G, in [1, 64]"),
      field("r", &ExpectationInstance::r, "columns of G, in [1, 20000]"),
      field("samples", &ExpectationInstance::samples, "Monte Carlo draws N, in [1, 4096]"),
      field("seed", &ExpectationInstance::seed, ">= 0: the N draws of G come from RandomSource(seed)"),
      field("theta", &ExpectationInstance::theta, "the scale vartheta > 0"),
      field("s", &ExpectationInstance::s, "[r] > 0: Sigma = theta diag(s) (in [theta, 2 theta] iff s_j in [1, 2])"));
  void check() const {
    os19::require_range("d", d, 1, 64);
    os19::require_range("r", r, 1, 20000);
    os19::require_range("samples", samples, 1, 4096);
    os19::require_range("seed", seed, 0, std::numeric_limits<long>::max());
    os19::require_scale_and_spectrum(theta, s, r);
  }
};

/// ||M||_* of a d x r matrix from the eigenvalues of the smaller Gram matrix
/// (sum of their square roots), with its rounding: Gram entries err by
/// gamma_k ||m_i|| ||m_j|| (k the inner dimension), moving each eigenvalue by
/// at most that matrix's Frobenius norm <= gamma_k ||M||_F^2 (Weyl), each
/// square root then by at most sqrt of it (|sqrt(a) - sqrt(b)| <= sqrt|a - b|).
template <class S>
std::pair<S, S> nuclear_by_gram(const Matrix<S>& m) {
  using std::max;
  using std::sqrt;
  const bool wide = m.rows() <= m.cols();
  const Matrix<S> g = wide ? Matrix<S>(m * m.transpose()) : Matrix<S>(m.transpose() * m);
  const Eigen::Index k = wide ? m.cols() : m.rows();
  const Eigen::SelfAdjointEigenSolver<Matrix<S>> es(g, Eigen::EigenvaluesOnly);
  S value = 0;
  for (Eigen::Index j = 0; j < g.rows(); ++j) value += sqrt(max(S(0), S(es.eigenvalues()(j))));
  const S u = unit_roundoff<S>();
  // Gram rounding plus a backward-stable eigensolver (c g.rows() u ||G||, c = 8).
  const S eig_error = (S(1.01) * S(static_cast<double>(k)) + 8 * S(static_cast<double>(g.rows()))) * u * m.squaredNorm();
  return {value, S(static_cast<double>(g.rows())) * sqrt(eig_error) + 4 * S(static_cast<double>(g.rows())) * u * value};
}

template <class S>
Outcome evaluate(const ExpectationInstance& in, bool as_proved) {
  using std::log;
  using std::sqrt;
  const Eigen::Index d = in.d, r = in.r;
  const S theta = in.theta.as<S>();
  Vector<S> sigma(r);
  for (Eigen::Index j = 0; j < r; ++j) sigma(j) = theta * in.s[j].as<S>();
  RandomSource rng(static_cast<std::uint64_t>(in.seed));
  S sum = 0, rounding = 0;
  for (long t = 0; t < in.samples; ++t) {
    const Matrix<S> g = gaussian_matrix(d, r, rng).unaryExpr([](double x) { return S(x); });
    const auto [value, error] = nuclear_by_gram<S>(Matrix<S>(g * sigma.asDiagonal()));
    sum += value;
    rounding += error;
  }
  const S n = S(static_cast<double>(in.samples));
  const S mean = sum / n;
  // Lipschitz constant of G -> ||G Sigma||_*: ||Sigma||_F (A.2), or
  // sqrt(min(d, r)) ||Sigma||_op (nuclear <= sqrt(rank) Frobenius); the smaller.
  using std::min;
  const S lipschitz = min(S(sigma.norm()), S(sqrt(S(static_cast<double>(std::min(d, r)))) * sigma.cwiseAbs().maxCoeff()));
  const S radius = lipschitz * sqrt(2 * log(S(2) / S(kDelta)) / n);
  const S bound = theta * sqrt(S(static_cast<double>(d))) * S(static_cast<double>(r)) / 32;
  const bool spectrum = os19::spectrum_in_range<S>(in.s);
  Outcome o;
  // E ||G Sigma||_* >= bound, as measured <= bound: measured = the claimed
  // lower bound, bound = the estimate of the expectation.
  o.measured = widen(bound);
  o.bound = widen(mean);
  o.error = widen(S(radius + rounding / n));
  o.hypotheses = {{"gaussian", true, Evidence::kCertified, "G i.i.d. N(0,1) by construction (N draws)"},
                  {"spectrum", spectrum, Evidence::kCertified, "Sigma = theta diag(s), s_j in [1, 2]"},
                  {as_proved ? "r.le.d" : "d.le.r", as_proved ? r <= d : d <= r, Evidence::kCertified,
                   fmt::format("d = {}, r = {}", d, r)}};
  o.details = {{"Monte Carlo mean of ||G Sigma||_*", to_decimal(mean, 10)},
               {"confidence radius (delta = 1e-9)", to_decimal(radius, 6)},
               {"Jensen upper bound d ||Sigma||_F on E||G Sigma||_* (d <= r)", to_decimal(S(S(static_cast<double>(d)) * sigma.norm()), 8)},
               {"(1/32) theta sqrt(d) r", to_decimal(bound, 10)},
               {"ratio mean / bound", to_decimal(S(mean / bound), 6)},
               {"d, r, N", fmt::format("{}, {}, {}", d, r, in.samples)}};
  return o;
}

// ---- Generator. As printed (d <= r): d in [1, 3], r = d * 2^k (k in [0, 11])
// (k = 11 in 5 of 16) with a random extra in [0, r/4]; as proved (r <= d): r in [1, 8], d in [r, 4r].
// theta = 10^(e/2), e in [-6, 6]; s all 1 (1 in 2: the corner), all 2, or
// uniform in [1, 2]; N = 64 draws (N = 16 once d r > 1024).
struct Params {
  int d, k, extra, e, s_kind, small_r, mult;
  std::uint64_t seed;
};

rc::Gen<ExpectationInstance> generator(bool as_proved) {
  auto params = rc::gen::build<Params>(
      rc::gen::set(&Params::d, rc::gen::inRange(1, 4)), rc::gen::set(&Params::k, rc::gen::inRange(0, 13)),
      rc::gen::set(&Params::extra, rc::gen::inRange(0, 1000)), rc::gen::set(&Params::e, rc::gen::inRange(-6, 7)),
      rc::gen::set(&Params::s_kind, rc::gen::inRange(0, 4)), rc::gen::set(&Params::small_r, rc::gen::inRange(1, 9)),
      rc::gen::set(&Params::mult, rc::gen::inRange(1, 5)),
      rc::gen::set(&Params::seed, rc::gen::arbitrary<std::uint64_t>()));
  return rc::gen::map(params, [as_proved](const Params& q) {
    ExpectationInstance in;
    if (as_proved) {
      in.r = q.small_r;
      in.d = q.small_r * q.mult;
    } else {
      in.d = q.d;
      const long base = static_cast<long>(q.d) << std::min(q.k, 11);  // k = 11 in 5 of 16
      in.r = base + (base / 4) * q.extra / 1000;
    }
    in.samples = in.d * in.r > 1024 ? 16 : 64;  // the radius is <= sqrt(3) 2 theta sqrt(2 ln(2e9)/N)
    in.seed = static_cast<long>(q.seed >> 12);
    in.theta = Real::of(std::pow(10.0, q.e / 2.0));
    RandomSource rng(q.seed);
    in.s = os19::spectrum_multipliers(q.s_kind >= 2 ? 0 : q.s_kind + 1, in.r, rng);  // all 1 in 2 of 4
    return in;
  });
}

void register_claim(Registry& registry, bool as_proved) {
  Claim c;
  c.id = as_proved ? "os19.lem9.14.as-proved" : "os19.lem9.14";
  c.paper = "os19";
  c.source = as_proved ? "Lemma 9.14 with r <= d (the range its proof, A.2, uses)" : "Lemma 9.14";
  c.summary = as_proved ? "E ||G Sigma||_* >= theta sqrt(d) r / 32 for G d x r Gaussian, r <= d"
                        : "E ||G Sigma||_* >= theta sqrt(d) r / 32 for G d x r Gaussian, d <= r (as printed)";
  c.statement =
      "Let G in R^{d x r} with d <= r be i.i.d. N(0,1) matrix and Sigma in R^{r x r} be a diagonal matrix with "
      "entries obeying theta <= sigma_min(Sigma) <= sigma_max(Sigma) <= 2 theta. Then E[||G Sigma||_*] >= "
      "(1/32) theta sqrt(d) r.";
  c.kind = ClaimKind::kExplicit;
  c.hypotheses = {{"gaussian", "G with i.i.d. N(0, 1) entries"},
                  {"spectrum", "theta <= sigma_j <= 2 theta"},
                  {as_proved ? "r.le.d" : "d.le.r", as_proved ? "r <= d (the proof's range)" : "d <= r (as printed)"}};
  c.measurement =
      "Monte Carlo: the mean of ||G Sigma||_* over N i.i.d. draws (nuclear norm from the eigenvalues of the "
      "d x d or r x r Gram matrix), with confidence radius L sqrt(2 ln(2/delta)/N), delta = 1e-9, L = min(||Sigma||_F, "
      "sqrt(min(d, r)) ||Sigma||_op) (Gaussian concentration of an L/sqrt(N)-Lipschitz mean), plus rounding, in `error`. Judged as "
      "(1/32) theta sqrt(d) r <= E: measured the claimed lower bound, bound the estimate.";
  c.generator_info = as_proved
      ? "r in [1, 8], d in {r, 2r, 3r, 4r}; theta = 10^(e/2), e in [-6, 6]; s all 1 (1 in 2), all 2, or uniform in [1, 2]; N = 64."
      : "d in [1, 3], r = d 2^k + [0, d 2^k / 4], k in [0, 11] (11 in 5 of 16); theta = 10^(e/2), e in [-6, 6]; s all 1 (1 in 2), all 2, "
        "or uniform in [1, 2]; N = 64 (16 once d r > 1024).";
  c.notes = as_proved
      ? "With r <= d the proof's chain holds and the estimate stays far above the bound (E ||G Sigma||_* ~ theta "
        "r sqrt(d) at least, about 32 times the bound). No exact formula is used; Monte Carlo with the stated "
        "confidence radius (a violation needs the mean below the bound by more than it)."
      : "finding: false as printed (d <= r). Jensen gives E||G Sigma||_* <= sqrt(d) E||G Sigma||_F <= d "
        "||Sigma||_F, which is below (1/32) theta sqrt(d) r once sqrt(d) ||s||_2 < r/32, e.g. Sigma = theta I_r "
        "and r > 1024 d: d = 1, r >= 1025 (E = theta E||g||_2 = theta sqrt(2) Gamma((r+1)/2)/Gamma(r/2) ~ theta "
        "sqrt(r - 1/2) < theta r/32). The proof's step sqrt(d) + 3 sqrt(r) <= 4 sqrt(d) needs r <= d, and the "
        "lemma is applied (Lemma 9.15) with r <= d, so 'd <= r' reads as a misprint; the sibling .as-proved "
        "checks r <= d. The Jensen bound is shown with each case.";
  c.default_cases = 40;
  c.error_is_rounding = false;
  c.proof_note = "Monte Carlo estimate of an expectation (confidence radius, not an enclosure).";
  set_instances<ExpectationInstance>(c, generator(as_proved), [as_proved]<class S>(const ExpectationInstance& in) {
    return evaluate<S>(in, as_proved);
  });
  registry.add(std::move(c));
}

}  // namespace

THMCHECK_REGISTER(os19_lem9_14) {
  register_claim(registry, false);
  register_claim(registry, true);
}

}  // namespace thmcheck::checks
