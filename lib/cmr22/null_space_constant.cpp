#include "thmcheck/cmr22/null_space_constant.hpp"

#include <glpk.h>

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <numeric>

namespace thmcheck::cmr22 {

namespace {

/// GLPK's solution of the dual LP min t s.t. A_S^T mu = sigma, -t <= A_j^T mu <= t (j in S^c),
/// in double: mu, t and the primal kernel vector v from the row duals.
struct DualLp {
  bool ok = false, feasible = false;
  std::vector<double> mu;
  double t = 0;
  std::vector<double> v;  ///< v_S = duals of the fixed rows, v_j = sum of the duals of j's two rows
};

DualLp solve_dual_lp(const Matrix<double>& a, const std::vector<int>& in_s, const std::vector<int>& sign) {
  const int m = static_cast<int>(a.rows()), n = static_cast<int>(a.cols());
  std::unique_ptr<glp_prob, void (*)(glp_prob*)> lp(glp_create_prob(), glp_delete_prob);
  glp_set_obj_dir(lp.get(), GLP_MIN);
  glp_add_cols(lp.get(), m + 1);
  for (int i = 0; i < m; ++i) glp_set_col_bnds(lp.get(), i + 1, GLP_FR, 0, 0);
  glp_set_col_bnds(lp.get(), m + 1, GLP_LO, 0, 0);
  glp_set_obj_coef(lp.get(), m + 1, 1.0);
  // Rows: one per j in S (fixed at sigma_j), two per j in S^c.
  std::vector<int> row_of(n), ia(1), ja(1);
  std::vector<double> ar(1);
  int row = 0;
  for (int j = 0; j < n; ++j) {
    const int copies = in_s[j] ? 1 : 2;
    row_of[j] = row + 1;
    glp_add_rows(lp.get(), copies);
    for (int c = 0; c < copies; ++c) {
      ++row;
      for (int i = 0; i < m; ++i) {
        if (a(i, j) != 0) {
          ia.push_back(row);
          ja.push_back(i + 1);
          ar.push_back(a(i, j));
        }
      }
      if (in_s[j]) {
        glp_set_row_bnds(lp.get(), row, GLP_FX, sign[j], sign[j]);
      } else {
        ia.push_back(row);
        ja.push_back(m + 1);
        ar.push_back(c == 0 ? -1.0 : 1.0);
        glp_set_row_bnds(lp.get(), row, c == 0 ? GLP_UP : GLP_LO, 0, 0);
      }
    }
  }
  glp_load_matrix(lp.get(), static_cast<int>(ia.size()) - 1, ia.data(), ja.data(), ar.data());
  glp_smcp parm;
  glp_init_smcp(&parm);
  parm.msg_lev = GLP_MSG_OFF;
  parm.presolve = GLP_OFF;
  parm.tol_bnd = 1e-12;
  parm.tol_dj = 1e-12;
  glp_term_out(GLP_OFF);
  DualLp out;
  if (glp_simplex(lp.get(), &parm) != 0) return out;
  const int status = glp_get_status(lp.get());
  out.ok = status == GLP_OPT || status == GLP_NOFEAS;
  out.feasible = status == GLP_OPT;
  if (!out.feasible) return out;
  for (int i = 0; i < m; ++i) out.mu.push_back(glp_get_col_prim(lp.get(), i + 1));
  out.t = glp_get_col_prim(lp.get(), m + 1);
  for (int j = 0; j < n; ++j) {
    double vj = glp_get_row_dual(lp.get(), row_of[j]);
    if (!in_s[j]) vj += glp_get_row_dual(lp.get(), row_of[j] + 1);
    out.v.push_back(vj);
  }
  return out;
}

/// ||A_{S^c}^T mu||_inf / (1 - ||A_S^T mu - sigma||_inf), +inf when the residual is >= 1.
template <class S>
S dual_bound(const Matrix<S>& a, const std::vector<int>& in_s, const std::vector<int>& sign, const Vector<S>& mu) {
  using std::abs;
  using std::max;
  const Vector<S> g = a.transpose() * mu;
  S value = 0, residual = 0;
  for (Eigen::Index j = 0; j < g.size(); ++j) {
    if (in_s[j]) residual = max(residual, S(abs(g(j) - sign[j])));
    else value = max(value, S(abs(g(j))));
  }
  if (residual >= 1) return S(std::numeric_limits<double>::infinity());
  return value / (1 - residual);
}

}  // namespace

template <class S>
S best_s_term_error(const Vector<S>& x, int s) {
  using std::abs;
  std::vector<S> mags;
  for (Eigen::Index i = 0; i < x.size(); ++i) mags.push_back(abs(x(i)));
  std::sort(mags.begin(), mags.end(), [](const S& p, const S& q) { return p > q; });
  S rest = 0;
  for (size_t i = static_cast<size_t>(std::max(s, 0)); i < mags.size(); ++i) rest += mags[i];
  return rest;
}

template <class S>
NullSpaceConstant<S> null_space_constant(const Matrix<S>& a, int s) {
  using std::abs;
  NullSpaceConstant<S> out;
  const int m = static_cast<int>(a.rows()), n = static_cast<int>(a.cols());
  if (s < 1 || s >= n) {
    out.message = "need 1 <= s < N";
    return out;
  }
  const Matrix<double> ad = a.unaryExpr([](const S& x) { return scalar_cast<double>(x); });
  const S u = unit_roundoff<S>();
  // Orthonormal basis Q of ker(A) at precision S: v -> Q Q^T v projects onto it.
  Eigen::FullPivLU<Matrix<S>> lu_a(a);
  lu_a.setThreshold(S(1e3) * S(std::max(m, n)) * u);
  Matrix<S> q_ker = Matrix<S>::Zero(n, 1);  // no kernel: the projection is 0
  if (lu_a.dimensionOfKernel() > 0) {
    const Matrix<S> kernel = lu_a.kernel();
    q_ker = Matrix<S>(Eigen::HouseholderQR<Matrix<S>>(kernel).householderQ()).leftCols(kernel.cols());
  }
  std::vector<int> subset(n, 0);
  std::fill(subset.end() - s, subset.end(), 1);  // next_permutation walks all C(N, s) masks
  out.ok = true;
  do {
    std::vector<int> idx;
    for (int j = 0; j < n; ++j) {
      if (subset[j]) idx.push_back(j);
    }
    Matrix<S> a_s(m, s);
    for (int k = 0; k < s; ++k) a_s.col(k) = a.col(idx[k]);
    Eigen::FullPivLU<Matrix<S>> lu_s(a_s);
    lu_s.setThreshold(S(1e3) * S(std::max(m, s)) * u);
    if (lu_s.rank() < s) {
      // A kernel vector supported on S: the NSP fails for every rho.
      const Matrix<S> k = lu_s.kernel();
      out.bounded = false;
      out.extremal = Vector<S>::Zero(n);
      for (int q = 0; q < s; ++q) out.extremal(idx[q]) = k(q, 0);
      out.support = idx;
      out.message = "ker(A) has a nonzero vector supported on s entries (rank A_S < s)";
      return out;
    }
    // Sign patterns on S with the first sign +1.
    for (long pattern = 0; pattern < (1L << (s - 1)); ++pattern) {
      std::vector<int> sign(n, 0);
      for (int k = 0; k < s; ++k) sign[idx[k]] = (k == 0 || ((pattern >> (k - 1)) & 1) == 0) ? 1 : -1;
      const DualLp lp = solve_dual_lp(ad, subset, sign);
      ++out.lps;
      if (!lp.ok || !lp.feasible) {
        out.ok = lp.ok;
        out.bounded = false;
        out.support = idx;
        out.message = lp.ok ? "GLPK: A_S^T mu = sigma infeasible (NSP fails)" : "GLPK failed";
        return out;
      }
      // Upper: the double mu, and mu re-solved at S on the active set.
      Vector<S> mu(m);
      for (int i = 0; i < m; ++i) mu(i) = S(lp.mu[i]);
      S upper = dual_bound<S>(a, subset, sign, mu);
      std::vector<int> active;
      for (int j = 0; j < n; ++j) {
        if (!subset[j] && std::abs(std::abs(ad.col(j).dot(Eigen::Map<const Vector<double>>(lp.mu.data(), m))) - lp.t) <=
                              1e-9 * (1 + lp.t)) {
          active.push_back(j);
        }
      }
      Matrix<S> sys = Matrix<S>::Zero(s + static_cast<int>(active.size()), m + 1);
      Vector<S> rhs = Vector<S>::Zero(sys.rows());
      for (int k = 0; k < s; ++k) {
        sys.row(k).head(m) = a.col(idx[k]).transpose();
        rhs(k) = sign[idx[k]];
      }
      for (size_t q = 0; q < active.size(); ++q) {
        const double g = ad.col(active[q]).dot(Eigen::Map<const Vector<double>>(lp.mu.data(), m));
        sys.row(s + static_cast<Eigen::Index>(q)).head(m) = S(g >= 0 ? 1 : -1) * a.col(active[q]).transpose();
        sys(s + static_cast<Eigen::Index>(q), m) = -1;
      }
      const Vector<S> refined = sys.colPivHouseholderQr().solve(rhs);
      upper = std::min(upper, dual_bound<S>(a, subset, sign, Vector<S>(refined.head(m))));
      // Lower: the primal vertex from the row duals, projected onto ker(A).
      Vector<S> v(n);
      for (int j = 0; j < n; ++j) v(j) = S(lp.v[j]);
      v = q_ker * Vector<S>(q_ker.transpose() * v);
      const S rest = best_s_term_error<S>(v, s);
      const S lower = rest > 0 ? S((v.template lpNorm<1>() - rest) / rest) : S(0);
      if (upper > out.upper) out.upper = upper;
      if (lower > out.lower || out.extremal.size() == 0) {
        out.lower = lower;
        out.extremal = v;
        out.support = idx;
      }
    }
  } while (std::next_permutation(subset.begin(), subset.end()));
  out.message = "optimal";
  return out;
}

#define THMCHECK_CMR22_NSP(S)                                                 \
  template NullSpaceConstant<S> null_space_constant<S>(const Matrix<S>&, int); \
  template S best_s_term_error<S>(const Vector<S>&, int);
THMCHECK_CMR22_NSP(double)
THMCHECK_CMR22_NSP(Mp50)
THMCHECK_CMR22_NSP(Mp100)
#undef THMCHECK_CMR22_NSP

}  // namespace thmcheck::cmr22
