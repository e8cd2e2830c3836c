// os19 Theorem 5.4 (Section 5, proof in Section 9.8.2): the PL lower bound.
//  - os19.thm5.4: an L-smooth loss over B(theta0, R) has no global minimum in
//    the ball when R < sqrt(2 L(theta0)/L). Checked on GLM least-squares losses
//    (minimum 0, Section 5's standing assumption), whose zero-loss set
//    {X theta = phi^{-1}(y)} and closest point are computable (closest_optimum.hpp):
//    measured R against the distance d* of the closest global minimum.
//  - os19.thm5.4.construction: the "furthermore" part, an existence statement,
//    checked on the loss the proof constructs (orthogonal rows, ||x_1|| = sqrt(mu),
//    theta* = gamma x_1/||x_1||, theta0 = 0): it is L-smooth and mu-PL and its
//    closest global minimum lies at exactly sqrt(2 L(0)/mu).
//  - os19.thm5.4.construction.as-proved: the proof's PL display
//    ||X^T (X theta - y)||^2 >= 2 mu L(theta) with the other rows of "arbitrary lengths".
#include <fmt/format.h>

#include <algorithm>

#include "thmcheck/engine/registry.hpp"
#include "thmcheck/engine/typed_instance.hpp"
#include "thmcheck/os19/closest_optimum.hpp"
#include "thmcheck/os19/jacobian_bounds.hpp"
#include "thmcheck/os19/local_bounds.hpp"
#include "thmcheck/os19/models.hpp"
#include "thmcheck/os19/orthogonal_rows_instance.hpp"
#include "thmcheck/os19/pl_lower_bound_instance.hpp"

