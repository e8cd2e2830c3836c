#include "thmcheck/os19/sgd_step_instance.hpp"

#include <fmt/format.h>

#include <Eigen/QR>
#include <Eigen/SVD>
#include <algorithm>
#include <cmath>
#include <cstdint>

#include "thmcheck/generators/random_data.hpp"
#include "thmcheck/os19/glm_gd_instance.hpp"

namespace thmcheck::os19 {

const char* const kSgdStepGeneratorInfo =
    "n in [1, 10], p = max(n, 2) + [0, 30], cond(X) in [1, 1000], ||X|| in [0.1, 10]; phi identity / "
    "tanh_plus c in [-0.5, 1.5] / leaky_softplus a in [0.05, 1]; theta0 near a solution, far, 0, or with r0 "
    "along the least singular direction of X; nu = 3 (20%), "
    "[3, 20] (50%), [20, 600]; theta (inside focus) = theta0, an anchor, on the distance boundary of B(nu/2) "
    "(0.95..0.9999 of the radius) or with r(theta) along the least singular direction at up to 0.9999 "
    "(nu/3) ||r0||; (outside focus) 1.0001..1.1 times the distance radius or the residual bound; anchors "
    "theta0 and theta0 +- 1.2 eps q_j, or (half) theta0 + 1.2 eps (0.8 q_1 +- 0.6 q_j), q_1 along J^T r, "
    "K = ceil(sqrt(n beta/alpha)) + [0, 4] or (a third) ceil(sqrt(n) beta/alpha), at most 2p + 1; "
    "eta_fraction 1 (50%), 1e-3..1 (30%), 1..3 (20%, outside).";

std::vector<HypothesisSpec> sgd_lemma_hypotheses(const std::string& step, bool packing) {
  std::vector<HypothesisSpec> h = {{"assumption1", "Assumption 1 over D = B(nu) (certified local GLM constants)"},
                                   {"row.bound", "max_i ||J_i(theta)|| <= B over D"},
                                   {"assumption2b", "Assumption 2(b) over D"},
                                   {"nu", "nu >= 3"},
                                   {"step", "eta <= " + step}};
  if (packing) h.push_back({"packing", "K >= sqrt(n beta/alpha); pairwise >= eps; all within R_p of theta0"});
  return h;
}

void SgdStepInstance::check() const {
  if (x.empty() || x.front().empty()) throw InputError("field 'X': empty");
  const size_t n = x.size(), p = x.front().size();
  if (n > p) throw InputError(fmt::format("field 'X': n = {} > p = {}", n, p));
  if (y.size() != n) throw InputError(fmt::format("field 'y': length {} != n = {}", y.size(), n));
  if (theta0.size() != p) throw InputError(fmt::format("field 'theta0': length {} != p = {}", theta0.size(), p));
  if (theta.size() != p) throw InputError(fmt::format("field 'theta': length {} != p = {}", theta.size(), p));
  for (size_t l = 0; l < anchors.size(); ++l) {
    if (anchors[l].size() != p) throw InputError(fmt::format("field 'anchors'[{}]: length != p = {}", l, p));
  }
  phi.check();
  if (!(nu.as<double>() >= 3)) throw InputError("field 'nu': must be >= 3");
  check_step_fields(eta, eta_fraction);
}

namespace {

struct StepParams {
  int n, p_extra, log_cond, log_scale, phi_kind, phi_param, start_mode, nu_mode, nu_param, theta_mode, k_extra,
      layout, step_mode, step_param;
  std::uint64_t seed;
};

/// Q (p x p orthogonal) with first column v/||v|| (any when v = 0).
Matrix<double> basis_along(const Vector<double>& v, RandomSource& rng) {
  const Eigen::Index p = v.size();
  Matrix<double> m = gaussian_matrix(p, p, rng);
  if (v.norm() > 0) m.col(0) = v;
  Eigen::HouseholderQR<Matrix<double>> qr(m);
  Matrix<double> q = qr.householderQ() * Matrix<double>::Identity(p, p);
  if (q.col(0).dot(v) < 0) q.col(0) *= -1;
  return q;
}

SgdStepInstance make_instance(const StepParams& q, SgdStepFocus focus) {
  RandomSource rng(q.seed);
  const int n = q.n, p = std::max(n, 2) + q.p_extra;
  Matrix<double> xm = matrix_with_condition(n, p, std::pow(10.0, q.log_cond / 4.0), rng) *
                      std::pow(10.0, q.log_scale / 4.0);
  SgdStepInstance in;
  in.x = decimal_rows(xm, 12);
  Activation<double> phi;
  if (q.phi_kind == 0) {
    in.phi = identity_spec();
  } else if (q.phi_kind == 1) {
    const std::string c = short_decimal(-0.5 + 0.2 * q.phi_param, 6);
    in.phi = tanh_plus_spec(c);
    phi = {ActivationKind::kTanhPlus, std::stod(c)};
  } else {
    const std::string a = short_decimal(0.05 + 0.095 * q.phi_param, 6);
    in.phi = leaky_softplus_spec(a);
    phi = {ActivationKind::kLeakySoftplus, std::stod(a)};
  }
  Vector<double> theta0 = gaussian_vector(p, rng) / std::sqrt(static_cast<double>(p));
  Vector<double> y;
  if (q.start_mode == 0) {
    y = xm * (theta0 + 0.1 * random_unit_vector(p, rng));
    for (int i = 0; i < n; ++i) y(i) = phi.value(y(i));
  } else if (q.start_mode == 1) {
    theta0 *= 10;
    y = 10 * gaussian_vector(n, rng);
  } else if (q.start_mode == 2) {
    theta0.setZero();
    y = gaussian_vector(n, rng);
  } else {
    // r0 along the least singular direction of X: ||J^T r0|| / ||r0|| is smallest
    // there, where Lemma 9.9's allowance (3 eta/n) ||J^T r|| is smallest.
    Eigen::JacobiSVD<Matrix<double>> svd(xm, Eigen::ComputeThinU);
    y = (xm * theta0).unaryExpr([&](double z) { return phi.value(z); }) -
        std::pow(10.0, rng.uniform(-1, 1)) * rng.sign() * Vector<double>(svd.matrixU().col(n - 1));
  }
  in.theta0 = decimal_reals(theta0, 12);
  in.y = decimal_reals(y, 12);
  theta0 = as_vector<double>(in.theta0);
  y = as_vector<double>(in.y);
  double nu = 3;
  if (q.nu_mode == 1) nu = 3 * std::pow(20.0 / 3.0, q.nu_param / 100.0);
  if (q.nu_mode == 2) nu = 20 * std::pow(30.0, q.nu_param / 100.0);
  in.nu = Real::parse(short_decimal(nu, 6));
  nu = in.nu.as<double>();
  const GlmModel<double> model(xm, y, phi);
  const double r0 = model.residual(theta0).norm();
  const JacobianBounds<double> b = glm_sgd_ball_bounds(xm, phi, theta0, nu, r0);
  const double alpha = std::max(b.alpha, 1e-300), eps = r0 / alpha;
  // theta.
  const double frac = rng.uniform();
  const bool outside = focus == SgdStepFocus::kOutside;
  const int mode = outside ? 4 + q.theta_mode % 2 : q.theta_mode;
  Vector<double> theta = theta0;
  Matrix<double> basis = basis_along(model.gradient(theta0), rng);
  const double rho = 1.2 * eps;
  if (mode == 1) theta = theta0 + rho * basis.col(0);
  if (mode == 2 || mode == 4) {
    const double s = mode == 2 ? 0.95 + 0.0499 * frac : 1.0001 + 0.1 * frac;
    theta = theta0 + s * nu / 2 * eps * random_unit_vector(p, rng);
  }
  if (mode == 3 || mode == 5) {
    Eigen::JacobiSVD<Matrix<double>> svd(xm, Eigen::ComputeThinU | Eigen::ComputeThinV);
    const Vector<double> umin = svd.matrixU().col(n - 1) * rng.sign();
    const double s = mode == 3 ? 0.99 + 0.0099 * frac : 1.0001 + 0.05 * frac;
    double c = s * nu / 3 * r0;
    for (int k = 0; k < 40; ++k) {
      Vector<double> z(n);
      for (int i = 0; i < n; ++i) z(i) = invert(phi, y(i) + c * umin(i)).z;
      const Vector<double> rhs = svd.matrixU().transpose() * (z - xm * theta0);
      theta = theta0 + svd.matrixV() * rhs.cwiseQuotient(svd.singularValues());
      if ((theta - theta0).norm() <= 0.9999 * nu / 2 * eps) break;
      c *= 0.9;
    }
  }
  in.theta = decimal_reals(theta, 12);
  theta = as_vector<double>(in.theta);
  if (mode >= 2) basis = basis_along(model.gradient(theta), rng);
  // Anchors: theta0 and, symmetric layout, theta0 +- rho q_j (pairwise >= 1.2 eps);
  // one-sided layout, theta0 + rho (0.8 q_1 +- 0.6 q_j), j >= 2 (pairwise >= 1.018 eps),
  // all on the side where ||theta - p_l|| grows along -G; rho = 1.2 eps <= R_p.
  const bool one_sided = q.layout == 1;
  // k_extra = 3: the proof's count sqrt(n) beta/alpha (Lemma 9.9's as-proved sibling).
  const double kmin = q.k_extra == 3 ? std::ceil(std::sqrt(n) * b.beta / alpha * (1 + 1e-9))
                                     : std::ceil(std::sqrt(n * b.beta / alpha) * (1 + 1e-9));
  const int k = static_cast<int>(std::min(one_sided ? 2.0 * p - 1 : 2.0 * p + 1, kmin + q.k_extra % 3));
  for (int l = 0; l < k; ++l) {
    Vector<double> a = theta0;
    const double sign = l % 2 == 1 ? 1.0 : -1.0;
    const int j = (l - 1) / 2;
    if (l > 0 && one_sided) a += rho * (0.8 * basis.col(0) + sign * 0.6 * basis.col(1 + j));
    if (l > 0 && !one_sided) a += sign * rho * basis.col(j);
    in.anchors.push_back(decimal_reals(a, 15));
  }
  double fraction = 1;
  if (q.step_mode == 1) fraction = std::pow(10.0, -3.0 * q.step_param / 1000.0);
  if (q.step_mode == 2) fraction = 1 + 2.0 * q.step_param / 1000.0;
  in.eta_fraction = Real::parse(short_decimal(fraction, 6));
  return in;
}

}  // namespace

rc::Gen<SgdStepInstance> sgd_step_generator(SgdStepFocus focus) {
  auto params = rc::gen::build<StepParams>(
      rc::gen::set(&StepParams::n, rc::gen::inRange(1, 11)),
      rc::gen::set(&StepParams::p_extra, rc::gen::inRange(0, 31)),
      rc::gen::set(&StepParams::log_cond, rc::gen::inRange(0, 13)),
      rc::gen::set(&StepParams::log_scale, rc::gen::inRange(-4, 5)),
      rc::gen::set(&StepParams::phi_kind, rc::gen::weightedElement<int>({{4, 0}, {3, 1}, {3, 2}})),
      rc::gen::set(&StepParams::phi_param, rc::gen::inRange(0, 11)),
      rc::gen::set(&StepParams::start_mode, rc::gen::inRange(0, 4)),
      rc::gen::set(&StepParams::nu_mode, rc::gen::weightedElement<int>({{2, 0}, {5, 1}, {3, 2}})),
      rc::gen::set(&StepParams::nu_param, rc::gen::inRange(0, 101)),
      rc::gen::set(&StepParams::theta_mode, rc::gen::inRange(0, 4)),
      rc::gen::set(&StepParams::k_extra, rc::gen::weightedElement<int>({{6, 0}, {1, 1}, {1, 2}, {1, 4}, {4, 3}})),
      rc::gen::set(&StepParams::layout, rc::gen::inRange(0, 2)),
      rc::gen::set(&StepParams::step_mode, rc::gen::weightedElement<int>({{5, 0}, {3, 1}, {2, 2}})),
      rc::gen::set(&StepParams::step_param, rc::gen::inRange(1, 1001)),
      rc::gen::set(&StepParams::seed, rc::gen::arbitrary<std::uint64_t>()));
  return rc::gen::map(params, [focus](const StepParams& q) { return make_instance(q, focus); });
}

template <class S>
SgdStepProblem<S>::SgdStepProblem(const SgdStepInstance& in)
    : x(as_matrix<S>(in.x)),
      n(x.rows()),
      p(x.cols()),
      y(as_vector<S>(in.y)),
      theta0(as_vector<S>(in.theta0)),
      theta(as_vector<S>(in.theta)),
      phi(in.phi.at<S>()),
      model(x, y, phi),
      nu(in.nu.as<S>()),
      mb(matrix_bounds(x)),
      r0(model.residual(theta0).norm()),
      u(unit_roundoff<S>()),
      eta_given(in.eta),
      eta_fraction(in.eta_fraction) {
  for (const auto& a : in.anchors) anchors.push_back(as_vector<S>(a));
  b = glm_sgd_ball_bounds(x, phi, theta0, nu, r0);
  eps = b.alpha > 0 ? S(r0 / b.alpha) : S(0);
  dist = (theta - theta0).norm();
  r = model.residual(theta).norm();
  hyps.push_back({"assumption1", b.alpha > 0, Evidence::kCertified,
                  "alpha = " + to_decimal(b.alpha, 8) + ", beta = " + to_decimal(b.beta, 8) + " over D: " +
                      b.derivation});
  hyps.push_back({"row.bound", true, Evidence::kCertified, "B = " + to_decimal(b.row_bound, 8) + " over D"});
  hyps.push_back({"assumption2b", true, Evidence::kCertified,
                  "L = M ||X||_2,inf ||X|| = " + to_decimal(b.lipschitz, 8) + " on R^p"});
  hyps.push_back({"nu", nu >= 3, Evidence::kCertified, "nu = " + to_decimal(nu, 6)});
}

template <class S>
HypothesisCheck SgdStepProblem<S>::in_half_ball() const {
  using std::abs;
  const S radius = nu / 2 * eps, rmax = nu / 3 * r0;
  const S tol = 16 * S(static_cast<double>(n + p + 10)) * u;
  const bool holds = b.alpha > 0 && dist <= radius && r <= rmax;
  const bool near = abs(dist - radius) <= tol * (dist + radius + theta.norm()) || abs(r - rmax) <= tol * (r + rmax + y.norm());
  return {"theta.in.B(nu/2)", holds, near ? Evidence::kEstimated : Evidence::kCertified,
          "||theta - theta0|| = " + to_decimal(dist, 8) + " vs (nu/2)||r0||/alpha = " + to_decimal(radius, 8) +
              ", ||r(theta)|| = " + to_decimal(r, 8) + " vs (nu/3)||r0|| = " + to_decimal(rmax, 8)};
}

template <class S>
HypothesisCheck SgdStepProblem<S>::packing(bool proof_count) const {
  using std::pow;
  using std::sqrt;
  const auto k = static_cast<Eigen::Index>(anchors.size());
  const S sn = sqrt(S(static_cast<double>(n)));
  const S kmin = !(b.alpha > 0) ? S(0) : proof_count ? S(sn * b.beta / b.alpha) : S(sqrt(S(static_cast<double>(n)) * b.beta / b.alpha));
  const S rp = b.alpha > 0 ? S(S(5) / 4 * pow(b.beta / b.alpha, S(1) / S(static_cast<double>(p))) * eps) : S(0);
  S min_pair = -1, max_center = 0;
  for (Eigen::Index l = 0; l < k; ++l) {
    max_center = std::max(max_center, S((anchors[l] - theta0).norm()));
    for (Eigen::Index m = l + 1; m < k; ++m) {
      const S d = (anchors[l] - anchors[m]).norm();
      if (min_pair < 0 || d < min_pair) min_pair = d;
    }
  }
  const bool holds = b.alpha > 0 && S(static_cast<double>(k)) >= kmin && (k < 2 || min_pair >= eps) &&
                     max_center <= rp;
  return {"packing", holds, Evidence::kCertified,
          fmt::format("K = {} vs {} = {}; min pairwise distance {} vs eps = {}; max ||p_l - theta0|| "
                      "= {} vs R_p = {}",
                      k, proof_count ? "sqrt(n) beta/alpha" : "sqrt(n beta/alpha)", to_decimal(kmin, 6), to_decimal(min_pair, 8), to_decimal(eps, 8), to_decimal(max_center, 8),
                      to_decimal(rp, 8))};
}

template <class S>
S SgdStepProblem<S>::limit_9_8() const {
  using std::min;
  const S &alpha = b.alpha, &beta = b.beta, &bb = b.row_bound, &lip = b.lipschitz;
  const S first = alpha * alpha / (bb * beta);
  const S m = lip > 0 ? min(first, S(3 * alpha * alpha / (nu * lip * r0))) : first;
  return m / (2 * beta * bb);
}

template <class S>
S SgdStepProblem<S>::limit_9_9() const {
  using std::min;
  return min(limit_9_8(), S(3 / (nu * b.row_bound * b.row_bound)));
}

template <class S>
S SgdStepProblem<S>::limit_9_11() const {
  const S &alpha = b.alpha, &beta = b.beta, &bb = b.row_bound, &lip = b.lipschitz;
  return alpha * alpha / (nu * beta * beta * bb * bb + nu * beta * bb * lip * r0);
}

template <class S>
StepChoice<S> SgdStepProblem<S>::step(const S& limit, const std::string& formula) const {
  StepChoice<S> c = choose_step(eta_given, eta_fraction, limit, mb);
  c.hypothesis.detail = "eta = " + to_decimal(c.eta, 8) + ", limit " + formula + " = " + to_decimal(limit, 8);
  return c;
}

template <class S>
typename SgdStepProblem<S>::Potential SgdStepProblem<S>::potential(const S& eta) const {
  const SgdStep<S> s = sgd_step(model, theta, eta);
  S far = theta.norm() + theta0.norm();
  for (const auto& a : anchors) far = std::max(far, S(a.norm()));
  for (const auto& t : s.next) far = std::max(far, S(t.norm()));
  const S gam = 16 * S(static_cast<double>(n + p + 10)) * u;
  Potential v;
  v.v = 12 * s.r + b.alpha * anchor_distance(theta, anchors);
  v.ev = 12 * s.mean_r + b.alpha * mean_anchor_distance(s, anchors);
  // 12 times two misfit norms (s.error each); alpha times distances, each with
  // relative error gamma of ||theta^+|| + ||p_l||.
  v.error = 24 * s.error + 4 * gam * b.alpha * far;
  return v;
}

template <class S>
std::vector<std::pair<std::string, std::string>> SgdStepProblem<S>::details(const S& eta) const {
  return {{"n", std::to_string(n)},
          {"p", std::to_string(p)},
          {"K", std::to_string(anchors.size())},
          {"phi", phi.describe()},
          {"alpha", to_decimal(b.alpha, 8)},
          {"beta", to_decimal(b.beta, 8)},
          {"B", to_decimal(b.row_bound, 8)},
          {"L", to_decimal(b.lipschitz, 8)},
          {"nu", to_decimal(nu, 6)},
          {"eta", to_decimal(eta, 8)},
          {"||r0||", to_decimal(r0, 8)},
          {"||theta - theta0|| / eps", to_decimal(S(eps > 0 ? S(dist / eps) : S(0)), 8)},
          {"||r(theta)|| / ||r0||", to_decimal(S(r0 > 0 ? S(r / r0) : S(0)), 8)}};
}

template struct SgdStepProblem<double>;
template struct SgdStepProblem<Mp50>;
template struct SgdStepProblem<Mp100>;

}  // namespace thmcheck::os19
