// The positive reduced flow (18) of cmr22 in log coordinates, with the
// dissipation integral of Lemma 2.6. With x = exp(w) (x > 0 stays positive
// along (18)), x' = -L [A^T r] (.) x^{L-1} becomes
//   w' = -L [A^T r] (.) x^{L-2},   r = A x^L - y,
// which Odeint's error control then resolves to a relative accuracy in every
// entry of x, however small (x0 down to 1e-8: in x coordinates an absolute
// tolerance of 1e-11 is larger than x~ = x^L itself).
#pragma once

#include "thmcheck/cmr22/gradient_flow.hpp"
#include "thmcheck/numerics/scalar.hpp"

namespace thmcheck::cmr22 {

/// theta = [w; q] with x = exp(w) and q(t) = int_0^t ||A x~ - y||^2;
/// -gradient(theta) = [w'; ||A x~ - y||^2] (gradient_flow integrates
/// theta' = -gradient(theta)).
template <class Scalar>
struct LogReducedLossWithDissipation {
  Matrix<Scalar> a;
  Vector<Scalar> y;
  int depth = 2;
  /// x~ = exp(L w).
  Vector<Scalar> product(const Vector<Scalar>& theta) const {
    using std::exp;
    return theta.head(a.cols()).unaryExpr([this](const Scalar& w) { return Scalar(exp(Scalar(depth) * w)); });
  }
  Vector<Scalar> gradient(const Vector<Scalar>& theta) const {
    using std::exp;
    const Eigen::Index n = a.cols();
    const Vector<Scalar> r = a * product(theta) - y;
    const Vector<Scalar> atr = a.transpose() * r;
    Vector<Scalar> g(n + 1);
    for (Eigen::Index i = 0; i < n; ++i) {
      g(i) = Scalar(depth) * atr(i) * (depth == 2 ? Scalar(1) : Scalar(exp(Scalar(depth - 2) * theta(i))));
    }
    g(n) = -r.squaredNorm();
    return g;
  }
};

#define THMCHECK_CMR22_LOG_FLOW_EXTERN(S)                                                      \
  extern template GradientFlowResult<S> gradient_flow<S, LogReducedLossWithDissipation<S>>(    \
      const LogReducedLossWithDissipation<S>&, const Vector<S>&, const GradientFlowOptions<S>&, \
      const FlowObserver<S>&);
THMCHECK_CMR22_LOG_FLOW_EXTERN(double)
THMCHECK_CMR22_LOG_FLOW_EXTERN(Mp50)
THMCHECK_CMR22_LOG_FLOW_EXTERN(Mp100)
#undef THMCHECK_CMR22_LOG_FLOW_EXTERN

}  // namespace thmcheck::cmr22
