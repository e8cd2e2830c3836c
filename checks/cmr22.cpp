// Claims of Chou, Maly & Rauhut (2022), "More is less: inducing sparsity via
// overparameterization" (cmr22).
//
//   cmr22.thm1.1   Theorem 1.1, (9)-(10): l1 gap of the (u, v) flow's limit <= c_L (||u0||_L^L + ||v0||_L^L)
//   cmr22.thm2.1   Theorem 2.1, (16)-(17): positive case, gap over S+ <= c_L ||x0||_L^L
//   cmr22.thm2.2   Theorem 2.2 (19) / 3.1 (36): flow limit = argmin over S+ of g_{x~(0)} (+ .as-proved: of D_F(., x~(0)))
//   cmr22.lem2.6   Lemma 2.6, (22): d/dt D_F(z, x~(t)) = -2L L(x~(t))^{1/L} = -L ||A x~ - y||^2, same for all z in S+
//   cmr22.lemA.2   Lemma A.2: identical factors stay identical, and the dynamics is x' = -grad L(x)
//   cmr22.lemA.2.as-proved  the same with the dynamics the proof derives, x' = -[A^T r] (.) x^{L-1}
//
// The flow limits are computed by integrating the flow in dual coordinates
// (lib/cmr22/mirror_flow.hpp: an exact change of variables, integrated by an
// L-stable adaptive Rosenbrock method until a residual/change certificate
// holds); Lemmas 2.6 and A.2 integrate the flows directly with Odeint's
// adaptive Dormand-Prince method. l1 minima come from GLPK's simplex (its
// rational simplex where the double basis does not certify, up to 200
// columns), the optimal basis certified at the working precision.
#include <fmt/format.h>
#include <rapidcheck.h>

#include <boost/math/constants/constants.hpp>
#include <cmath>
#include <vector>

#include "checks/catalog.hpp"
#include "thmcheck/engine/registry.hpp"
#include "thmcheck/cmr22/bregman_argmin.hpp"
#include "thmcheck/cmr22/factorized_loss.hpp"
#include "thmcheck/cmr22/flow_limit.hpp"
#include "thmcheck/cmr22/gradient_flow.hpp"
#include "thmcheck/cmr22/l1_minimization.hpp"
#include "thmcheck/cmr22/limit_options.hpp"
#include "thmcheck/cmr22/mirror_flow.hpp"
#include "thmcheck/generators/random_data.hpp"
#include "thmcheck/numerics/linalg.hpp"
#include "thmcheck/solvers/gradient_descent.hpp"

