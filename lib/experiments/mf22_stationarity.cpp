#include "thmcheck/experiments/mf22_stationarity.hpp"

#include <Eigen/Eigenvalues>
#include <Eigen/QR>

#include <algorithm>
#include <cmath>
#include <limits>

namespace thmcheck::mf22_figures {

using mf22::DiagonalNetworkProblem;

namespace {
// c(l, j) = prod_{i != j} w(l, i): the derivative of theta_l = prod_i w(l, i) in w(l, j).
Matrix<double> cofactors(const Matrix<double>& w) {
  const Eigen::Index d = w.rows(), n = w.cols();
  Matrix<double> c(d, n);
  for (Eigen::Index l = 0; l < d; ++l)
    for (Eigen::Index j = 0; j < n; ++j) {
      double p = 1;
      for (Eigen::Index i = 0; i < n; ++i)
        if (i != j) p *= w(l, i);
      c(l, j) = p;
    }
  return c;
}

// prod_{i != j, k} w(l, i) (j != k): the second derivative of theta_l.
double second_cofactor(const Matrix<double>& w, Eigen::Index l, Eigen::Index j, Eigen::Index k) {
  double p = 1;
  for (Eigen::Index i = 0; i < w.cols(); ++i)
    if (i != j && i != k) p *= w(l, i);
  return p;
}

}  // namespace

// ---------------------------------------------------------------------------
// D1: the steepest-descent direction from the minimal-norm sub-gradient.



// L(w) = f(prod w), f(theta) = (1/m) ||X theta - y||_1 convex and prod smooth,
// so (Clarke's chain rule, f regular) dL(w) = { J^T gtheta : gtheta in df(theta) }
// with df(theta) = { (1/m) [sum_{r_i != 0} sign(r_i) x_i + sum_{r_i = 0} u_i x_i],
// u in [-1, 1] }. ||J^T gtheta||^2 = sum_l kappa_l gtheta_l^2, kappa_l = sum_j
// c(l, j)^2, a convex quadratic in u over a box: solved exactly by least norm
// when that is feasible, else by accelerated projected gradient (FISTA).
MinNormSubgradient min_norm_subgradient(const DiagonalNetworkProblem<double>& p, const Matrix<double>& w) {
  const Eigen::Index m = p.x.rows(), d = p.x.cols();
  const Vector<double> theta = mf22::layer_product(w);
  const Vector<double> r = p.x * theta - p.y;
  const double tol = 1e-9 * (1 + p.y.lpNorm<Eigen::Infinity>());
  std::vector<Eigen::Index> zero;
  Vector<double> a0 = Vector<double>::Zero(d);
  for (Eigen::Index i = 0; i < m; ++i) {
    if (std::abs(r(i)) <= tol)
      zero.push_back(i);
    else
      a0 += (r(i) > 0 ? 1.0 : -1.0) * p.x.row(i).transpose();
  }
  a0 /= static_cast<double>(m);
  const Matrix<double> c = cofactors(w);
  const Vector<double> kappa = c.rowwise().squaredNorm();
  std::vector<Eigen::Index> rows;
  for (Eigen::Index l = 0; l < d; ++l)
    if (kappa(l) > 0) rows.push_back(l);
  const Eigen::Index nz = static_cast<Eigen::Index>(zero.size()), nr = static_cast<Eigen::Index>(rows.size());
  Matrix<double> bm(nr, nz);
  Vector<double> av(nr);
  for (Eigen::Index q = 0; q < nr; ++q) {
    const double sk = std::sqrt(kappa(rows[q]));
    av(q) = sk * a0(rows[q]);
    for (Eigen::Index z = 0; z < nz; ++z) bm(q, z) = sk * p.x(zero[z], rows[q]) / static_cast<double>(m);
  }
  MinNormSubgradient out;
  out.zero_residuals = static_cast<int>(nz);
  Vector<double> u = Vector<double>::Zero(nz);
  if (nz > 0 && nr > 0) {
    u = Eigen::CompleteOrthogonalDecomposition<Matrix<double>>(bm).solve(-av);
    out.exact = u.lpNorm<Eigen::Infinity>() <= 1;
    if (!out.exact) {
      const Matrix<double> gram = bm.transpose() * bm;
      const Vector<double> h = bm.transpose() * av;
      const double lipschitz =
          2 * Eigen::SelfAdjointEigenSolver<Matrix<double>>(gram, Eigen::EigenvaluesOnly).eigenvalues().maxCoeff();
      u = u.cwiseMax(-1.0).cwiseMin(1.0);
      Vector<double> v = u, u_prev = u;
      double tk = 1;
      for (int it = 0; it < 20000; ++it) {
        const Vector<double> grad = 2 * (gram * v + h);
        u = (v - grad / lipschitz).cwiseMax(-1.0).cwiseMin(1.0);
        const double tn = (1 + std::sqrt(1 + 4 * tk * tk)) / 2;
        v = u + ((tk - 1) / tn) * (u - u_prev);
        if ((u - u_prev).lpNorm<Eigen::Infinity>() < 1e-15) break;
        u_prev = u;
        tk = tn;
      }
      const Vector<double> grad = 2 * (gram * u + h);
      out.kkt = ((u - grad / lipschitz).cwiseMax(-1.0).cwiseMin(1.0) - u).lpNorm<Eigen::Infinity>();
    }
    out.max_multiplier = u.lpNorm<Eigen::Infinity>();
  }
  Vector<double> gtheta = a0;
  for (Eigen::Index z = 0; z < nz; ++z) gtheta += u(z) * p.x.row(zero[z]).transpose() / static_cast<double>(m);
  out.g = c.array().colwise() * gtheta.array();
  out.selection = c.array().colwise() * a0.array();
  out.norm = out.g.norm();
  out.selection_norm = out.selection.norm();
  return out;
}

// ---------------------------------------------------------------------------
// D2: the most negatively curved direction of the smoothed loss
// g(w) = (1/m) sum_i sqrt(r_i^2 + eps), r = X prod w - y.



double smoothed_loss(const DiagonalNetworkProblem<double>& p, const Matrix<double>& w, double eps) {
  const Vector<double> r = p.x * mf22::layer_product(w) - p.y;
  return (r.array().square() + eps).sqrt().sum() / static_cast<double>(p.x.rows());
}

namespace {
Matrix<double> smoothed_gradient(const DiagonalNetworkProblem<double>& p, const Matrix<double>& w, double eps) {
  const Vector<double> r = p.x * mf22::layer_product(w) - p.y;
  const Vector<double> s = r.array() / (r.array().square() + eps).sqrt();
  const Vector<double> a = p.x.transpose() * s / static_cast<double>(p.x.rows());
  return cofactors(w).array().colwise() * a.array();
}
}  // namespace

// Hessian of g at w: H[(l,j),(l',k)] = c(l,j) M(l,l') c(l',k) + [l = l', j != k]
// a_l prod_{i != j,k} w(l,i), with M = (1/m) X^T diag(eps / (r^2+eps)^{3/2}) X
// and a = (1/m) X^T (r / sqrt(r^2+eps)). Rows l whose cofactors all vanish
// (off-support rows of w* when N >= 2) do not couple through M, so H is block
// diagonal: one dense block over the coupled rows and an N x N block per other
// row. Each block is solved exactly (Eigen's SelfAdjointEigenSolver); this is
// the dense eigensolver restricted to H's exact block structure.
Curvature most_negative_curvature(const DiagonalNetworkProblem<double>& p, const Matrix<double>& w, double eps) {
  const Eigen::Index m = p.x.rows(), d = w.rows(), n = w.cols();
  const Vector<double> r = p.x * mf22::layer_product(w) - p.y;
  const Vector<double> s = r.array() / (r.array().square() + eps).sqrt();
  const Vector<double> hdiag = eps / (r.array().square() + eps).pow(1.5);
  const Vector<double> a = p.x.transpose() * s / static_cast<double>(m);
  const Matrix<double> c = cofactors(w);
  std::vector<Eigen::Index> coupled, single;
  for (Eigen::Index l = 0; l < d; ++l) (c.row(l).cwiseAbs().maxCoeff() > 0 ? coupled : single).push_back(l);
  Curvature out;
  out.lambda_min = std::numeric_limits<double>::infinity();
  out.direction = Matrix<double>::Zero(d, n);
  const Eigen::Index nc = static_cast<Eigen::Index>(coupled.size());
  out.dense_dimension = static_cast<int>(nc * n);
  if (nc > 0) {
    Matrix<double> xc(m, nc);
    for (Eigen::Index q = 0; q < nc; ++q) xc.col(q) = p.x.col(coupled[q]);
    const Matrix<double> mm = xc.transpose() * hdiag.asDiagonal() * xc / static_cast<double>(m);
    Matrix<double> h(nc * n, nc * n);
    for (Eigen::Index q = 0; q < nc; ++q)
      for (Eigen::Index j = 0; j < n; ++j)
        for (Eigen::Index q2 = 0; q2 < nc; ++q2)
          for (Eigen::Index k = 0; k < n; ++k) {
            double v = c(coupled[q], j) * mm(q, q2) * c(coupled[q2], k);
            if (q == q2 && j != k) v += a(coupled[q]) * second_cofactor(w, coupled[q], j, k);
            h(q * n + j, q2 * n + k) = v;
          }
    const Eigen::SelfAdjointEigenSolver<Matrix<double>> es(h);
    out.hessian_scale = es.eigenvalues().cwiseAbs().maxCoeff();
    out.lambda_min = es.eigenvalues()(0);
    for (Eigen::Index q = 0; q < nc; ++q)
      for (Eigen::Index j = 0; j < n; ++j) out.direction(coupled[q], j) = es.eigenvectors()(q * n + j, 0);
  }
  for (Eigen::Index l : single) {
    Matrix<double> b = Matrix<double>::Zero(n, n);
    for (Eigen::Index j = 0; j < n; ++j)
      for (Eigen::Index k = 0; k < n; ++k)
        if (j != k) b(j, k) = a(l) * second_cofactor(w, l, j, k);
    const Eigen::SelfAdjointEigenSolver<Matrix<double>> es(b);
    out.hessian_scale = std::max(out.hessian_scale, es.eigenvalues().cwiseAbs().maxCoeff());
    if (es.eigenvalues()(0) < out.lambda_min) {
      out.lambda_min = es.eigenvalues()(0);
      out.direction.setZero();
      out.direction.row(l) = es.eigenvectors().col(0).transpose();
    }
  }
  // Deterministic sign: the largest-magnitude entry is positive.
  Eigen::Index bi, bj;
  out.direction.cwiseAbs().maxCoeff(&bi, &bj);
  if (out.direction(bi, bj) < 0) out.direction = -out.direction;
  // Independent check of the eigenpair: H v by central differences of the
  // analytic gradient of g (h small against sqrt(eps) of the zero residuals).
  const double step = 1e-3 * std::sqrt(eps);
  const Matrix<double> hv = (smoothed_gradient(p, w + step * out.direction, eps) -
                             smoothed_gradient(p, w - step * out.direction, eps)) /
                            (2 * step);
  out.fd_residual = (hv - out.lambda_min * out.direction).norm();
  return out;
}

}  // namespace thmcheck::mf22_figures
