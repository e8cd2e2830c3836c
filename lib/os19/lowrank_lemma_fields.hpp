// Shared pieces of the os19 Lemma 9.13-9.16 instances (checks/os19/lem9_1*.cpp):
// field validation, the spectrum hypothesis theta <= sigma_j <= 2 theta for
// Sigma = theta diag(s), and the generators' spectra (the corners s = 1 and
// s = 2 and uniform values between).
#pragma once

#include <fmt/format.h>

#include <string>

#include "thmcheck/engine/typed_instance.hpp"
#include "thmcheck/generators/random_data.hpp"

namespace thmcheck::os19 {

/// Throws InputError naming the field when v is outside [lo, hi].
inline void require_range(const char* name, long v, long lo, long hi) {
  if (v < lo || v > hi) throw InputError(fmt::format("field '{}': {} is outside [{}, {}]", name, v, lo, hi));
}

/// theta > 0 and s of length r with positive entries.
inline void require_scale_and_spectrum(const Real& theta, const RealVector& s, long r) {
  if (!(theta.as<double>() > 0)) throw InputError("field 'theta': must be > 0");
  if (static_cast<long>(s.size()) != r) throw InputError(fmt::format("field 's': length {} is not r = {}", s.size(), r));
  for (const Real& x : s) {
    if (!(x.as<double>() > 0)) throw InputError("field 's': entries must be > 0");
  }
}

/// True when every s_j is in [1, 2] (exact decimal comparison at S), i.e. the
/// singular values theta s_j lie in [theta, 2 theta].
template <class S>
bool spectrum_in_range(const RealVector& s) {
  bool ok = !s.empty();
  for (const Real& x : s) ok = ok && x.as<S>() >= 1 && x.as<S>() <= 2;
  return ok;
}

/// s for a generated instance: kind 0 all 1, kind 1 all 2, otherwise uniform
/// in [1, 2] with 3 decimals (from rng).
inline RealVector spectrum_multipliers(int kind, long r, RandomSource& rng) {
  RealVector s;
  for (long j = 0; j < r; ++j) {
    if (kind == 0) s.push_back(Real::parse("1"));
    else if (kind == 1) s.push_back(Real::parse("2"));
    else s.push_back(Real::parse(fmt::format("{:.3f}", 1 + rng.uniform())));
  }
  return s;
}

}  // namespace thmcheck::os19
