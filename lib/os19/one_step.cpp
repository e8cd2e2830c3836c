#include "thmcheck/os19/one_step.hpp"

#include <Eigen/Cholesky>
#include <Eigen/Eigenvalues>

#include <algorithm>
#include <cmath>

namespace thmcheck::os19 {

template <class S>
AverageSlopes<S> glm_average_slopes(const Activation<S>& phi, const Vector<S>& z, const Vector<S>& w) {
  using std::abs;
  using std::max;
  using std::sqrt;
  const S u = unit_roundoff<S>();
  const S small = sqrt(u);
  AverageSlopes<S> out;
  out.a.resize(z.size());
  for (Eigen::Index i = 0; i < z.size(); ++i) {
    const S dz = w(i) - z(i);
    S err;
    if (abs(dz) < small * (1 + abs(z(i)))) {
      out.a(i) = phi.derivative((z(i) + w(i)) / 2);
      err = phi.curvature() * abs(dz) / 4 + 8 * u * (1 + abs(z(i))) * (phi.big_gamma() + phi.curvature());
    } else {
      const S fz = phi.value(z(i)), fw = phi.value(w(i));
      out.a(i) = (fw - fz) / dz;
      err = 8 * u * (abs(z(i)) + abs(w(i)) + abs(fz) + abs(fw) + 2) / abs(dz);
    }
    out.error = max(out.error, err);
  }
  return out;
}

template <class S>
GeneralizedMin<S> generalized_min_eigenvalue(const Matrix<S>& a, const Matrix<S>& g) {
  GeneralizedMin<S> out;
  Eigen::LLT<Matrix<S>> llt(g);
  if (llt.info() != Eigen::Success) return out;
  const Matrix<S> l = llt.matrixL();
  // M = L^{-1} A L^{-T}, by two triangular solves.
  const Matrix<S> left = l.template triangularView<Eigen::Lower>().solve(a);
  Matrix<S> m = l.template triangularView<Eigen::Lower>().solve(Matrix<S>(left.transpose()));
  m = (m + m.transpose()).eval() / S(2);
  Eigen::SelfAdjointEigenSolver<Matrix<S>> es(m, Eigen::EigenvaluesOnly);
  if (es.info() != Eigen::Success) return out;
  out.ok = true;
  out.value = es.eigenvalues()(0);
  return out;
}

template <class S>
S potential(const GlmModel<S>& model, const Vector<S>& theta0, const Vector<S>& theta, const S& zeta) {
  return S((theta - theta0).norm()) + S(model.residual(theta).norm()) / zeta;
}

double potential_boundary(const GlmModel<double>& model, const Vector<double>& theta0, const Vector<double>& d,
                          double zeta) {
  const double radius = model.residual(theta0).norm() / zeta;
  const double dn = d.norm();
  if (!(dn > 0) || !(radius > 0)) return 0;
  const auto excess = [&](double t) { return potential(model, theta0, Vector<double>(theta0 + t * d), zeta) - radius; };
  // Inside P just after 0? Probe a small step first.
  double lo = 0, hi = radius / dn;
  const double probe = hi * 1e-6;
  if (!(excess(probe) <= 0)) return 0;
  lo = probe;
  if (excess(hi) <= 0) return hi;
  for (int k = 0; k < 80; ++k) {
    const double mid = (lo + hi) / 2;
    if (excess(mid) <= 0) {
      lo = mid;
    } else {
      hi = mid;
    }
  }
  return lo;
}

template AverageSlopes<double> glm_average_slopes(const Activation<double>&, const Vector<double>&,
                                                  const Vector<double>&);
template AverageSlopes<Mp50> glm_average_slopes(const Activation<Mp50>&, const Vector<Mp50>&, const Vector<Mp50>&);
template AverageSlopes<Mp100> glm_average_slopes(const Activation<Mp100>&, const Vector<Mp100>&,
                                                 const Vector<Mp100>&);
template GeneralizedMin<double> generalized_min_eigenvalue(const Matrix<double>&, const Matrix<double>&);
template GeneralizedMin<Mp50> generalized_min_eigenvalue(const Matrix<Mp50>&, const Matrix<Mp50>&);
template GeneralizedMin<Mp100> generalized_min_eigenvalue(const Matrix<Mp100>&, const Matrix<Mp100>&);
template double potential(const GlmModel<double>&, const Vector<double>&, const Vector<double>&, const double&);
template Mp50 potential(const GlmModel<Mp50>&, const Vector<Mp50>&, const Vector<Mp50>&, const Mp50&);
template Mp100 potential(const GlmModel<Mp100>&, const Vector<Mp100>&, const Vector<Mp100>&, const Mp100&);

}  // namespace thmcheck::os19
