#include "thmcheck/mf22/outlier_law.hpp"

#include <boost/math/constants/constants.hpp>
#include <boost/math/quadrature/exp_sinh.hpp>
#include <boost/math/quadrature/gauss_kronrod.hpp>

#include <cmath>
#include <limits>
#include <stdexcept>

namespace thmcheck::mf22 {

std::string to_string(OutlierKind k) {
  switch (k) {
    case OutlierKind::kGaussian: return "gaussian";
    case OutlierKind::kUniform: return "uniform";
    case OutlierKind::kTwoPoint: return "two_point";
    case OutlierKind::kStudentT3: return "student_t3";
    case OutlierKind::kCauchy: return "cauchy";
  }
  return "?";
}

OutlierKind parse_outlier_kind(std::string_view text) {
  for (OutlierKind k : {OutlierKind::kGaussian, OutlierKind::kUniform, OutlierKind::kTwoPoint,
                        OutlierKind::kStudentT3, OutlierKind::kCauchy}) {
    if (text == to_string(k)) return k;
  }
  throw std::invalid_argument("unknown outlier law '" + std::string(text) + "'");
}

namespace {

template <class S>
S pi() {
  return boost::math::constants::pi<S>();
}

/// Number of decimal digits of S (about 16 for double).
template <class S>
int digits10() {
  return std::numeric_limits<S>::digits10 + 1;
}

/// The asymptotic series of erfcx is used once its smallest term (about
/// exp(-x^2)) is below the unit roundoff: x^2 > 2.31 digits + 10.
template <class S>
S erfcx_switch() {
  using std::sqrt;
  return sqrt(S(2.31 * digits10<S>() + 10));
}

/// Student-t3 damping for large b: E = (2/pi) sum_n (-1)^n (n+1) Gamma(n+1/2)
/// b^{-(n+1/2)} (termwise integration of (1+u^2)^{-2}), stopped at the
/// smallest term.
template <class S>
S t3_asymptotic(const S& b) {
  using std::abs;
  using std::sqrt;
  const S eps = std::numeric_limits<S>::epsilon();
  // Gamma(n + 1/2) = Gamma(1/2) (1/2)(3/2)...(n - 1/2).
  S gamma_half = sqrt(pi<S>());
  S bpow = sqrt(b);  // b^{n+1/2}
  S sum = 0;
  S previous = std::numeric_limits<S>::max();
  for (int n = 0; n < 400; ++n) {
    const S term = S(n + 1) * gamma_half / bpow;
    if (term > previous) break;
    sum += (n % 2 == 0) ? term : S(-term);
    if (term < eps * abs(sum)) break;
    previous = term;
    gamma_half *= S(n) + S(1) / 2;
    bpow *= b;
  }
  return S(2) / pi<S>() * sum;
}

}  // namespace

template <class S>
S erfcx(const S& x) {
  using std::abs;
  using std::erfc;
  using std::exp;
  using std::sqrt;
  if (x < erfcx_switch<S>()) return exp(x * x) * erfc(x);
  // erfcx(x) ~ 1/(x sqrt(pi)) sum_n (-1)^n (2n-1)!! / (2x^2)^n.
  const S eps = std::numeric_limits<S>::epsilon();
  const S y = 1 / (2 * x * x);
  S term = 1, sum = 1;
  for (int n = 1; n < 400; ++n) {
    const S next = term * S(2 * n - 1) * y;
    if (next > term) break;
    term = next;
    sum += (n % 2 == 0) ? term : S(-term);
    if (term < eps) break;
  }
  return sum / (x * sqrt(pi<S>()));
}

template <class S>
std::optional<S> OutlierLaw<S>::mean() const {
  if (kind == OutlierKind::kCauchy) return std::nullopt;
  return S(0);
}

template <class S>
S OutlierLaw<S>::cdf(const S& t) const {
  using std::atan;
  using std::erfc;
  using std::sqrt;
  const S half = S(1) / 2;
  switch (kind) {
    case OutlierKind::kGaussian: return half * erfc(-t / (scale * sqrt(S(2))));
    case OutlierKind::kUniform:
      if (t <= -scale) return S(0);
      if (t >= scale) return S(1);
      return (t + scale) / (2 * scale);
    case OutlierKind::kTwoPoint:
      if (t < -scale) return S(0);
      if (t < scale) return half;
      return S(1);
    case OutlierKind::kStudentT3: {
      const S y = t / (scale * sqrt(S(3)));
      return half + (atan(y) + y / (1 + y * y)) / pi<S>();
    }
    case OutlierKind::kCauchy: return half + atan(t / scale) / pi<S>();
  }
  return S(0);
}

template <class S>
S OutlierLaw<S>::tail_probability(const S& t0) const {
  using std::atan;
  using std::erfc;
  using std::sqrt;
  switch (kind) {
    case OutlierKind::kGaussian: return erfc(t0 / (scale * sqrt(S(2))));
    case OutlierKind::kUniform: return t0 >= scale ? S(0) : S(1 - t0 / scale);
    case OutlierKind::kTwoPoint: return t0 <= scale ? S(1) : S(0);
    case OutlierKind::kStudentT3: {
      const S y = t0 / (scale * sqrt(S(3)));
      return 1 - 2 * (atan(y) + y / (1 + y * y)) / pi<S>();
    }
    case OutlierKind::kCauchy: return 1 - 2 * atan(t0 / scale) / pi<S>();
  }
  return S(0);
}

template <class S>
S OutlierLaw<S>::gaussian_damping(const S& s2) const {
  using std::erf;
  using std::exp;
  using std::sqrt;
  const S c = scale;
  switch (kind) {
    case OutlierKind::kGaussian: return sqrt(s2 / (s2 + c * c));
    case OutlierKind::kUniform: return sqrt(pi<S>() * s2 / 2) * erf(c / sqrt(2 * s2)) / c;
    case OutlierKind::kTwoPoint: return exp(-c * c / (2 * s2));
    case OutlierKind::kStudentT3: {
      const S b = 3 * c * c / (2 * s2);
      // The closed form cancels like 4 b^2 for large b; switch to the series.
      if (b > S(2.5 * digits10<S>() + 20)) return t3_asymptotic(b);
      const S rb = sqrt(b);
      return 2 * rb / sqrt(pi<S>()) + (1 - 2 * b) * erfcx(rb);
    }
    case OutlierKind::kCauchy: return erfcx(c / sqrt(2 * s2));
  }
  return S(0);
}

template <class S>
double OutlierLaw<S>::sample(RandomSource& rng) const {
  const double c = scalar_cast<double>(scale);
  switch (kind) {
    case OutlierKind::kGaussian: return c * rng.gaussian();
    case OutlierKind::kUniform: return c * (2 * rng.uniform() - 1);
    case OutlierKind::kTwoPoint: return c * rng.sign();
    case OutlierKind::kStudentT3: {
      const double z = rng.gaussian();
      double chi2 = 0;
      for (int i = 0; i < 3; ++i) {
        const double g = rng.gaussian();
        chi2 += g * g;
      }
      return c * z / std::sqrt(chi2 / 3);
    }
    case OutlierKind::kCauchy: {
      double u = 0.5;
      while (u == 0.5 || u == 0) u = rng.uniform();
      return c * std::tan(M_PI * (u - 0.5));
    }
  }
  return 0;
}

template <class S>
S gaussian_damping_quadrature(const OutlierLaw<S>& law, const S& s2) {
  using std::exp;
  using std::sqrt;
  const S c = law.scale;
  const S tol = sqrt(std::numeric_limits<S>::epsilon());
  switch (law.kind) {
    case OutlierKind::kTwoPoint: return exp(-c * c / (2 * s2));
    case OutlierKind::kUniform: {
      // Boost 1.74's tanh-sinh throws for MPFR types; adaptive Gauss-Kronrod
      // (61 points) on the entire integrand is as good here.
      auto f = [&](const S& x) { return exp(-x * x / (2 * s2)); };
      return boost::math::quadrature::gauss_kronrod<S, 61>::integrate(f, S(0), c, 30, tol) / c;
    }
    default: break;
  }
  // Symmetric densities: 2 int_0^inf f(x) exp(-x^2/(2 s2)) dx.
  auto density = [&](const S& x) -> S {
    const S y = x / c;
    switch (law.kind) {
      case OutlierKind::kGaussian: return exp(-y * y / 2) / (c * sqrt(2 * pi<S>()));
      case OutlierKind::kStudentT3: {
        const S q = 1 + y * y / 3;
        return 2 / (pi<S>() * sqrt(S(3)) * q * q) / c;
      }
      case OutlierKind::kCauchy: return 1 / (pi<S>() * c * (1 + y * y));
      default: return S(0);
    }
  };
  boost::math::quadrature::exp_sinh<S> integrator;
  auto f = [&](const S& x) { return density(x) * exp(-x * x / (2 * s2)); };
  return 2 * integrator.integrate(f, tol);
}

template struct OutlierLaw<double>;
template struct OutlierLaw<Mp50>;
template struct OutlierLaw<Mp100>;
template double erfcx<double>(const double&);
template Mp50 erfcx<Mp50>(const Mp50&);
template Mp100 erfcx<Mp100>(const Mp100&);
template double gaussian_damping_quadrature<double>(const OutlierLaw<double>&, const double&);
template Mp50 gaussian_damping_quadrature<Mp50>(const OutlierLaw<Mp50>&, const Mp50&);

}  // namespace thmcheck::mf22
