#include "thmcheck/mf22/outlier_law.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace thmcheck::mf22 {
namespace {

const std::vector<OutlierKind> kAllKinds = {OutlierKind::kGaussian, OutlierKind::kUniform,
                                            OutlierKind::kTwoPoint, OutlierKind::kStudentT3,
                                            OutlierKind::kCauchy};

TEST(Mf22OutlierLaw, NamesRoundTrip) {
  for (OutlierKind k : kAllKinds) EXPECT_EQ(parse_outlier_kind(to_string(k)), k);
  EXPECT_THROW(parse_outlier_kind("laplace"), std::invalid_argument);
}

TEST(Mf22OutlierLaw, MeanAssumptionOnlyFailsForCauchy) {
  for (OutlierKind k : kAllKinds) {
    OutlierLaw<double> law{k, 2.0};
    EXPECT_EQ(law.satisfies_mean_assumption(), k != OutlierKind::kCauchy);
    EXPECT_EQ(law.mean().has_value(), k != OutlierKind::kCauchy);
  }
}

// Closed-form damping E[exp(-zeta^2/(2 s2))] against adaptive quadrature. The
// quadrature is asked for sqrt(eps) relative accuracy but tanh-sinh/exp-sinh
// converge double-exponentially on these smooth integrands, so 1e-9 relative
// is a safe margin in double.
TEST(Mf22OutlierLaw, DampingClosedFormMatchesQuadratureDouble) {
  for (OutlierKind k : kAllKinds) {
    for (double scale : {0.1, 1.0, 10.0}) {
      OutlierLaw<double> law{k, scale};
      for (double s2 : {1e-3, 0.05, 1.0, 7.0, 100.0, 1e4}) {
        const double closed = law.gaussian_damping(s2);
        const double quad = gaussian_damping_quadrature(law, s2);
        EXPECT_NEAR(closed, quad, 1e-9 * std::max(quad, 1e-300) + 1e-300)
            << to_string(k) << " scale " << scale << " s2 " << s2;
        EXPECT_GE(closed, 0.0);
        EXPECT_LE(closed, 1.0);
      }
    }
  }
}

// At 50 digits the quadrature tolerance is sqrt(eps) ~ 1e-25; 1e-20 relative.
TEST(Mf22OutlierLaw, DampingClosedFormMatchesQuadratureMp50) {
  for (OutlierKind k : kAllKinds) {
    OutlierLaw<Mp50> law{k, Mp50(3)};
    for (const char* s2_text : {"0.01", "2.5", "400"}) {
      const Mp50 s2 = parse_decimal<Mp50>(s2_text);
      const Mp50 closed = law.gaussian_damping(s2);
      const Mp50 quad = gaussian_damping_quadrature(law, s2);
      EXPECT_LT(abs(closed - quad), Mp50("1e-20") * quad) << to_string(k) << " s2 " << s2_text;
    }
  }
}

// Monte Carlo: n = 200000 draws; each summand lies in [0, 1] so the standard
// error is at most 0.5/sqrt(n) = 1.1e-3; we allow 5 standard errors.
TEST(Mf22OutlierLaw, DampingAndTailMatchMonteCarlo) {
  const int n = 200000;
  for (OutlierKind k : kAllKinds) {
    OutlierLaw<double> law{k, 2.0};
    RandomSource rng(42 + static_cast<int>(k));
    std::vector<double> draws(n);
    for (double& v : draws) v = law.sample(rng);
    for (double s2 : {0.5, 4.0, 50.0}) {
      double sum = 0;
      for (double v : draws) sum += std::exp(-v * v / (2 * s2));
      EXPECT_NEAR(sum / n, law.gaussian_damping(s2), 5 * 0.5 / std::sqrt(n)) << to_string(k);
    }
    for (double t0 : {0.5, 1.9, 3.0}) {
      int count = 0;
      for (double v : draws) count += std::abs(v) >= t0;
      EXPECT_NEAR(count / double(n), law.tail_probability(t0), 5 * 0.5 / std::sqrt(n))
          << to_string(k) << " t0 " << t0;
    }
    for (double t : {-3.0, -1.0, 0.7, 2.5}) {
      int count = 0;
      for (double v : draws) count += v <= t;
      EXPECT_NEAR(count / double(n), law.cdf(t), 5 * 0.5 / std::sqrt(n)) << to_string(k);
    }
  }
}

// For the continuous laws P(|zeta| >= t) = 1 - F(t) + F(-t) (rounding only).
TEST(Mf22OutlierLaw, TailConsistentWithCdf) {
  for (OutlierKind k : {OutlierKind::kGaussian, OutlierKind::kUniform, OutlierKind::kStudentT3,
                        OutlierKind::kCauchy}) {
    OutlierLaw<double> law{k, 1.5};
    for (double t : {0.1, 1.0, 1.4, 5.0}) {
      EXPECT_NEAR(law.tail_probability(t), 1 - law.cdf(t) + law.cdf(-t), 1e-14) << to_string(k);
    }
  }
}

// erfcx in double (asymptotic series beyond x = 6.9) against the direct
// exp(x^2) erfc(x) at 100 digits; 1e-15 relative is a few ulps.
TEST(Mf22OutlierLaw, ErfcxAsymptoticMatchesDirectHighPrecision) {
  for (double x : {0.3, 3.0, 7.5, 12.0, 27.0, 300.0}) {
    const Mp100 xm(x);
    const Mp100 direct = exp(xm * xm) * erfc(xm);
    const double approx = erfcx<double>(x);
    EXPECT_NEAR(approx, direct.convert_to<double>(), 1e-15 * direct.convert_to<double>()) << x;
    // Mp50 (asymptotic beyond x = 11.3) against the same reference: 1e-45.
    EXPECT_LT(abs(Mp100(erfcx<Mp50>(Mp50(x))) - direct), Mp100("1e-45") * direct) << x;
  }
}

}  // namespace
}  // namespace thmcheck::mf22
