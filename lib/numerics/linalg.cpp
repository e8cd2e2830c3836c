#include "thmcheck/numerics/linalg.hpp"

namespace thmcheck {

template <class Scalar>
Scalar spectral_norm(const Matrix<Scalar>& a) {
  using std::sqrt;
  if (a.size() == 0) return Scalar(0);
  Matrix<Scalar> gram = a.rows() <= a.cols() ? Matrix<Scalar>(a * a.transpose())
                                             : Matrix<Scalar>(a.transpose() * a);
  Eigen::SelfAdjointEigenSolver<Matrix<Scalar>> es(gram, Eigen::EigenvaluesOnly);
  Scalar top = es.eigenvalues().maxCoeff();
  return top > 0 ? sqrt(top) : Scalar(0);
}

template <class Scalar>
Scalar smallest_singular_value(const Matrix<Scalar>& a) {
  if (a.size() == 0) return Scalar(0);
  Eigen::JacobiSVD<Matrix<Scalar>> svd(a);
  return svd.singularValues().minCoeff();
}

template double spectral_norm<double>(const Matrix<double>&);
template Mp50 spectral_norm<Mp50>(const Matrix<Mp50>&);
template Mp100 spectral_norm<Mp100>(const Matrix<Mp100>&);
template double smallest_singular_value<double>(const Matrix<double>&);
template Mp50 smallest_singular_value<Mp50>(const Matrix<Mp50>&);
template Mp100 smallest_singular_value<Mp100>(const Matrix<Mp100>&);

}  // namespace thmcheck