namespace thmcheck::checks {

/// c_L of cmr22 (10)/(17): L/2 + e for L = 2, L/2 + (L/2)^{L/(L-2)} for L > 2.
template <class S>
S cmr22_c_l(int depth) {
  using std::pow;
  const S half = S(depth) / 2;
  if (depth == 2) return half + boost::math::constants::e<S>();
  return half + pow(half, S(depth) / S(depth - 2));
}
template double cmr22_c_l<double>(int);
template Mp50 cmr22_c_l<Mp50>(int);
template Mp100 cmr22_c_l<Mp100>(int);

namespace {

using cmr22::FlowStatus;

// ---------------------------------------------------------------------------
// Shared generator pieces.

struct DataParams {
  int n;             // N in [2, 1000] (see dimension)
  int m_fraction;    // M = max(1, round(N * m_fraction / 10)), kept < N
  int matrix_kind;   // 0 Gaussian/sqrt(M), 1 Rademacher/sqrt(M), 2 near-parallel columns, 3 near-dependent rows
  int truth_kind;    // 0 sparse, 1 dense, 2 (signed only) y Gaussian: no sparse solution
  int sparsity;      // s = 1 + sparsity % max(1, M/2)
  int depth;         // L in {2, 3, 4, 5}
  int init_exp;      // alpha^L = 10^-init_exp, init_exp in [1, 30]
  int init_kind;     // 0 identical alpha 1, 1 random positive alpha * U(0.5, 2)
  std::uint64_t seed;
};

/// Largest N of the generators, and the cap on M above N = 40: one flow step
/// forms and factors A diag(phi') A^T (M^2 N), so M <= 150 (Figure 4b's M at
/// N = 1000) keeps a large case at about a minute (bench/cmr22_flow_vs_gd sizes).
constexpr int kLargestN = 1000;
constexpr int kLargeCaseRows = 150;

/// N: uniform on [2, max_n] (7/8), or log-uniform on (max_n, 1000] (1/8).
rc::Gen<int> dimension(int max_n) {
  const double lo = std::log(double(max_n + 1)), hi = std::log(double(kLargestN));
  return rc::gen::weightedOneOf<int>(
      {{7, rc::gen::inRange(2, max_n + 1)},
       {1, rc::gen::map(rc::gen::inRange(0, 1001), [lo, hi](int k) {
          return static_cast<int>(std::lround(std::exp(lo + (hi - lo) * k / 1000.0)));
        })}});
}

rc::Gen<DataParams> data_params(int max_n) {
  return rc::gen::build<DataParams>(
      rc::gen::set(&DataParams::n, dimension(max_n)),
      rc::gen::set(&DataParams::m_fraction, rc::gen::inRange(1, 10)),
      rc::gen::set(&DataParams::matrix_kind, rc::gen::weightedElement<int>({{5, 0}, {2, 1}, {1, 2}, {1, 3}})),
      rc::gen::set(&DataParams::truth_kind, rc::gen::inRange(0, 3)),
      rc::gen::set(&DataParams::sparsity, rc::gen::inRange(0, 20)),
      rc::gen::set(&DataParams::depth, rc::gen::inRange(2, 6)),
      rc::gen::set(&DataParams::init_exp, rc::gen::inRange(1, 31)),
      rc::gen::set(&DataParams::init_kind, rc::gen::inRange(0, 2)),
      rc::gen::set(&DataParams::seed, rc::gen::arbitrary<std::uint64_t>()));
}

int rows_of(const DataParams& q) {
  const int m = static_cast<int>(std::lround(q.n * q.m_fraction / 10.0));
  return std::clamp(m, 1, q.n > 40 ? std::min(q.n - 1, kLargeCaseRows) : q.n - 1);
}

/// A (decimal, 17 digits) as Json and as the doubles it denotes.
Matrix<double> make_matrix(const DataParams& q, int m, RandomSource& rng, Json& out) {
  const int n = q.n;
  Matrix<double> a(m, n);
  const double scale = 1.0 / std::sqrt(double(m));
  for (int i = 0; i < m; ++i) {
    for (int k = 0; k < n; ++k) a(i, k) = (q.matrix_kind == 1 ? rng.sign() : rng.gaussian()) * scale;
  }
  if (q.matrix_kind == 2 && n >= 2) {
    for (int i = 0; i < m; ++i) a(i, 1) = a(i, 0) * (1 + 1e-6 * rng.gaussian());
  }
  if (q.matrix_kind == 3 && m >= 2) {
    for (int k = 0; k < n; ++k) a(m - 1, k) = a(0, k) + 1e-6 * rng.gaussian() * scale;
  }
  Json rows = Json::array();
  for (int i = 0; i < m; ++i) {
    Json row = Json::array();
    for (int k = 0; k < n; ++k) {
      std::string s = short_decimal(a(i, k));
      a(i, k) = std::stod(s);
      row.push_back(s);
    }
    rows.push_back(row);
  }
  out = rows;
  return a;
}

/// Ground truth: s-sparse or dense, signed or non-negative (||x*||_2 = 1).
Vector<double> make_truth(const DataParams& q, int m, bool positive, RandomSource& rng) {
  const int n = q.n;
  Vector<double> x = Vector<double>::Zero(n);
  if (q.truth_kind == 0) {
    const int s = 1 + q.sparsity % std::max(1, m / 2);
    std::vector<int> idx(n);
    for (int i = 0; i < n; ++i) idx[i] = i;
    for (int i = 0; i < s; ++i) std::swap(idx[i], idx[i + rng.integer(0, n - 1 - i)]);
    for (int i = 0; i < s; ++i) x(idx[i]) = rng.gaussian();
  } else {
    x = gaussian_vector(n, rng);
  }
  if (positive) {
    // A floor of 1e-10 keeps x* strictly inside the orthant, so that the
    // decimal (17-digit) y stays inside cone(A) and S+ is non-empty for the
    // instance as written (exactly sparse x* can land outside after rounding).
    x = x.cwiseAbs();
    x = x / std::max(x.norm(), 1e-300);
    return (x.array() + 1e-10).matrix();
  }
  return x / std::max(x.norm(), 1e-300);
}

Json decimal_vector(const Vector<double>& v, int digits = 17) {
  Json out = Json::array();
  for (Eigen::Index i = 0; i < v.size(); ++i) out.push_back(short_decimal(v(i), digits));
  return out;
}

Vector<double> make_init(const DataParams& q, RandomSource& rng) {
  const double alpha = std::pow(10.0, -double(q.init_exp) / q.depth);
  Vector<double> v(q.n);
  for (int i = 0; i < q.n; ++i) v(i) = q.init_kind == 0 ? alpha : alpha * rng.uniform(0.5, 2.0);
  return v;
}

/// Instance of Theorem 1.1 (signed = true) or 2.1 (signed = false).
Json gap_instance(const DataParams& q, bool signed_case) {
  RandomSource rng(q.seed);
  const int m = rows_of(q);
  Json j;
  Json a_json;
  Matrix<double> a = make_matrix(q, m, rng, a_json);
  j["A"] = a_json;
  j["L"] = q.depth;
  Vector<double> y;
  if (signed_case && q.truth_kind == 2) {
    y = gaussian_vector(m, rng);  // generic y: S is an (N-M)-dimensional affine space, no sparse point
  } else {
    y = a * make_truth(q, m, !signed_case, rng);
  }
  j["y"] = decimal_vector(y);
  if (signed_case) {
    j["u0"] = decimal_vector(make_init(q, rng), 8);
    j["v0"] = decimal_vector(make_init(q, rng), 8);
  } else {
    j["x0"] = decimal_vector(make_init(q, rng), 8);
  }
  return j;
}

void validate_gap(const Json& j, bool signed_case) {
  auto [m, n] = matrix_shape(j, "A");
  if (m < 1 || n < 1) throw InputError("field 'A': must be non-empty");
  read_matrix<double>(j, "A");
  read_vector<double>(j, "y", m);
  read_integer(j, "L", 2, 64);
  for (const char* key : signed_case ? std::vector<const char*>{"u0", "v0"} : std::vector<const char*>{"x0"}) {
    Vector<double> v = read_vector<double>(j, key, n);
    for (Eigen::Index i = 0; i < n; ++i) {
      if (!(v(i) > 0)) throw InputError(fmt::format("field '{}'[{}]: must be positive", key, i));
    }
  }
}

/// Options of the dual-coordinate flow at precision S. Path errors do not move
/// the limit (see mirror_flow.hpp), so the local tolerance is loose; the
/// certificate tolerance is u^{3/4} (1 + ||y||_1), i.e. 1.7e-12 in double,
/// 1e-38 at 50 digits, 1e-75 at 100 digits (times the data scale).
template <class S>
cmr22::MirrorFlowOptions<S> limit_options(const Vector<S>& y) {
  return cmr22::limit_flow_options(y);  // lib/cmr22/limit_options.hpp
}

/// First-order rounding error of x~ = phi(w) in l1 (mirror_flow.hpp's map):
/// L = 2: u~ = u~0 exp(-4w) carries relative error ~ (4|w| + 2) u;
/// L > 2: u~ = base^{-L/(L-2)}, base = u~0^{(2-L)/L} + L(L-2) w, whose
/// cancellation amplifies u by (|u~0^{(2-L)/L}| + L(L-2)|w|) / base, and the
/// power by L/(L-2). Summed over coordinates (and the v part).
template <class S>
S map_rounding(const cmr22::MirrorMap<S>& map, const Vector<S>& w) {
  using std::abs;
  using std::pow;
  const S u = unit_roundoff<S>();
  const S l(map.depth);
  S total = 0;
  auto part = [&](const Vector<S>& p0, const S& sign) {
    for (Eigen::Index i = 0; i < w.size(); ++i) {
      const S wi = sign * w(i);
      if (map.depth == 2) {
        total += p0(i) * exp(-4 * wi) * (4 * abs(wi) + 2) * u;
      } else {
        const S b = pow(p0(i), (2 - l) / l);
        const S base = b + l * (l - 2) * wi;
        total += pow(base, -l / (l - 2)) * (l / (l - 2)) * (b + l * (l - 2) * abs(wi)) / base * u * 2;
      }
    }
  };
  part(map.u0_power, S(1));
  if (map.signed_case()) part(map.v0_power, S(-1));
  return total;
}

/// A flow end point that can be measured: certified, or stopped by max_steps /
/// max_time with a finite state (its residual and change then enter the
/// error estimate, and the ladder decides whether that resolves the margin).
template <class S>
bool measurable(const cmr22::MirrorFlowResult<S>& flow) {
  if (flow.ok()) return true;
  const bool budget = flow.status == FlowStatus::kMaxSteps || flow.status == FlowStatus::kMaxTime;
  return budget && flow.product.allFinite() && is_finite(flow.residual_norm) && flow.change >= 0 &&
         is_finite(flow.change);
}

template <class S>
Outcome evaluate_gap(const Json& j, bool signed_case) {
  using std::sqrt;
  const Matrix<S> a = read_matrix<S>(j, "A");
  const Eigen::Index m = a.rows(), n = a.cols();
  const Vector<S> y = read_vector<S>(j, "y", m);
  const int depth = static_cast<int>(read_integer(j, "L", 2, 64));
  cmr22::MirrorMap<S> map;
  map.depth = depth;
  Outcome o;
  HypothesisCheck positive{"init.positive", true, Evidence::kCertified, ""};
  if (signed_case) {
    const Vector<S> u0 = read_vector<S>(j, "u0", n), v0 = read_vector<S>(j, "v0", n);
    positive.holds = (u0.array() > 0).all() && (v0.array() > 0).all();
    positive.detail = "u0 > 0 and v0 > 0 entrywise";
    map.u0_power = cmr22::hadamard_power(u0, depth);
    map.v0_power = cmr22::hadamard_power(v0, depth);
  } else {
    const Vector<S> x0 = read_vector<S>(j, "x0", n);
    positive.holds = (x0.array() > 0).all();
    positive.detail = "x0 > 0 entrywise";
    map.u0_power = cmr22::hadamard_power(x0, depth);
  }
  HypothesisCheck depth_ok{"L>=2", depth >= 2, Evidence::kCertified, fmt::format("L = {}", depth)};
  const S init_size = map.u0_power.sum() + (signed_case ? S(map.v0_power.sum()) : S(0));

  auto lp = cmr22::l1_minimize<S>(a, y, !signed_case);
  HypothesisCheck nonempty{signed_case ? "S.nonempty" : "S+.nonempty", false, Evidence::kEstimated, ""};
  if (lp.status == cmr22::L1Status::kInfeasible) {
    nonempty.detail = lp.exact_simplex_used ? "GLPK's exact simplex reports the LP infeasible"
                                            : "GLPK's simplex (double, tolerance 1e-12) reports the LP infeasible";
    o.hypotheses = {positive, depth_ok, nonempty};
    o.ok = false;
    o.message = "the solution set is empty (outside the theorem's hypothesis)";
    return o;
  }
  if (!lp.ok()) {
    o.ok = false;
    o.message = "l1 minimization: " + lp.message;
    return o;
  }
  nonempty.holds = true;
  nonempty.evidence = lp.certified ? Evidence::kCertified : Evidence::kEstimated;
  nonempty.detail = fmt::format("l1 minimizer found; primal infeasibility {} at this precision",
                                to_decimal(lp.primal_infeasibility, 3));

  auto flow = cmr22::certified_flow_limit<S>(a, y, map);
  if (!measurable(flow)) {
    o.ok = false;
    o.message = fmt::format("flow: {} ({}) after {} steps, residual {}", to_string(flow.status),
                            flow.message, flow.steps, to_decimal(flow.residual_norm, 3));
    return o;
  }
  const S limit_l1 = flow.product.template lpNorm<1>();
  const S c_l = cmr22_c_l<S>(depth);
  o.relation = Relation::kLessEqual;
  o.measured = widen(S(limit_l1 - lp.value));
  o.bound = widen(S(c_l * init_size));
  // Error of the margin (estimated, stated in the claim notes):
  //  * 2 x the last checkpoint change of x~ (t >= 2 t_c): remaining motion of the limit;
  //  * sqrt(N) ||r|| / sigma_min(A): l1 distance from x~(T) to S (x~(T) is the
  //    exact limit for data A x~(T), so this bounds what the residual hides);
  //  * the LP value error; rounding of the norms (4 N u ||x~||_1).
  const S sigma = smallest_singular_value<S>(a);
  const S u = unit_roundoff<S>();
  const S distance = sigma > 0 ? S(sqrt(S(n)) * flow.residual_norm / sigma) : S(flow.residual_norm * 1e300);
  const S rounding = map_rounding<S>(map, Vector<S>(a.transpose() * flow.lambda));
  o.error = widen(S(2 * abs(flow.change) + distance + lp.value_error + rounding +
                    4 * S(n) * u * (limit_l1 + abs(lp.value))));
  o.hypotheses = {positive, depth_ok, nonempty};
  o.details = {{"N", std::to_string(n)},
               {"M", std::to_string(m)},
               {"L", std::to_string(depth)},
               {"flow status", to_string(flow.status)},
               {"flow steps", std::to_string(flow.steps)},
               {"flow steps in double before (warm start)", std::to_string(flow.warm_start_steps)},
               {"flow rejected", std::to_string(flow.rejected_steps)},
               {"flow time", to_decimal(flow.time, 3)},
               {"residual ||A x~ - y||", to_decimal(flow.residual_norm, 3)},
               {"last change", to_decimal(flow.change, 3)},
               {"min l1", to_decimal(lp.value, 12)},
               {"||x~_inf||_1", to_decimal(limit_l1, 12)},
               {"init size", to_decimal(init_size, 6)},
               {"gap / bound", to_decimal(S(o.bound > 0 ? S((limit_l1 - lp.value) / (c_l * init_size)) : S(0)), 6)},
               {"l1 certified", lp.certified ? "yes" : "no"}};
  return o;
}

// ---------------------------------------------------------------------------
// Theorem 2.2 / 3.1: the flow limit is the argmin of g_{x~(0)} over S+ (19)
// (or of g_{u~(0)}(z+) + g_{v~(0)}(z-) over S+- (36)). as_proved: the argmin
// of D_F(., x~(0)), the line of the proof before g is substituted.

template <class S>
Outcome evaluate_argmin(const Json& j, bool as_proved) {
  using std::sqrt;
  const Matrix<S> a = read_matrix<S>(j, "A");
  const Eigen::Index m = a.rows(), n = a.cols();
  const Vector<S> y = read_vector<S>(j, "y", m);
  const int depth = static_cast<int>(read_integer(j, "L", 2, 64));
  const bool signed_case = has_field(j, "u0");
  cmr22::MirrorMap<S> map;
  map.depth = depth;
  Matrix<S> a_lifted;  // [A, -A] in the signed case: (z+, z-) in S+-
  Vector<S> init_power;
  if (signed_case) {
    map.u0_power = cmr22::hadamard_power<S>(read_vector<S>(j, "u0", n), depth);
    map.v0_power = cmr22::hadamard_power<S>(read_vector<S>(j, "v0", n), depth);
    a_lifted.resize(m, 2 * n);
    a_lifted << a, -a;
    init_power.resize(2 * n);
    init_power << map.u0_power, map.v0_power;
  } else {
    map.u0_power = cmr22::hadamard_power<S>(read_vector<S>(j, "x0", n), depth);
    a_lifted = a;
    init_power = map.u0_power;
  }
  Outcome o;
  HypothesisCheck positive{"init.positive", (init_power.array() > 0).all(), Evidence::kCertified,
                           "initialization > 0 entrywise"};
  auto flow = cmr22::certified_flow_limit<S>(a, y, map);
  if (!measurable(flow)) {
    o.ok = false;
    o.message = fmt::format("flow: {} ({})", to_string(flow.status), flow.message);
    return o;
  }
  Vector<S> limit(a_lifted.cols());
  if (signed_case) {
    limit << flow.u_power, flow.v_power;
  } else {
    limit = flow.product;
  }
  const auto objective = as_proved ? cmr22::bregman_objective<S>(init_power, depth)
                                   : cmr22::paper_g<S>(init_power, depth);
  const S u = unit_roundoff<S>();
  const S tol = limit_options<S>(y).residual_tolerance;
  auto argmin = cmr22::bregman_argmin<S>(a_lifted, y, objective, tol, tol, 2000);
  if (!argmin.converged && !(argmin.kkt_residual <= 1000 * tol * (1 + y.template lpNorm<Eigen::Infinity>()))) {
    o.ok = false;
    o.message = "argmin: " + argmin.message;
    return o;
  }
  const S sigma = smallest_singular_value<S>(a);
  o.relation = Relation::kEqual;
  o.measured = widen(S((limit - argmin.z).template lpNorm<1>()));
  o.bound = widen(S(0));
  // Estimated: each route's distance to its exact point is bounded as in
  // thm1.1 (2 x last change + sqrt(N) residual / sigma_min), plus rounding.
  const S flow_error = 2 * abs(flow.change) + sqrt(S(n)) * flow.residual_norm / sigma;
  const S argmin_error = 2 * argmin.last_step + sqrt(S(2 * n)) * argmin.kkt_residual / sigma;
  // The argmin's coordinates have the same form phi(A^T nu) (same
  // cancellation), so its rounding is estimated by the same amplification.
  const S rounding = 2 * map_rounding<S>(map, Vector<S>(a.transpose() * flow.lambda));
  o.error = widen(S(flow_error + argmin_error + rounding + 4 * S(n) * u * limit.template lpNorm<1>()));
  // Identical entries are not a hypothesis of Theorem 2.2; recorded as a detail
  // because g and D_F share their argmin exactly then.
  o.hypotheses = {positive};
  o.details = {{"N", std::to_string(n)},
               {"M", std::to_string(m)},
               {"L", std::to_string(depth)},
               {"signed", signed_case ? "yes" : "no"},
               {"constant initialization", (init_power.array() == init_power(0)).all() ? "yes" : "no"},
               {"flow status", to_string(flow.status)},
               {"argmin iterations", std::to_string(argmin.iterations)},
               {"argmin residual", to_decimal(argmin.kkt_residual, 3)},
               {"flow residual", to_decimal(flow.residual_norm, 3)},
               {"||x~_inf||_1", to_decimal(S(limit.template lpNorm<1>()), 12)},
               {"||argmin||_1", to_decimal(S(argmin.z.template lpNorm<1>()), 12)}};
  return o;
}

// ---------------------------------------------------------------------------
// Lemma 2.6: the Bregman identity along the positive flow.

struct BregmanParams {
  DataParams data;
  int time_exp;     // T = 10^(time_exp / 4), time_exp in [-4, 6]
  int init_scale;   // x0 entries in 10^(-init_scale/4) * (1 or U(0.5, 1.5)), init_scale in [0, 8]
  int extra_points; // number of z besides z0, in [1, 3]
};

Json bregman_instance(const BregmanParams& q) {
  const DataParams& d = q.data;  // N from dimension(12): the flow is integrated directly
  RandomSource rng(d.seed);
  const int m = rows_of(d);
  Json j;
  Json a_json;
  Matrix<double> a = make_matrix(d, m, rng, a_json);
  j["A"] = a_json;
  j["L"] = d.depth;
  // z0 dense and positive so that moves along ker A stay in S+ for small steps;
  // y is defined as A z0 (at the evaluation's precision).
  Vector<double> z0(d.n);
  for (int i = 0; i < d.n; ++i) z0(i) = rng.uniform(0.1, 1.0);
  if (d.truth_kind == 0) z0(rng.integer(0, d.n - 1)) = 0;  // a zero entry: z log z = 0 convention
  j["z0"] = decimal_vector(z0, 8);
  Json dirs = Json::array(), steps = Json::array();
  for (int k = 0; k < q.extra_points; ++k) {
    Vector<double> dvec = gaussian_vector(d.n, rng);
    // Kernel projection in double only to size the step; the claim projects at its precision.
    Eigen::CompleteOrthogonalDecomposition<Matrix<double>> cod(a);
    Vector<double> kvec = dvec - cod.pseudoInverse() * (a * dvec);
    double t = 1.0;
    for (int i = 0; i < d.n; ++i) {
      if (kvec(i) < 0 && z0(i) > 0) t = std::min(t, 0.5 * z0(i) / -kvec(i));
      if (z0(i) == 0) kvec(i) = 0;
    }
    if (kvec.cwiseAbs().maxCoeff() == 0) t = 0;
    dirs.push_back(decimal_vector(dvec, 8));
    steps.push_back(short_decimal(t * (0.5 + 0.5 * rng.uniform()), 6));
  }
  j["directions"] = dirs;
  j["steps"] = steps;
  Vector<double> x0(d.n);
  // Constant (scale 1, init_kind 0) or random positive (scale U(0.5, 1.5)).
  const double scale = std::pow(10.0, -q.init_scale / 4.0);
  for (int i = 0; i < d.n; ++i) x0(i) = d.init_kind == 0 ? scale : scale * rng.uniform(0.5, 1.5);
  j["x0"] = decimal_vector(x0, 8);
  j["T"] = short_decimal(std::pow(10.0, q.time_exp / 4.0), 6);
  return j;
}

void validate_bregman(const Json& j) {
  auto [m, n] = matrix_shape(j, "A");
  read_matrix<double>(j, "A");
  read_integer(j, "L", 2, 64);
  read_vector<double>(j, "z0", n);
  Vector<double> x0 = read_vector<double>(j, "x0", n);
  if (!(x0.array() > 0).all()) throw InputError("field 'x0': must be positive");
  if (!(read_real<double>(j, "T") > 0)) throw InputError("field 'T': must be positive");
  if (!j.contains("directions") || !j.contains("steps") || !j["directions"].is_array() ||
      j["directions"].size() != j["steps"].size()) {
    throw InputError("fields 'directions' and 'steps': arrays of equal length required");
  }
  (void)m;
}

/// F of cmr22 (21) and its gradient; the z log z = 0 at z = 0 convention.
template <class S>
S bregman_f(const Vector<S>& x, int depth) {
  using std::log;
  using std::pow;
  S sum = 0;
  for (Eigen::Index i = 0; i < x.size(); ++i) {
    if (depth == 2) {
      sum += (x(i) > 0 ? S(x(i) * log(x(i))) : S(0)) - x(i);
    } else {
      sum += pow(x(i), S(2) / depth);
    }
  }
  return depth == 2 ? S(sum / 2) : S(S(depth) / (2 * S(2 - depth)) * sum);
}
template <class S>
Vector<S> bregman_grad(const Vector<S>& x, int depth) {
  using std::log;
  using std::pow;
  Vector<S> g(x.size());
  for (Eigen::Index i = 0; i < x.size(); ++i) {
    g(i) = depth == 2 ? S(log(x(i)) / 2) : S(pow(x(i), S(2) / depth - 1) / S(2 - depth));
  }
  return g;
}
/// D_F(p, q) = F(p) - F(q) - <grad F(q), p - q>, eq. (20).
template <class S>
S bregman_divergence(const Vector<S>& p, const Vector<S>& q, int depth) {
  return bregman_f(p, depth) - bregman_f(q, depth) - bregman_grad(q, depth).dot(p - q);
}

/// Local tolerance of the direct (dopri5) integrations: max(u^{2/3}, 1e-16).
/// Explicit integration cost grows like tol^{-1/5}, so beyond 1e-16 the
/// multiprecision ladder would cost hours; the claims' errors are method
/// errors (error_is_rounding = false), estimated per level (direct_flow_levels).
template <class S>
S direct_flow_tolerance() {
  using std::max;
  using std::pow;
  return max(S(pow(unit_roundoff<S>(), S(2) / 3)), S(S(1) / S(1e16)));
}

/// The local tolerances tried in turn, loosest first. In double one level,
/// direct_flow_tolerance<double>() = 2.3e-11, as before. Above double a first
/// level 100 times tighter at 50 digits (2.3e-13) and 10^4 times at 100 digits
/// (2.3e-15), then this precision's own (1e-16). The first levels differ from
/// double's and from each other on purpose: two precisions that ran the same
/// discretization would agree on its ODE error, so their agreement would
/// confirm nothing; with different tolerances a failure confirmed by two
/// precisions has been measured by two different integrations.
///
/// Each level integrates at tol and at 1000 tol; its ODE error is the larger
/// of their difference and the accumulated local tolerance (both estimates,
/// not bounds). The claims stop at the first level whose discrepancy exceeds
/// 10 times its whole estimated error, and otherwise go on to the last. So an
/// O(1) discrepancy (the printed Lemma A.2) is decided at the first level, and
/// a zero one (an identity that holds) is always measured at the last.
/// The cost of a level is set by the flow's stiffness as much as by tol
/// (the printed reduced flow of a hand-made N = 1000, T = 10 instance: 1261
/// right-hand sides at tol 1e-7, 3355 at 1e-10, 44 779 at 1e-16 in double; at
/// 50 digits one costs 30 ms).
template <class S>
std::vector<S> direct_flow_levels() {
  const S last = direct_flow_tolerance<S>();
  const S first = S(direct_flow_tolerance<double>()) / (unit_roundoff<S>() < S(1e-80) ? S(10000) : S(100));
  if (last < first) return {first, last};
  return {last};
}

/// True when a measured discrepancy (bound 0) exceeds 10 times its error.
template <class S>
bool resolved_from_zero(const S& measured, const S& error) {
  return measured > 10 * error;
}

template <class S>
struct BregmanMeasurement {
  bool ok = false;
  std::string message;
  S deviation = 0;       // max_z |Delta_z + L q(T)|
  S spread = 0;          // max_z |Delta_z - Delta_z0|
  S dissipation = 0;     // L q(T)
  S local_error_bound = 0;  // accumulated local error tolerance, see measure_bregman
  long steps = 0;
};

template <class S>
BregmanMeasurement<S> measure_bregman(const Matrix<S>& a, const Vector<S>& y, int depth,
                                      const Vector<S>& x0, const std::vector<Vector<S>>& zs,
                                      const S& t_end, const S& tolerance) {
  BregmanMeasurement<S> out;
  const Eigen::Index n = a.cols();
  cmr22::ReducedLossWithDissipation<S> problem{a, y, depth};
  Vector<S> theta0(n + 1);
  theta0 << x0, S(0);
  cmr22::GradientFlowOptions<S> options;
  options.absolute_tolerance = options.relative_tolerance = tolerance;
  options.stop_time = t_end;
  options.max_steps = 2000000;
  auto flow = cmr22::gradient_flow<S>(problem, theta0, options);
  if (!flow.ok()) {
    out.message = "flow: " + flow.message;
    return out;
  }
  const Vector<S> x_start = cmr22::hadamard_power<S>(x0, depth);
  const Vector<S> x_end = cmr22::hadamard_power<S>(flow.theta.head(n), depth);
  out.dissipation = S(depth) * flow.theta(n);
  S first = 0;
  for (std::size_t k = 0; k < zs.size(); ++k) {
    const S delta = bregman_divergence(zs[k], x_end, depth) - bregman_divergence(zs[k], x_start, depth);
    using std::max;
    out.deviation = max(out.deviation, S(abs(delta + out.dissipation)));
    if (k == 0) first = delta;
    out.spread = max(out.spread, S(abs(delta - first)));
  }
  out.steps = flow.steps;
  // Accumulated local error tolerance: Odeint's error checker (atol = rtol =
  // tol, a_x = a_dxdt = 1) accepts a step when its estimated local error in
  // component i is below tol (1 + |theta_i| + dt |theta_i'|), so after k steps
  //   |error of theta_i| <~ tol (k (1 + max_t |theta_i|) + sum dt |theta_i'|),
  // estimated with max_t over the two end points and the variation sum by
  // |theta_i(T) - theta_i(0)| (q increases: its variation is q(T)). No growth
  // factor: an estimate, not a bound. The deviation depends on x_i through
  // D_F(z, x^L), d/dx_i = x_i^{1-L} (x_i^L - z_i), and on q with weight L; the
  // spread over z is a difference of two such terms (factor 2).
  // Needed because the two-tolerance difference vanishes when both runs take
  // the same steps (step growth, not the error, limiting them): then it says
  // nothing, while the local errors can still be up to tol per step.
  {
    using std::abs;
    using std::max;
    using std::pow;
    const S k = S(double(flow.steps));
    S sensitivity = 0;
    for (const auto& z : zs) {
      S sum = 0;
      for (Eigen::Index i = 0; i < n; ++i) {
        const S xi = flow.theta(i);
        const S local = k * (1 + max(abs(xi), abs(x0(i)))) + abs(S(xi - x0(i)));
        sum += local * abs(S(pow(xi, S(1 - depth)) * (x_end(i) - z(i))));
      }
      sensitivity = max(sensitivity, sum);
    }
    const S q = abs(flow.theta(n));
    out.local_error_bound = 2 * tolerance * (sensitivity + S(depth) * (k * (1 + q) + q));
  }
  out.ok = true;
  return out;
}

template <class S>
Outcome evaluate_bregman(const Json& j) {
  using std::log;
  using std::max;
  using std::pow;
  const Matrix<S> a = read_matrix<S>(j, "A");
  const Eigen::Index n = a.cols();
  const int depth = static_cast<int>(read_integer(j, "L", 2, 64));
  const Vector<S> z0 = read_vector<S>(j, "z0", n);
  const Vector<S> x0 = read_vector<S>(j, "x0", n);
  const S t_end = read_real<S>(j, "T");
  const Vector<S> y = a * z0;  // y := A z0, so z0 is in S+ up to rounding at this precision
  // Kernel projector at this precision: P = I - A^T (A A^T)^{-1} A.
  Eigen::LDLT<Matrix<S>> gram(Matrix<S>(a * a.transpose()));
  std::vector<Vector<S>> zs = {z0};
  HypothesisCheck in_s{"z.in.S+", true, Evidence::kCertified, ""};
  for (std::size_t k = 0; k < j["directions"].size(); ++k) {
    Json holder;
    holder["d"] = j["directions"][k];
    holder["t"] = j["steps"][k];
    Vector<S> d = read_vector<S>(holder, "d", n);
    const S t = read_real<S>(holder, "t");
    Vector<S> kvec = d - a.transpose() * gram.solve(Vector<S>(a * d));
    for (Eigen::Index i = 0; i < n; ++i) {
      if (z0(i) == 0) kvec(i) = 0;  // keep the zero pattern; then A kvec != 0 only if projecting again
    }
    // Re-project restricted to the support of z0 so A kvec = 0 with kvec_i = 0 off the support.
    Matrix<S> a_sub = a;
    for (Eigen::Index i = 0; i < n; ++i) {
      if (z0(i) == 0) a_sub.col(i).setZero();
    }
    Eigen::CompleteOrthogonalDecomposition<Matrix<S>> cod(a_sub);
    kvec = kvec - cod.solve(Vector<S>(a_sub * kvec));
    for (Eigen::Index i = 0; i < n; ++i) {
      if (z0(i) == 0) kvec(i) = 0;
    }
    Vector<S> z = z0 + t * kvec;
    if ((z.array() < 0).any()) {
      // The generator sizes t with a double projection; the support-restricted
      // projection at this precision can differ. Such a z is outside S+ (F is
      // undefined there for L > 2): record it and leave it out.
      in_s.holds = false;
      in_s.detail = fmt::format("z{} has a negative entry (left out)", k + 1);
      continue;
    }
    zs.push_back(z);
  }
  S feas = 0;
  for (const auto& z : zs) feas = max(feas, S((a * z - y).norm()));
  if (in_s.detail.empty()) in_s.detail = fmt::format("max ||A z - y|| = {} (rounding)", to_decimal(feas, 3));

  // Two tolerances per level (direct_flow_levels): the deviation of the
  // identity at the tight one is the measurement; its ODE error is the larger
  // of the difference between the two and the accumulated local tolerance.
  const S u = unit_roundoff<S>();
  // Rounding of D_F: F and <grad F, z - x> are sums of N terms of size up to
  // |x log x| + |z log x| (L = 2) or x^{2/L} + z x^{2/L - 1} (L > 2); and the
  // residual of A z = y (feas) enters d/dt D_F as L <r, A z - y>, integrated.
  S magnitude = 0;
  const Vector<S> grad0 = bregman_grad(Vector<S>(cmr22::hadamard_power<S>(x0, depth)), depth);
  for (const auto& z : zs) magnitude += abs(bregman_f(z, depth)) + abs(grad0.dot(z)) + grad0.cwiseAbs().sum();
  Outcome o;
  BregmanMeasurement<S> coarse, fine;
  S tight = 0, measured = 0, error = 0;
  for (const S& level : direct_flow_levels<S>()) {
    tight = level;
    coarse = measure_bregman<S>(a, y, depth, x0, zs, t_end, S(1000 * level));
    fine = measure_bregman<S>(a, y, depth, x0, zs, t_end, level);
    if (!coarse.ok || !fine.ok) {
      o.ok = false;
      o.message = coarse.ok ? fine.message : coarse.message;
      return o;
    }
    measured = max(fine.deviation, fine.spread);
    const S method = max(S(abs(max(coarse.deviation, coarse.spread) - measured)), fine.local_error_bound);
    error = method + 20 * S(n) * u * (magnitude + fine.dissipation) +
            S(depth) * feas * sqrt(fine.dissipation * t_end / depth + 1) * 2;
    if (resolved_from_zero(measured, error)) break;
  }
  o.relation = Relation::kEqual;
  o.measured = widen(measured);
  o.bound = widen(S(0));
  o.error = widen(error);
  if (!is_finite(o.measured) || !is_finite(o.error)) {
    o.ok = false;
    o.message = "non-finite Bregman divergence";
    return o;
  }
  o.hypotheses = {in_s, {"x0.positive", (x0.array() > 0).all(), Evidence::kCertified, "x0 > 0"}};
  o.details = {{"N", std::to_string(n)},
               {"L", std::to_string(depth)},
               {"T", to_decimal(t_end, 4)},
               {"points z", std::to_string(zs.size())},
               {"L int ||r||^2", to_decimal(fine.dissipation, 10)},
               {"identity deviation", to_decimal(fine.deviation, 3)},
               {"spread over z", to_decimal(fine.spread, 3)},
               {"deviation at loose tolerance", to_decimal(coarse.deviation, 3)},
               {"accumulated local error tolerance", to_decimal(fine.local_error_bound, 3)},
               {"ODE tolerance", to_decimal(tight, 2)},
               {"steps", std::to_string(fine.steps)}};
  return o;
}

// ---------------------------------------------------------------------------
// Lemma A.2: identical initialization.

struct IdenticalParams {
  DataParams data;
  int time_exp;    // T = 10^(time_exp / 4), in [-4, 4]
  int init_scale;  // x0 in 10^(-init_scale/4) (1 or U(0.5, 1.5)), in [0, 6]
  int gd_iterations;  // in [1, 200]
};

Json identical_instance(const IdenticalParams& q) {
  const DataParams& d = q.data;  // N from dimension(10)
  RandomSource rng(d.seed);
  const int m = rows_of(d);
  Json j;
  Json a_json;
  Matrix<double> a = make_matrix(d, m, rng, a_json);
  j["A"] = a_json;
  j["L"] = d.depth;
  j["y"] = decimal_vector(Vector<double>(a * make_truth(d, m, d.truth_kind != 2, rng)));
  Vector<double> x0(d.n);
  // Constant (scale 1, init_kind 0) or random positive (scale U(0.5, 1.5)).
  const double scale = std::pow(10.0, -q.init_scale / 4.0);
  for (int i = 0; i < d.n; ++i) x0(i) = d.init_kind == 0 ? scale : scale * rng.uniform(0.5, 1.5);
  j["x0"] = decimal_vector(x0, 8);
  j["T"] = short_decimal(std::pow(10.0, q.time_exp / 4.0), 6);
  j["step"] = "0.01";
  j["iterations"] = q.gd_iterations;
  return j;
}

void validate_identical(const Json& j) {
  auto [m, n] = matrix_shape(j, "A");
  read_matrix<double>(j, "A");
  read_vector<double>(j, "y", m);
  read_integer(j, "L", 2, 16);
  read_vector<double>(j, "x0", n);
  if (!(read_real<double>(j, "T") > 0)) throw InputError("field 'T': must be positive");
  if (!(read_real<double>(j, "step") > 0)) throw InputError("field 'step': must be positive");
  read_integer(j, "iterations", 0, 100000);
}

/// as_proved = false: the reduced dynamics as printed, x' = -grad L(x) (GD step eta);
/// true: as the proof derives it, x' = -[A^T r] (.) x^{L-1} = -(1/L) grad L(x) (step eta / L).
template <class S>
Outcome evaluate_identical(const Json& j, bool as_proved) {
  using std::max;
  using std::pow;
  const Matrix<S> a = read_matrix<S>(j, "A");
  const Eigen::Index m = a.rows(), n = a.cols();
  const Vector<S> y = read_vector<S>(j, "y", m);
  const int depth = static_cast<int>(read_integer(j, "L", 2, 16));
  const Vector<S> x0 = read_vector<S>(j, "x0", n);
  const S t_end = read_real<S>(j, "T");
  const S step = read_real<S>(j, "step");
  const long iterations = static_cast<long>(read_integer(j, "iterations", 0, 100000));
  const cmr22::OverLoss<S> over{a, y, depth};
  const cmr22::ReducedLoss<S> reduced{a, y, depth};
  const S time_factor = as_proved ? S(depth) : S(1);
  const S u = unit_roundoff<S>();

  auto spread_of = [&](const Vector<S>& theta) {
    S s = 0;
    for (int k = 1; k < depth; ++k) {
      s = max(s, S((theta.segment(k * n, n) - theta.head(n)).template lpNorm<Eigen::Infinity>()));
    }
    return s;
  };
  struct FlowPart {
    bool ok = false;
    std::string message;
    S spread = 0, deviation = 0;
    S local_error_bound = 0;
  };
  auto flows = [&](const S& tolerance) {
    FlowPart part;
    cmr22::GradientFlowOptions<S> options;
    options.absolute_tolerance = options.relative_tolerance = tolerance;
    options.max_steps = 2000000;
    options.stop_time = t_end;
    auto full = cmr22::gradient_flow<S>(over, cmr22::replicate_factors(x0, depth), options);
    options.stop_time = t_end / time_factor;
    auto red = cmr22::gradient_flow<S>(reduced, x0, options);
    if (!full.ok() || !red.ok()) {
      part.message = full.ok() ? red.message : full.message;
      return part;
    }
    part.spread = spread_of(full.theta);
    part.deviation = (full.theta.head(n) - red.theta).template lpNorm<Eigen::Infinity>();
    // Accumulated local error tolerance (as in measure_bregman): k steps at
    // tol (1 + |theta| + dt |theta'|) each, with max |theta| over the end
    // points and the variation by |theta(T) - theta(0)|; the spread takes two
    // factors of the full flow, the deviation one of each flow.
    const S x0_max = x0.template lpNorm<Eigen::Infinity>();
    auto accumulated = [&](long steps, const Vector<S>& end, const Vector<S>& start) {
      return tolerance * (S(double(steps)) * (1 + max(S(end.template lpNorm<Eigen::Infinity>()), x0_max)) +
                          S((end - start).template lpNorm<Eigen::Infinity>()));
    };
    const S e_full = accumulated(full.steps, full.theta, cmr22::replicate_factors(x0, depth));
    const S e_red = accumulated(red.steps, red.theta, x0);
    part.local_error_bound = max(S(2 * e_full), S(e_full + e_red));
    part.ok = true;
    return part;
  };
  Outcome o;
  // Gradient descent: full L-factor GD with step eta against reduced GD with
  // step eta (as printed) or eta / L (as proved), compared after `iterations`
  // steps. The lemma holds for every iterate, so when either run leaves the
  // box ||theta||_inf <= 1e8 at step j (diverging: the printed reduced GD is L
  // times faster and does so first) both are compared at step j - 1 instead.
  // The box is the same at every precision (double would overflow to inf
  // near 1e308 and MPFR never would, so "non-finite" alone would compare
  // different iterates at different precisions); 1e8^(2L-1) stays finite in
  // double for L <= 16.
  const S box = S(1e8);
  auto leaves_box = [&box](long, const Vector<S>& theta) {
    return !(theta.template lpNorm<Eigen::Infinity>() <= box);
  };
  auto run_gd = [&](long k, auto&& observer) {
    GradientDescentOptions<S> gd;
    gd.step = step;
    gd.max_iterations = k;
    auto full = gradient_descent<S>(over, cmr22::replicate_factors(x0, depth), gd, observer);
    gd.step = step / time_factor;
    auto red = gradient_descent<S>(reduced, x0, gd, observer);
    return std::make_pair(std::move(full), std::move(red));
  };
  auto [full_gd, red_gd] = run_gd(iterations, leaves_box);
  long compared = iterations;
  const bool full_left = full_gd.status == GradientDescentStatus::kStoppedByObserver;
  const bool red_left = red_gd.status == GradientDescentStatus::kStoppedByObserver;
  if (full_left || red_left) {
    compared = std::max(0L, std::min(full_left ? full_gd.iterations : iterations,
                                     red_left ? red_gd.iterations : iterations) - 1);
    std::tie(full_gd, red_gd) = run_gd(compared, NullObserver{});
  }
  if (!full_gd.ok() || !red_gd.ok()) {
    o.ok = false;
    o.message = "gradient descent: " + (full_gd.ok() ? red_gd.message : full_gd.message);
    return o;
  }
  const S gd_spread = spread_of(full_gd.theta);
  const S gd_deviation = (full_gd.theta.head(n) - red_gd.theta).template lpNorm<Eigen::Infinity>();
  // GD rounding: each step perturbs x by ~ (N + M + L) u (|x| + eta |grad|);
  // bounded by (k + 1) (N + M + L) u (1 + ||x||_inf) with a factor 10.
  const S gd_rounding = 10 * S(double(compared + 1)) * S(double(n + m + depth)) * u *
                        (1 + max(full_gd.theta.template lpNorm<Eigen::Infinity>(),
                                 red_gd.theta.template lpNorm<Eigen::Infinity>()));
  // Flows, level by level (direct_flow_levels). Method error: the change of
  // the flow discrepancy between the two tolerances of the level, or the
  // accumulated local error tolerance if larger.
  FlowPart coarse, fine;
  S tight = 0, measured = 0, error = 0;
  for (const S& level : direct_flow_levels<S>()) {
    tight = level;
    coarse = flows(S(1000 * level));
    fine = flows(level);
    if (!coarse.ok || !fine.ok) {
      o.ok = false;
      o.message = "flow: " + (coarse.ok ? fine.message : coarse.message);
      return o;
    }
    measured = max(max(fine.spread, fine.deviation), max(gd_spread, gd_deviation));
    const S method = max(S(abs(max(coarse.spread, coarse.deviation) - max(fine.spread, fine.deviation))),
                         fine.local_error_bound);
    error = method + gd_rounding;
    if (resolved_from_zero(measured, error)) break;
  }
  o.relation = Relation::kEqual;
  o.measured = widen(measured);
  o.bound = widen(S(0));
  o.error = widen(error);
  o.hypotheses = {{"identical.init", true, Evidence::kCertified, "all factors start at x0"}};
  o.details = {{"N", std::to_string(n)},
               {"L", std::to_string(depth)},
               {"T", to_decimal(t_end, 4)},
               {"flow factor spread", to_decimal(fine.spread, 3)},
               {"flow vs reduced", to_decimal(fine.deviation, 3)},
               {"GD factor spread", to_decimal(gd_spread, 3)},
               {"GD vs reduced", to_decimal(gd_deviation, 3)},
               {"GD iterations", compared == iterations
                                     ? std::to_string(iterations)
                                     : fmt::format("{} (compared at step {}, the last before an iterate of {} "
                                                   "GD left ||x||_inf <= 1e8)",
                                                   iterations, compared,
                                                   red_left && !full_left   ? "the reduced"
                                                   : full_left && !red_left ? "the full"
                                                                            : "the full or the reduced")},
               {"ODE tolerance", to_decimal(tight, 2)}};
  return o;
}

std::string gap_generator_info(bool signed_case) {
  return std::string(
             "N uniform in [2, 40] (7/8) or log-uniform in [41, 1000] (1/8), M = round(N k/10) (k in 1..9, "
             "1 <= M < N, M <= 150 when N > 40); A Gaussian/sqrt(M) (5/9), "
             "Rademacher/sqrt(M) (2/9), two near-parallel columns (1/9), two near-dependent rows "
             "(1/9); ") +
         (signed_case ? "x* s-sparse, dense (signed, ||x*|| = 1), or y Gaussian (no sparse solution); "
                      : "x* >= 0 s-sparse (plus a 1e-10 floor) or dense (||x*|| = 1), y = A x*; ") +
         "L in {2,3,4,5}; initialization identical alpha 1 or alpha U(0.5, 2) with alpha^L = "
         "10^-k, k in [1, 30].";
}

}  // namespace

THMCHECK_REGISTER(cmr22) {
  {
    Claim c;
    c.id = "cmr22.thm1.1";
    c.paper = "cmr22";
    c.source = "Theorem 1.1, eqs. (8)-(10)";
    c.summary = "l1 gap of the (u,v) gradient flow limit <= c_L (||u0||_L^L + ||v0||_L^L)";
    c.statement =
        "Let L >= 2, A in R^{MxN}, y in R^M. For the reduced loss L+- of (7) let u(t), v(t) follow "
        "u' = -grad_u L+-(u, v), v' = -grad_v L+-(u, v), u(0) = u0 > 0, v(0) = v0 > 0. Suppose "
        "S = {z : Az = y} is non-empty. Then the limit x~_inf = lim (u^L - v^L) exists and is in S. "
        "Moreover ||x~_inf||_1 - min_{z in S} ||z||_1 <= c_L (||u0||_L^L + ||v0||_L^L)  (9), "
        "c_L = L/2 + e if L = 2, L/2 + (L/2)^{L/(L-2)} if L > 2  (10).";
    c.kind = ClaimKind::kExplicit;
    c.hypotheses = {{"init.positive", "u0 > 0, v0 > 0"},
                    {"L>=2", "L >= 2"},
                    {"S.nonempty", "S = {z : Az = y} is non-empty"}};
    c.measurement =
        "Flow limit by the exact dual change of variables (lambda' = A phi(A^T lambda) - y) "
        "integrated by an adaptive L-stable Rosenbrock method until ||A x~ - y|| and the change "
        "of x~ since the last checkpoint (t >= 2 t_c) are <= u^{3/4} (1 + ||y||_1); at 50/100 digits the "
        "integration starts from the end point of the same flow integrated in double (warm start, "
        "lib/cmr22/flow_limit.hpp: the limit does not depend on the path); min l1 by "
        "GLPK's simplex with its optimal basis certified at the working precision (rational simplex "
        "when it does not certify, up to 200 LP columns). Measured ||x~_inf||_1 - min; "
        "bound c_L (sum u0^L + sum v0^L).";
    c.generator_info = gap_generator_info(true);
    c.instance_schema =
        "{\"A\": M x N rows, \"y\": [M], \"L\": integer >= 2, \"u0\": [N] > 0, \"v0\": [N] > 0}";
    c.notes =
        "Outcome error (estimated): 2 x last checkpoint change + sqrt(N) ||r|| / sigma_min(A) + "
        "LP value error + norm rounding; it is a method error, so error_is_rounding = false. "
        "Double cannot resolve gaps for alpha^L below ~1e-14 ||x*||_1; the engine climbs to 50/100 digits. "
        "A flow that stops on its step budget (lib/cmr22/flow_limit.hpp) before the certificate is still "
        "measured with this error; such cases (a slow direction below the working precision, e.g. M = 3, "
        "L = 4-5) are usually inconclusive.";
    // Run-time budget of the default report job, not a statement about the
    // claim: most cases take seconds, but a failing case climbs to 100 digits
    // and is shrunk, and a large one (N up to 1000) takes up to minutes (24
    // cases took 7.5 min at seed 1), so 12 cases by default; use --cases for more.
    c.default_cases = 12;
    c.error_is_rounding = false;
    c.generator = rc::gen::map(data_params(40), [](const DataParams& q) { return gap_instance(q, true); });
    c.validate = [](const Json& j) { validate_gap(j, true); };
    c.evaluate = make_evaluator([]<class S>(const Json& j) { return evaluate_gap<S>(j, true); });
    registry.add(std::move(c));
  }
  {
    Claim c;
    c.id = "cmr22.thm2.1";
    c.paper = "cmr22";
    c.source = "Theorem 2.1, eqs. (14)-(17)";
    c.summary = "positive case: l1 gap over S+ of the x-flow limit <= c_L ||x0||_L^L";
    c.statement =
        "Let L >= 2, A in R^{MxN}, y in R^M and assume S+ = {z >= 0 : Az = y} is non-empty. For L "
        "in (6) define x' = -grad L(x), x(0) = x0 > 0 (15). Then x~_inf = lim x(t)^L exists, "
        "x~_inf in S+, and ||x~_inf||_1 - min_{z in S+} ||z||_1 <= c_L ||x0||_L^L (16), c_L as in (17).";
    c.kind = ClaimKind::kExplicit;
    c.hypotheses = {{"init.positive", "x0 > 0"},
                    {"L>=2", "L >= 2"},
                    {"S+.nonempty", "S+ = {z >= 0 : Az = y} is non-empty"}};
    c.measurement =
        "As cmr22.thm1.1 with v absent and min over S+ (non-negative LP). Measured "
        "||x~_inf||_1 - min_{S+} ||z||_1; bound c_L sum x0^L.";
    c.generator_info = gap_generator_info(false);
    c.instance_schema = "{\"A\": M x N rows, \"y\": [M], \"L\": integer >= 2, \"x0\": [N] > 0}";
    c.notes = "Error as in cmr22.thm1.1.";
    c.default_cases = 24;
    c.error_is_rounding = false;
    c.generator = rc::gen::map(data_params(40), [](const DataParams& q) { return gap_instance(q, false); });
    c.validate = [](const Json& j) { validate_gap(j, false); };
    c.evaluate = make_evaluator([]<class S>(const Json& j) { return evaluate_gap<S>(j, false); });
    registry.add(std::move(c));
  }
  for (bool as_proved : {false, true}) {
    Claim c;
    c.id = as_proved ? "cmr22.thm2.2.as-proved" : "cmr22.thm2.2";
    c.paper = "cmr22";
    c.source = as_proved ? "Proof of Theorem 2.2 (argmin of D_F(z, x~(0)), before g is substituted); Theorem 3.1"
                         : "Theorem 2.2, eq. (19); Theorem 3.1, eq. (36)";
    c.summary = as_proved ? "flow limit = argmin over S+ of D_F(z, x~(0))"
                          : "flow limit = argmin over S+ of g_{x~(0)}(z)  ((36) in the signed case)";
    c.statement =
        as_proved
            ? "x~_inf in argmin_{z in S+} D_F(z, x~(0)) (first line of the last display of the proof of "
              "Theorem 2.2; signed: argmin over S+- of D_F(z+, u~(0)) + D_F(z-, v~(0)))."
            : "For L >= 2, let x~(t) = x(t)^L and x' = -grad L(x) (18) with x(0) >= 0. Assume S+ is "
              "non-empty. Then x~_inf = lim x~(t) exists and x~_inf = argmin_{z in S+} g_{x~(0)}(z) (19), "
              "g_x(z) = <z, log z - 1 - log x> (L = 2), 2||z||_1 - L <z^{2/L}, x^{1-2/L}> (L > 2). "
              "Theorem 3.1: (u~_inf, v~_inf) in argmin_{S+-} g_{u~(0)}(z+) + g_{v~(0)}(z-) (36).";
    c.kind = ClaimKind::kExplicit;
    c.hypotheses = {{"init.positive", "x(0) > 0 (u(0), v(0) > 0)"}};
    c.measurement =
        "Flow limit by the dual change of variables (as thm1.1); argmin by damped Newton on the "
        "concave dual of the separable problem (lib/cmr22/bregman_argmin), a different algorithm "
        "that never integrates a flow. Measured ||x~_inf - argmin||_1 (signed: of (u~, v~) against "
        "(z+, z-)); bound 0.";
    c.generator_info =
        "As thm2.1 (positive instances) and thm1.1 (signed), half each, with N uniform in [2, 16] (7/8) or "
        "log-uniform in [17, 1000] (1/8).";
    c.instance_schema =
        "{\"A\", \"y\", \"L\", \"x0\": [N] > 0} or {\"A\", \"y\", \"L\", \"u0\", \"v0\"}";
    c.notes =
        "g_{x~0} equals D_F(., x~0) up to a constant factor and shift only when x~0 is a "
        "multiple of 1 (or L = 2): the proof's last step multiplies the n-th term by L x~0_n^{1-2/L}.";
    // Run-time budget (a flow and a Newton solve of the argmin per case; the
    // printed form fails, and its failures climb to 50/100 digits).
    c.default_cases = as_proved ? 24 : 8;
    c.error_is_rounding = false;
    // Uniform N up to 16 only (then log-uniform to 1000): each case integrates
    // the flow and solves the argmin, and the failing cases climb to 100 digits.
    c.generator = rc::gen::map(data_params(16), [](const DataParams& q) { return gap_instance(q, q.seed % 2 == 1); });
    c.validate = [](const Json& j) { validate_gap(j, has_field(j, "u0")); };
    c.evaluate = as_proved
                     ? make_evaluator([]<class S>(const Json& j) { return evaluate_argmin<S>(j, true); })
                     : make_evaluator([]<class S>(const Json& j) { return evaluate_argmin<S>(j, false); });
    registry.add(std::move(c));
  }
  {
    Claim c;
    c.id = "cmr22.lem2.6";
    c.paper = "cmr22";
    c.source = "Lemma 2.6, eq. (22); F of (21), D_F of (20)";
    c.summary = "d/dt D_F(z, x~(t)) = -2L L(x~(t))^{1/L} for every z in S+";
    c.statement =
        "Suppose x follows the dynamics (15) in Theorem 2.1. Let x~ = x^L. Then for any z in S+, "
        "d/dt D_F(z, x~(t)) = -2L * L(x~(t))^{(.)1/L}  (22)   [= -L ||A x~(t) - y||^2].";
    c.kind = ClaimKind::kExplicit;
    c.hypotheses = {{"z.in.S+", "z >= 0 and A z = y"}, {"x0.positive", "x(0) = x0 > 0"}};
    c.measurement =
        "Integrated form on [0, T]: the flow (18) is integrated by Odeint dopri5 together with "
        "q' = ||A x~ - y||^2. Measured max_z |D_F(z, x~(T)) - D_F(z, x~(0)) + L q(T)| and the "
        "spread of D_F(z, x~(T)) - D_F(z, x~(0)) over z (both must be 0); bound 0. z0 given, "
        "y := A z0, further z = z0 + t P_ker(A) d (keeping z0's zeros).";
    c.generator_info =
        "N uniform in [2, 12] (7/8) or log-uniform in [13, 1000] (1/8), M = round(N k/10) (k in 1..9, "
        "1 <= M < N, M <= 150 when N > 40), A as in thm1.1, z0 dense positive (one zero entry for 1/3 "
        "of cases), 1-3 further z in S+, x0 = 10^[-2, 0] times 1 (constant, 1/2) or U(0.5, 1.5), T in [0.1, 31.6], L in 2..5.";
    c.instance_schema =
        "{\"A\", \"L\", \"z0\": [N] >= 0 (y = A z0), \"directions\": [[N], ...], \"steps\": [t, ...], "
        "\"x0\": [N] > 0, \"T\"}";
    c.notes =
        "(22)'s right side read as -2L times the loss (6) at x = x~^{1/L}, which equals "
        "-L||A x~ - y||^2 as the proof's last line shows. Error = |deviation(loose) - "
        "deviation(tight)| over two ODE tolerances or, if larger, the accumulated local error tolerance "
        "(steps x tol x the deviation's sensitivity to x and q) (tight = 2.3e-11 in double; above double "
        "2.3e-13 (50 digits) or 2.3e-15 (100 digits), then 1e-16 unless the deviation already exceeds 10 x "
        "its error) + rounding.";
    c.default_cases = 60;
    c.error_is_rounding = false;
    auto params = rc::gen::build<BregmanParams>(
        rc::gen::set(&BregmanParams::data, data_params(12)),
        rc::gen::set(&BregmanParams::time_exp, rc::gen::inRange(-4, 7)),
        rc::gen::set(&BregmanParams::init_scale, rc::gen::inRange(0, 9)),
        rc::gen::set(&BregmanParams::extra_points, rc::gen::inRange(1, 4)));
    c.generator = rc::gen::map(params, [](const BregmanParams& q) { return bregman_instance(q); });
    c.validate = validate_bregman;
    c.evaluate = make_evaluator([]<class S>(const Json& j) { return evaluate_bregman<S>(j); });
    registry.add(std::move(c));
  }
  for (bool as_proved : {false, true}) {
    Claim c;
    c.id = as_proved ? "cmr22.lemA.2.as-proved" : "cmr22.lemA.2";
    c.paper = "cmr22";
    c.source = as_proved ? "Lemma A.2, last line of its proof" : "Lemma A.2 (Identical Initialization)";
    c.summary = as_proved ? "identical factors stay identical; each follows x' = -[A^T r] (.) x^{L-1}"
                          : "identical factors stay identical and follow x' = -grad L(x)";
    c.statement =
        as_proved
            ? "Proof of Lemma A.2: x'(t) = -[A^T(A x^L - y)] (.) x^{L-1} for x = x^(1) = ... = x^(L) "
              "(= -(1/L) grad L(x) by (18)); for GD with step eta, reduced GD with step eta/L."
            : "If all initialization vectors are identical then x^(k)(t) = x^(k')(t) for all t >= 0 "
              "and all k, k'. Moreover, with x(t) := x^(1)(t) = ... = x^(L)(t) and L(x) = 1/2 "
              "||A x^L - y||^2 the dynamics is given by x'(t) = -grad L(x).";
    c.kind = ClaimKind::kExplicit;
    c.hypotheses = {{"identical.init", "x^(k)(0) = x^(k')(0) for all k, k'"}};
    c.measurement =
        "Full L-factor flow (4) (Odeint dopri5, gradients by Lemma A.1) and full GD vs the reduced "
        "flow/GD on (6). Measured max of: factor spread max_k ||x^(k) - x^(1)||_inf at T (flow "
        "and GD), and ||x^(1)(T) - x_reduced(T)||_inf (flow and GD; GD compared at the last step before "
        "an iterate of either run leaves ||x||_inf <= 1e8, if one does). Bound 0. Error: change of the "
        "flow part between local tolerances tol and 1000 tol or, if larger, the accumulated local error tolerance (tol x (steps x (1 + |x|) + variation of x)), + GD rounding; tol = "
        "2.3e-11 in double; above double 2.3e-13 (50 digits) or 2.3e-15 (100 digits), then 1e-16 unless the "
        "discrepancy already exceeds 10 x its error.";
    c.generator_info =
        "N uniform in [2, 10] (7/8) or log-uniform in [11, 1000] (1/8), M = round(N k/10) (k in 1..9, "
        "1 <= M < N, M <= 150 when N > 40), A as in thm1.1, y = A x* (signed or positive x*), x0 in "
        "10^[-1.5, 0] times 1 (constant, 1/2) or U(0.5, 1.5), T in [0.1, 10], L in 2..5, GD step 0.01, "
        "1-200 iterations.";
    c.instance_schema =
        "{\"A\", \"y\", \"L\", \"x0\": [N], \"T\", \"step\", \"iterations\"}";
    c.notes =
        "The proof derives x' = -[A^T r] (.) x^{L-1}, which is (1/L) grad L(x) by (18): the "
        "printed dynamics runs L times faster than the full flow (same trajectory, same limit).";
    c.default_cases = 60;
    c.error_is_rounding = false;
    auto params = rc::gen::build<IdenticalParams>(
        rc::gen::set(&IdenticalParams::data, data_params(10)),
        rc::gen::set(&IdenticalParams::time_exp, rc::gen::inRange(-4, 5)),
        rc::gen::set(&IdenticalParams::init_scale, rc::gen::inRange(0, 7)),
        rc::gen::set(&IdenticalParams::gd_iterations, rc::gen::inRange(1, 201)));
    c.generator = rc::gen::map(params, [](const IdenticalParams& q) { return identical_instance(q); });
    c.validate = validate_identical;
    c.evaluate = as_proved
                     ? make_evaluator([]<class S>(const Json& j) { return evaluate_identical<S>(j, true); })
                     : make_evaluator([]<class S>(const Json& j) { return evaluate_identical<S>(j, false); });
    registry.add(std::move(c));
  }
}

}  // namespace thmcheck::checks
