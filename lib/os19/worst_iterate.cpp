#include "thmcheck/os19/worst_iterate.hpp"

#include <algorithm>

namespace thmcheck::os19 {

template <class S>
void Worst<S>::offer(long t, const S& lhs, const S& rhs, const S& err_in, const S& slack) {
  const S err = extra ? S(err_in + extra(t, lhs, rhs)) : err_in;
  const int cat = lhs - err > rhs ? 2 : (lhs + err >= rhs ? 1 : 0);
  const S r = rhs > 0 ? S(lhs / rhs) : S(lhs > 0 ? 1e300 : 0);
  if (cat != 1) {
    const S value = slack >= 0 ? slack : r;
    if (is_finite(value) && value > tightness) tightness = value;
  }
  if (iteration < 0 || cat > category || (cat == category && cat != 1 && r > ratio)) {
    category = cat;
    ratio = r;
    measured = lhs;
    bound = rhs;
    error = err;
    iteration = t;
  }
}

template <class S>
void offer_squared_rate(Worst<S>& w, long k, const S& q_power, const S& r0, const S& dr0, const S& rk,
                        const S& drk) {
  using std::log;
  const S u = unit_roundoff<S>();
  // ||r_k||^2 against q^k ||r0||^2 (q^k may underflow to 0 when q = 0).
  const S bound = q_power * r0 * r0;
  const S err = ((rk + drk) * (rk + drk) - rk * rk) +
                bound * (2 * dr0 / r0 + 4 * u * S(static_cast<double>(k + 1)));
  const S slack = q_power > 0 && q_power < 1 && rk < r0 && rk > 0
                      ? S(log(q_power) / log(rk * rk / (r0 * r0)))
                      : S(0);
  w.offer(k, rk * rk, bound, err, slack);
}

template <class S>
S potential_slack(const S& coefficient, const S& dk, const S& r0, const S& rk) {
  return rk < r0 ? S(coefficient * dk / (r0 - rk)) : S(0);
}

template <class S>
std::function<S(long, const S&, const S&)> constants_rounding_error(const S& crel, const S& alpha,
                                                                    const S& beta, const S& r0,
                                                                    const S& denominator, const S& q_claim,
                                                                    const Trajectory<S>& t) {
  return [crel, alpha, beta, r0, denominator, q_claim, &t](long k, const S& lhs, const S& rhs) {
    using std::abs;
    const S qfactor = q_claim > 0 && q_claim < 1 ? S(S(static_cast<double>(k)) * (1 - q_claim) / q_claim) : S(0);
    return S(crel * (abs(lhs) + abs(rhs) * (1 + qfactor)) +
             crel * (beta + alpha) * (t.path[k] + t.distance[k]) * 2 * (r0 + beta * t.path[k]) / denominator);
  };
}

#define THMCHECK_OS19_WORST_INSTANTIATE(S)                                                         \
  template struct Worst<S>;                                                                        \
  template void offer_squared_rate(Worst<S>&, long, const S&, const S&, const S&, const S&, const S&); \
  template S potential_slack(const S&, const S&, const S&, const S&);                              \
  template std::function<S(long, const S&, const S&)> constants_rounding_error(                   \
      const S&, const S&, const S&, const S&, const S&, const S&, const Trajectory<S>&);
THMCHECK_OS19_WORST_INSTANTIATE(double)
THMCHECK_OS19_WORST_INSTANTIATE(Mp50)
THMCHECK_OS19_WORST_INSTANTIATE(Mp100)

}  // namespace thmcheck::os19
