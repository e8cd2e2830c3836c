#include "thmcheck/mf22/psi_instance.hpp"

#include <fmt/format.h>

#include <cmath>

#include "thmcheck/generators/random_data.hpp"

namespace thmcheck::mf22 {
namespace {

struct PsiParams {
  int dimension;
  int corruption_permille;
  int law;
  int scale_exp;  // outlier scale 10^(scale_exp/2)
  int norm_exp;   // ||z|| = scale 10^(norm_exp/4)
  std::uint64_t seed;
};

}  // namespace

void PsiInstance::check() const {
  check_law();
  check_range("corruption_permille", corruption_permille, 0, 999);
  check_range("samples", samples, 2, 10000000);
  if (z.empty() || !(as_vector<double>(z).norm() > 0)) throw InputError("field 'z': must be a nonzero vector");
}

rc::Gen<PsiInstance> psi_instances() {
  const int laws = static_cast<int>(generated_laws().size());
  auto params = rc::gen::build<PsiParams>(
      rc::gen::set(&PsiParams::dimension, rc::gen::inRange(kPsiDimensionMin, kPsiDimensionMax + 1)),
      rc::gen::set(&PsiParams::corruption_permille, rc::gen::inRange(0, kPermilleMax + 1)),
      rc::gen::set(&PsiParams::law, rc::gen::inRange(0, laws)),
      rc::gen::set(&PsiParams::scale_exp, rc::gen::inRange(kScaleHalfExpMin, kScaleHalfExpMax + 1)),
      rc::gen::set(&PsiParams::norm_exp, rc::gen::inRange(kPsiNormQuarterExpMin, kPsiNormQuarterExpMax + 1)),
      rc::gen::set(&PsiParams::seed, rc::gen::arbitrary<std::uint64_t>()));
  return rc::gen::map(params, [](const PsiParams& q) {
    RandomSource rng(q.seed);
    const double scale = std::pow(10.0, q.scale_exp / 2.0);
    PsiInstance in;
    static_cast<OutlierLawFields&>(in) = generated_law(q.law, short_decimal(scale, 6));
    in.corruption_permille = q.corruption_permille;
    in.samples = kPsiSamples;
    const Vector<double> z = random_unit_vector(q.dimension, rng) * scale * std::pow(10.0, q.norm_exp / 4.0);
    for (int i = 0; i < z.size(); ++i) in.z.push_back(Real::parse(short_decimal(z(i), 8)));
    in.seed = q.seed;
    return in;
  });
}

std::string psi_generator_info() {
  return fmt::format(
      "d in [{}, {}], p in {}, outliers Gaussian / uniform / two-point / Student-t3 / "
      "Cauchy (Cauchy violates E[zeta] = 0), outlier scale {}, ||z|| = scale "
      "10^[{:g}, {:g}].",
      kPsiDimensionMin, kPsiDimensionMax, drawn_rate_text(), drawn_scale_text(), kPsiNormQuarterExpMin / 4.0,
      kPsiNormQuarterExpMax / 4.0);
}

}  // namespace thmcheck::mf22
