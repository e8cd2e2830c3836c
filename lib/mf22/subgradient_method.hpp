// The sub-gradient method (SubGM) of mf22 Algorithm 1 on the l1 loss (1) of an
// N-layer diagonal network: w^{(t+1)} = w^{(t)} - eta^{(t)} d^{(t)}, d^{(t)} in
// the sub-differential, with the step schedules of Appendix B (constant,
// geometric eta_t = eta_0 beta^t, piecewise constant) and the small
// initialization w_j^{(0)} = alpha^{1/N} 1 of Theorems 2-3.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "thmcheck/mf22/diagonal_network.hpp"

namespace thmcheck::mf22 {

/// Step-size schedule.
enum class StepSchedule {
  kConstant,           ///< eta_t = step
  kGeometric,          ///< eta_t = step * decay^t
  kPiecewiseConstant,  ///< eta_t = step_i for pieces[i].first <= t < pieces[i+1].first
};

/// Which direction Algorithm 1 takes.
enum class DirectionRule {
  kSubgradient,  ///< the true sub-gradient (l1_subgradient)
  kAsPrinted,    ///< eq. (4) as printed (the negative sub-gradient; ascends)
};

template <class Scalar>
struct SubgradientOptions {
  StepSchedule schedule = StepSchedule::kConstant;
  Scalar step = Scalar(1) / 100;   ///< eta_0
  Scalar decay = Scalar(1);        ///< geometric factor beta in (0, 1]
  /// Piecewise constant: (first iteration, step), first entry at iteration 0.
  std::vector<std::pair<long, Scalar>> pieces;
  long max_iterations = 1000;      ///< T
  DirectionRule direction = DirectionRule::kSubgradient;
  /// Empty when valid, else the first problem.
  std::string validate() const {
    if (max_iterations < 0) return "max_iterations must be >= 0";
    if (schedule == StepSchedule::kPiecewiseConstant) {
      if (pieces.empty() || pieces.front().first != 0) return "pieces must start at iteration 0";
      for (std::size_t i = 0; i < pieces.size(); ++i) {
        if (!(pieces[i].second > 0)) return "piece steps must be positive";
        if (i > 0 && pieces[i].first <= pieces[i - 1].first) return "pieces must be increasing";
      }
    } else if (!(step > 0)) {
      return "step must be positive";
    }
    if (schedule == StepSchedule::kGeometric && !(decay > 0 && decay <= 1))
      return "decay must be in (0, 1]";
    return "";
  }
  /// eta_t.
  Scalar step_at(long t) const {
    using std::pow;
    switch (schedule) {
      case StepSchedule::kConstant: return step;
      case StepSchedule::kGeometric: return step * pow(decay, Scalar(static_cast<double>(t)));
      case StepSchedule::kPiecewiseConstant: {
        Scalar s = pieces.front().second;
        for (const auto& [start, value] : pieces)
          if (t >= start) s = value;
        return s;
      }
    }
    return step;
  }
};

/// Why SubGM stopped.
enum class SubgradientStatus {
  kNotRun,            ///< subgradient_method was not called
  kMaxIterations,     ///< ran T iterations
  kObserverStopped,   ///< the observer returned true
  kNonFinite,         ///< an iterate became NaN or infinite (failure)
  kInvalidOptions,    ///< options.validate() failed (input error)
};
inline std::string to_string(SubgradientStatus s) {
  switch (s) {
    case SubgradientStatus::kNotRun: return "not run";
    case SubgradientStatus::kMaxIterations: return "max iterations";
    case SubgradientStatus::kObserverStopped: return "stopped by observer";
    case SubgradientStatus::kNonFinite: return "non-finite iterate";
    case SubgradientStatus::kInvalidOptions: return "invalid options";
  }
  return "?";
}

/// One iterate as seen by observers (before the update of iteration t).
template <class Scalar>
struct SubgradientIterate {
  long iteration = 0;
  const Matrix<Scalar>* w = nullptr;
  const Vector<Scalar>* product = nullptr;  ///< prod_j w_j
  Scalar loss = 0;                           ///< L(w), eq. (1)
};

template <class Scalar>
struct SubgradientResult {
  SubgradientStatus status = SubgradientStatus::kNotRun;
  std::string message = "subgradient_method was not called.";
  Matrix<Scalar> w;
  long iterations = -1;  ///< updates performed
  Scalar loss = -1;      ///< L at the returned w
  bool ok() const {
    return status == SubgradientStatus::kMaxIterations ||
           status == SubgradientStatus::kObserverStopped;
  }
};

/// Observer that never stops.
struct NullSubgradientObserver {
  template <class It>
  bool operator()(const It&) const { return false; }
};

/// Runs Algorithm 1 from w0. The observer sees every iterate t = 0..T (before
/// its update) and may stop the run by returning true.
template <class Scalar, class Observer = NullSubgradientObserver>
SubgradientResult<Scalar> subgradient_method(const DiagonalNetworkProblem<Scalar>& problem,
                                             Matrix<Scalar> w,
                                             const SubgradientOptions<Scalar>& options,
                                             Observer&& observer = {}) {
  SubgradientResult<Scalar> result;
  const std::string problem_text = options.validate();
  if (!problem_text.empty()) {
    result.status = SubgradientStatus::kInvalidOptions;
    result.message = problem_text;
    return result;
  }
  const Scalar inv_m = Scalar(1) / Scalar(static_cast<double>(problem.x.rows()));
  const Eigen::Index d = w.rows(), n = w.cols();
  // Work vectors allocated once: an iteration does the arithmetic of the
  // textbook form (layer_product, X theta - y, X^T Sign(r) / m, prefix and
  // suffix products) in the same order, without allocating.
  Matrix<Scalar> grad(d, n);
  Vector<Scalar> theta(d), r(problem.x.rows()), s(problem.x.rows()), g(d), prefix(d), suffix(d);
  for (long t = 0;; ++t) {
    theta.setOnes();
    for (Eigen::Index j = 0; j < n; ++j) theta = theta.cwiseProduct(w.col(j));  // layer_product(w)
    r.noalias() = problem.x * theta;
    r -= problem.y;
    SubgradientIterate<Scalar> it;
    it.iteration = t;
    it.w = &w;
    it.product = &theta;
    it.loss = r.cwiseAbs().sum() * inv_m;
    if (!is_finite(it.loss)) {
      result.status = SubgradientStatus::kNonFinite;
      result.message = "loss became non-finite at iteration " + std::to_string(t);
      result.w = w;
      result.iterations = t;
      result.loss = it.loss;
      return result;
    }
    const bool stop = observer(it);
    if (stop || t == options.max_iterations) {
      result.status = stop ? SubgradientStatus::kObserverStopped : SubgradientStatus::kMaxIterations;
      result.message = to_string(result.status);
      result.w = w;
      result.iterations = t;
      result.loss = it.loss;
      return result;
    }
    // Sub-gradient in theta: (1/m) X^T Sign(r) (Sign(0) := 0), then the chain
    // rule g (.) prod_{k != i} w_k via prefix/suffix products.
    // Sign without branches ((v > 0) - (v < 0) is 1, -1 or 0, as Sign is):
    // the signs of the residuals are close to random, and a branch on each
    // one mispredicts about half the time.
    s = r.unaryExpr([](const Scalar& v) { return Scalar(static_cast<int>(v > 0) - static_cast<int>(v < 0)); });
    g.noalias() = problem.x.transpose() * s * inv_m;
    if (options.direction == DirectionRule::kAsPrinted) g = -g;
    prefix.setOnes();
    for (Eigen::Index i = 0; i < n; ++i) {
      grad.col(i) = prefix;
      prefix = prefix.cwiseProduct(w.col(i));
    }
    suffix.setOnes();
    for (Eigen::Index i = n - 1; i >= 0; --i) {
      grad.col(i) = grad.col(i).cwiseProduct(suffix).cwiseProduct(g);
      suffix = suffix.cwiseProduct(w.col(i));
    }
    w -= options.step_at(t) * grad;
  }
}

}  // namespace thmcheck::mf22
