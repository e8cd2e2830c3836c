#include "thmcheck/mf22/relu_network.hpp"

#include <algorithm>
#include <stdexcept>

namespace thmcheck::mf22 {

template <class S>
std::string relu_weights_problem(const ReluWeights<S>& w, Eigen::Index input_dimension) {
  if (w.size() < 2) return "an N-layer ReLU network needs N >= 2 weight matrices";
  if (w.front().cols() != input_dimension) return "W_1 must have as many columns as the input dimension";
  if (w.back().rows() != 1) return "W_N must have one row (scalar output)";
  for (std::size_t j = 1; j < w.size(); ++j)
    if (w[j].cols() != w[j - 1].rows()) return "W_" + std::to_string(j + 1) + " does not fit W_" + std::to_string(j);
  return "";
}

namespace {

template <class S>
void require_valid(const ReluWeights<S>& w, Eigen::Index input_dimension) {
  const std::string problem = relu_weights_problem(w, input_dimension);
  if (!problem.empty()) throw std::invalid_argument("relu network: " + problem);
}

// Fills z, h and output for the columns of x.
template <class S>
void forward(const ReluWeights<S>& w, const Matrix<S>& x, ReluWorkspace<S>& ws) {
  const std::size_t hidden = w.size() - 1;
  ws.z.resize(hidden);
  ws.h.resize(hidden);
  for (std::size_t j = 0; j < hidden; ++j) {
    const Matrix<S>& in = j == 0 ? x : ws.h[j - 1];
    ws.z[j].noalias() = w[j] * in;
    ws.h[j] = ws.z[j].cwiseMax(S(0));  // branch-free, unlike a select on random signs
  }
  ws.output.noalias() = (w.back() * ws.h.back()).transpose();
}

}  // namespace

template <class S>
Vector<S> relu_network_output(const ReluWeights<S>& w, const Matrix<S>& x) {
  require_valid(w, x.rows());
  ReluWorkspace<S> ws;
  forward(w, x, ws);
  return ws.output;
}

template <class S>
S relu_l1_loss(const ReluNetworkProblem<S>& problem, const ReluWeights<S>& w) {
  return (relu_network_output(w, problem.x) - problem.y).cwiseAbs().sum() /
         S(static_cast<double>(problem.x.cols()));
}

template <class S>
S relu_l1_subgradient(const ReluNetworkProblem<S>& problem, const ReluWeights<S>& w, ReluWeights<S>& gradient,
                      ReluWorkspace<S>& ws) {
  require_valid(w, problem.x.rows());
  const S inv_m = S(1) / S(static_cast<double>(problem.x.cols()));
  const std::size_t n = w.size();
  forward(w, problem.x, ws);
  ws.sign = ws.output - problem.y;
  const S loss = ws.sign.cwiseAbs().sum() * inv_m;
  ws.sign = ws.sign.unaryExpr([&](const S& r) { return r > 0 ? inv_m : (r < 0 ? S(-inv_m) : S(0)); });
  gradient.resize(n);
  gradient[n - 1].noalias() = ws.sign.transpose() * ws.h[n - 2].transpose();
  ws.delta.noalias() = w[n - 1].transpose() * ws.sign.transpose();
  ws.delta.array() *= (ws.z[n - 2].array() > S(0)).template cast<S>();
  for (std::size_t j = n - 1; j-- > 0;) {
    const Matrix<S>& in = j == 0 ? problem.x : ws.h[j - 1];
    gradient[j].noalias() = ws.delta * in.transpose();
    if (j == 0) break;
    ws.back.noalias() = w[j].transpose() * ws.delta;
    ws.delta = ws.back;
    ws.delta.array() *= (ws.z[j - 1].array() > S(0)).template cast<S>();
  }
  return loss;
}

template <class S>
ReluKinkDistance<S> relu_kink_distance(const ReluNetworkProblem<S>& problem, const ReluWeights<S>& w) {
  require_valid(w, problem.x.rows());
  ReluWorkspace<S> ws;
  forward(w, problem.x, ws);
  ReluKinkDistance<S> out;
  out.residual = (ws.output - problem.y).cwiseAbs().minCoeff();
  out.pre_activation = ws.z.front().cwiseAbs().minCoeff();
  for (const Matrix<S>& z : ws.z) out.pre_activation = std::min(out.pre_activation, S(z.cwiseAbs().minCoeff()));
  return out;
}

#define THMCHECK_MF22_RELU_DEFINE(S)                                                                       \
  template std::string relu_weights_problem<S>(const ReluWeights<S>&, Eigen::Index);                      \
  template Vector<S> relu_network_output<S>(const ReluWeights<S>&, const Matrix<S>&);                     \
  template S relu_l1_loss<S>(const ReluNetworkProblem<S>&, const ReluWeights<S>&);                        \
  template S relu_l1_subgradient<S>(const ReluNetworkProblem<S>&, const ReluWeights<S>&, ReluWeights<S>&, \
                                    ReluWorkspace<S>&);                                                   \
  template ReluKinkDistance<S> relu_kink_distance<S>(const ReluNetworkProblem<S>&, const ReluWeights<S>&);
THMCHECK_MF22_RELU_DEFINE(double)
THMCHECK_MF22_RELU_DEFINE(Mp50)

}  // namespace thmcheck::mf22
