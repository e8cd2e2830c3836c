// Instances of the psi claims (mf22 Proposition 1, eq. (5), and Lemma 5): one
// data set (X, eps) and one fixed z, for the Monte Carlo of E[Q(z)]. One typed
// instance: its fields give the reader, validator, writer and schema.
#pragma once

#include <rapidcheck.h>

#include <cstdint>
#include <string>
#include <tuple>

#include "thmcheck/engine/typed_instance.hpp"
#include "thmcheck/mf22/outlier_law_instance.hpp"

namespace thmcheck::mf22 {

/// The drawn dimensions d, the Monte Carlo size m and the drawn ||z|| =
/// scale 10^(e/4), e in [kPsiNormQuarterExpMin, kPsiNormQuarterExpMax].
constexpr int kPsiDimensionMin = 1, kPsiDimensionMax = 8;
constexpr int kPsiSamples = 200000;
constexpr int kPsiNormQuarterExpMin = -8, kPsiNormQuarterExpMax = 8;

/// A psi instance: P_o, the corruption rate p = corruption_permille/1000, m
/// samples (X Gaussian, |S| = round(p m)) drawn from `seed`, and the point z
/// at which <Q(z), z/||z||> is compared with psi(z).
struct PsiInstance : OutlierLawFields {
  int corruption_permille = 0;
  int samples = 0;
  RealVector z;
  std::uint64_t seed = 0;
  static constexpr auto fields = std::tuple_cat(
      law_fields,
      std::make_tuple(field("corruption_permille", &PsiInstance::corruption_permille, "1000 p, in [0, 999]"),
                      field("samples", &PsiInstance::samples, "m, in [2, 10000000]"),
                      field("z", &PsiInstance::z, "[d], the point z, nonzero"),
                      field("seed", &PsiInstance::seed, "seed of the data set (X, S, eps)")));
  void check() const;
};

/// Psi instances: d in [1, 8], p = permille/1000 in [0, 0.45], one of the five
/// laws of scale 10^[-1, 2], m = 200000, z a random direction with ||z|| =
/// scale 10^[-2, 2].
rc::Gen<PsiInstance> psi_instances();

/// The generator text of the psi claims (`generator_info`), from the
/// constants psi_instances draws with.
std::string psi_generator_info();

}  // namespace thmcheck::mf22