namespace thmcheck::checks {
namespace {

template <class S>
S first_order_gamma(Eigen::Index n, Eigen::Index p) {
  return 8 * S(static_cast<double>(n + p + 10)) * unit_roundoff<S>();
}

template <class S>
Outcome evaluate_no_minimum(const os19::NoMinimumInstance& in) {
  using std::abs;
  using std::sqrt;
  const Matrix<S> x = as_matrix<S>(in.x);
  const Vector<S> y = as_vector<S>(in.y), theta0 = as_vector<S>(in.theta0);
  const os19::Activation<S> phi = in.phi.at<S>();
  const S radius = in.radius.as<S>();
  const os19::GlmModel<S> model(x, y, phi);
  const Eigen::Index n = x.rows(), p = x.cols();
  const S gam = first_order_gamma<S>(n, p);
  const S loss0 = model.loss(theta0);
  const S loss0_error = gam * (S(y.norm()) + S(model.predict(theta0).norm())) * S(model.residual(theta0).norm());
  const os19::CertifiedConstant<S> cert = os19::glm_loss_smoothness(x, y, phi, theta0, radius);
  const S big_l = in.smoothness ? in.smoothness->as<S>() : cert.value;
  Outcome o;
  o.relation = Relation::kLessEqual;
  HypothesisCheck smooth{"smooth", big_l >= cert.value, Evidence::kCertified,
                         fmt::format("L = {} vs the certified {} (a smaller L is not certified and counts outside)",
                                     to_decimal(big_l, 10), cert.derivation)};
  if (!smooth.holds) smooth.evidence = Evidence::kEstimated;
  const S limit = sqrt(2 * loss0 / big_l);
  const S gap = 2 * loss0 - radius * radius * big_l;
  HypothesisCheck small{"radius", gap > 0, abs(gap) > 2 * loss0_error ? Evidence::kCertified : Evidence::kEstimated,
                        fmt::format("R = {} vs sqrt(2 L(theta0)/L) = {}", to_decimal(radius, 12), to_decimal(limit, 12))};
  const os19::ClosestOptimumResult<S> opt = os19::closest_glm_optimum(x, y, phi, theta0);
  const os19::MatrixBounds<S> mb = os19::matrix_bounds(x);
  HypothesisCheck zero{"minimum.zero", opt.ok() && mb.sigma_min_lower > 0, Evidence::kCertified,
                       opt.ok() ? "X has full row rank and phi maps onto R: the zero-loss set {X theta = phi^-1(y)} "
                                  "is not empty, min L = 0"
                                : opt.message};
  o.hypotheses = {smooth, small, zero};
  o.measured = widen(radius);
  if (!zero.holds) {
    o.bound = widen(S(0));
    return o;
  }
  o.bound = widen(opt.distance);
  o.error = widen(S(opt.residual_bound / mb.sigma_min_lower + gam * (S(opt.theta_star.norm()) + S(theta0.norm()))));
  o.details = {{"n", std::to_string(n)},
               {"p", std::to_string(p)},
               {"phi", phi.describe()},
               {"sqrt(2 L(theta0)/L)", to_decimal(limit, 12)},
               {"d* = dist(theta0, argmin)", to_decimal(opt.distance, 12)},
               {"d* / sqrt(2 L(theta0)/L)", to_decimal(S(opt.distance / limit), 12)}};
  return o;
}

/// The proof's construction: X, theta*, y = X theta* and the PL constant (min row norm^2).
template <class S>
struct Witness {
  Matrix<S> x;
  Vector<S> norms, theta_star, y;
  S mu, big_l, gamma;
};

template <class S>
Witness<S> witness(const os19::PlWitnessInstance& in) {
  using std::sqrt;
  Witness<S> w;
  w.mu = in.mu.as<S>();
  w.big_l = in.smoothness.as<S>();
  w.gamma = in.gamma.as<S>();
  const Eigen::Index n = static_cast<Eigen::Index>(in.other_row_norms.size()) + 1;
  const Eigen::Index p = static_cast<Eigen::Index>(in.householder.size());
  w.norms.resize(n);
  w.norms(0) = sqrt(w.mu);
  for (Eigen::Index i = 1; i < n; ++i) w.norms(i) = in.other_row_norms[static_cast<size_t>(i - 1)].as<S>();
  Vector<S> v(p);
  for (Eigen::Index i = 0; i < p; ++i) v(i) = S(in.householder[static_cast<size_t>(i)]);
  w.x = os19::orthogonal_rows(w.norms, v);
  w.theta_star = w.gamma * w.x.row(0).transpose() / S(w.x.row(0).norm());
  w.y = w.x * w.theta_star;
  return w;
}

template <class S>
HypothesisCheck l_at_least_mu(const Witness<S>& w) {
  return {"L>=mu>=0", w.big_l >= w.mu && w.mu >= 0, Evidence::kCertified,
          fmt::format("L = {}, mu = {}", to_decimal(w.big_l, 8), to_decimal(w.mu, 8))};
}

template <class S>
Outcome evaluate_construction(const os19::PlWitnessInstance& in) {
  using std::sqrt;
  const Witness<S> w = witness<S>(in);
  const Eigen::Index n = w.x.rows(), p = w.x.cols();
  const S gam = first_order_gamma<S>(n, p);
  const S rmax = w.norms.maxCoeff(), rmin = w.norms.minCoeff();
  Outcome o;
  o.relation = Relation::kLessEqual;
  // sigma(X) = the row norms (orthogonal rows): the loss is max_i r_i^2-smooth
  // and exactly min_i r_i^2-PL (||X^T X v||^2 >= min r_i^2 ||X v||^2).
  o.hypotheses = {l_at_least_mu(w),
                  {"witness.smooth", rmax * rmax <= w.big_l, Evidence::kCertified,
                   fmt::format("||X^T X|| = max row norm^2 = {} <= L", to_decimal(S(rmax * rmax), 10))},
                  {"witness.pl", rmin * rmin >= w.mu * (1 - gam), Evidence::kCertified,
                   fmt::format("PL constant = min row norm^2 = {} >= mu (up to the rounding of sqrt(mu)^2)",
                               to_decimal(S(rmin * rmin), 10))}};
  const S loss0 = S(w.y.squaredNorm()) / 2;
  const S limit = sqrt(2 * loss0 / w.mu);
  const os19::Activation<S> identity{};
  const os19::ClosestOptimumResult<S> opt =
      os19::closest_glm_optimum(w.x, w.y, identity, Vector<S>(Vector<S>::Zero(p)));
  if (!opt.ok()) {
    o.ok = false;
    o.message = opt.message;
    return o;
  }
  o.measured = widen(limit);
  o.bound = widen(opt.distance);
  o.error = widen(S(opt.residual_bound / (rmin * (1 - gam)) + gam * (limit + w.gamma)));
  o.details = {{"n", std::to_string(n)},
               {"p", std::to_string(p)},
               {"gamma", to_decimal(w.gamma, 8)},
               {"L(0)", to_decimal(loss0, 12)},
               {"d*", to_decimal(opt.distance, 12)}};
  return o;
}

template <class S>
Outcome evaluate_construction_pl(const os19::PlWitnessInstance& in) {
  const Witness<S> w = witness<S>(in);
  const Eigen::Index n = w.x.rows(), p = w.x.cols();
  const S gam = first_order_gamma<S>(n, p);
  const Vector<S> theta = as_vector<S>(in.theta);
  const Vector<S> r = w.x * theta - w.y;
  const Vector<S> grad = w.x.transpose() * r;
  Outcome o;
  o.relation = Relation::kLessEqual;
  o.hypotheses = {l_at_least_mu(w)};
  o.measured = widen(S(w.mu * r.squaredNorm()));  // 2 mu L(theta)
  o.bound = widen(S(grad.squaredNorm()));
  // Rounding: r and grad carry gamma ||X||_F (||X||_F ||theta|| + ||y||) per norm (first order, factor 8).
  const S xf = w.x.norm();
  const S mag = xf * S(theta.norm()) + S(w.y.norm());
  o.error = widen(S(gam * (2 * w.mu * S(r.norm()) * mag + 2 * S(grad.norm()) * xf * mag)));
  o.details = {{"n", std::to_string(n)},
               {"min row norm^2 / mu", to_decimal(S(w.norms.minCoeff() * w.norms.minCoeff() / w.mu), 8)}};
  return o;
}

const char* const kFurthermore =
    "Furthermore, for any mu and L obeying L >= mu >= 0, there exists a loss L such that there is no global minima "
    "over the set B(theta0, R) as long as R < sqrt(2 L(theta0)/mu).";

}  // namespace

THMCHECK_REGISTER(os19_thm5_4) {
  registry.add(typed_claim<os19::NoMinimumInstance>(
      ClaimInfo{
          .id = "os19.thm5.4",
          .paper = "os19",
          .source = "Theorem 5.4 (Section 5), first part; proof in Section 9.8.2",
          .statement = "Let L : R^p -> R be an L-smooth loss function over a ball of radius R centered around a point "
                       "theta0 (B(theta0, R)). Then there is no global minima over B(theta0, R) when R < sqrt(2 "
                       "L(theta0)/L). [Section 5 assumes L differentiable with min L = 0.]",
          .summary = "PL lower bound: no global minimum within sqrt(2 L(theta0)/L) of theta0",
          .kind = ClaimKind::kExplicit,
          .hypotheses = {{"smooth", "L-smooth over B(theta0, R)"},
                         {"radius", "R < sqrt(2 L(theta0)/L)"},
                         {"minimum.zero", "min L = 0 (Section 5's standing assumption)"}},
          .measurement = "R against d* = the distance from theta0 to the closest global minimum (no global minimum "
                         "in the closed ball <=> R < d*)",
          .generator_info = os19::kNoMinimumGeneratorInfo,
          .instance_schema = {},
          .notes =
              "Checkable here means: on losses whose global minima are located exactly (GLM least squares, zero-loss "
              "set {X theta = phi^-1(y)}, closest point by a Cholesky solve with an a-posteriori certificate) and "
              "whose smoothness over the ball is certified: L = ||X||^2 (Gamma^2 + M max |phi - y_i| on the "
              "intervals x_i^T theta0 +- ||x_i|| R) (lib/os19/local_bounds.hpp), which depends on R, so R is drawn "
              "just below the largest radius with R^2 L(R) < 2 L(theta0). For phi = identity the bound is tight "
              "(theta0 - theta* along the top right singular vector: d* = sqrt(2 L(theta0)/||X||^2)). The min L = 0 "
              "assumption matters: shifting a loss upward makes the statement false (theta0 a minimizer). "
              "The conclusion is strict (R < d*); the check accepts equality, which no drawn case reaches.",
          .proof_note = {},
          .default_cases = 200,
      },
      os19::no_minimum_generator(),
      []<class S>(const os19::NoMinimumInstance& in) { return evaluate_no_minimum<S>(in); }));

  registry.add(typed_claim<os19::PlWitnessInstance>(
      ClaimInfo{
          .id = "os19.thm5.4.construction",
          .paper = "os19",
          .source = "Theorem 5.4 (Section 5), furthermore part; the construction of Section 9.8.2",
          .statement = kFurthermore,
          .summary = "the proof's least-squares witness: L-smooth, mu-PL, closest minimum at sqrt(2 L(0)/mu)",
          .kind = ClaimKind::kExplicit,
          .hypotheses = {{"L>=mu>=0", "L >= mu >= 0"},
                         {"witness.smooth", "the witness is L-smooth (largest row norm^2 <= L)"},
                         {"witness.pl", "the witness is mu-PL (every row norm^2 >= mu)"}},
          .measurement = "sqrt(2 L(0)/mu) against the distance of the closest global minimum from theta0 = 0 (equal "
                         "for the construction: no global minimum in B(0, R) for every R < sqrt(2 L(0)/mu))",
          .generator_info = os19::kPlWitnessGeneratorInfo,
          .instance_schema = {},
          .notes =
              "An existence statement, checked on the witness the proof gives: X with orthogonal rows (Householder, "
              "lib/os19/orthogonal_rows_instance.hpp), ||x_1|| = sqrt(mu), theta* = gamma x_1/||x_1||, y = X theta*, "
              "theta0 = 0, loss 1/2 ||y - X theta||^2. Its smoothness constant is the largest row norm^2 and its PL "
              "constant the smallest (orthogonal rows), both checked; the printed statement does not say the loss "
              "must be L-smooth and mu-PL, the proof means it. mu = 0 (allowed as printed) cannot be encoded: the "
              "construction divides by ||x_1|| = sqrt(mu); the statement then asks for a loss with no global "
              "minimum at all (e.g. logistic), not checked. The witnesses are exactly tight (equality up to rounding).",
          .proof_note = {},
          .default_cases = 100,
      },
      os19::pl_witness_generator(false),
      []<class S>(const os19::PlWitnessInstance& in) { return evaluate_construction<S>(in); }));

  registry.add(typed_claim<os19::PlWitnessInstance>(
      ClaimInfo{
          .id = "os19.thm5.4.construction.as-proved",
          .paper = "os19",
          .source = "Proof of Theorem 5.4 (Section 9.8.2), the PL display of the construction",
          .statement = "Consider the least squares problem where X is a matrix with orthogonal rows. The first row x_1 "
                       "of X has length sqrt(mu) and the other rows have arbitrary lengths. [...] For any theta, "
                       "||X^T (X theta - y)||^2 = ||X^T X (theta - theta*)||^2 >= mu ||X (theta - theta*)||^2 = 2 mu L(theta).",
          .summary = "proof of Thm 5.4: the witness is mu-PL even with rows shorter than sqrt(mu) (as written)",
          .kind = ClaimKind::kExplicit,
          .hypotheses = {{"L>=mu>=0", "L >= mu >= 0"}},
          .measurement = "2 mu L(theta) against ||grad L(theta)||^2",
          .generator_info = os19::kPlWitnessGeneratorInfo,
          .instance_schema = {},
          .notes = "The proof allows the other rows arbitrary lengths; the PL constant of the witness is the "
                   "smallest row norm^2, so a row shorter than sqrt(mu) breaks the display along that row. Generator: "
                   "some rows below sqrt(mu), theta - theta* along a short row. The theorem is unaffected (rows of "
                   "norm >= sqrt(mu) give a valid witness: os19.thm5.4.construction).",
          .proof_note = {},
          .default_cases = 100,
      },
      os19::pl_witness_generator(true),
      []<class S>(const os19::PlWitnessInstance& in) { return evaluate_construction_pl<S>(in); }));
}

}  // namespace thmcheck::checks
