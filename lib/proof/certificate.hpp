// Proof certificates: one JSON file per proved counterexample, and the
// verifier that re-checks one with interval arithmetic alone.
//
// A certificate holds the claim id, the instance as exact decimals, the
// method, its witnesses (decimal brackets that the method re-verifies), the
// working precision, the enclosures of measured, bound and margin (ends
// rounded outward), the libraries, and a checksum of all of it. `thmcheck
// verify` (and the standalone thmcheck-verify, which links only this
// library) accepts a certificate only when its checksum matches, its method
// covers its claim, and recomputing the method on the instance from the
// witnesses, at the stated precision, gives a margin that is certainly
// negative and inside the stored enclosure.
#pragma once

#include <string>

#include "thmcheck/proof/enclosure.hpp"

namespace thmcheck::proof {

/// Schema identifier of certificates.
inline constexpr const char* kCertificateSchema = "thmcheck-certificate/1";

/// What prove_violation found.
struct ProofAttempt {
  bool proved = false;
  /// Proved: what was enclosed; not proved: exactly why (no method for the
  /// claim, the method does not apply, or the enclosure does not exclude it).
  std::string message;
  std::string method;
  unsigned digits = 0;   ///< working precision of the final attempt (decimal digits)
  std::string margin_lower, margin_upper;  ///< the margin's enclosure, outward
  double seconds = 0;
  nlohmann::json certificate;  ///< the certificate (proved only)
};

/// Proves the violation of `claim` on `instance` when a method covers the
/// claim: encloses the margin at 30, 60, 120, 240 and 480 digits and stops at
/// the first precision whose margin is certainly negative with relative
/// width below 1e-12 (or at the last, proved or not). Throws ProofInputError
/// for an unreadable instance.
ProofAttempt prove_violation(const std::string& claim, const nlohmann::json& instance);

/// Checksum of a certificate: FNV-1a (64 bit) over its canonical JSON text
/// without the "checksum" field, as 16 hex digits. It detects a changed
/// byte, not a forgery; the recomputation is what proves.
std::string certificate_checksum(const nlohmann::json& certificate);

/// The outcome of verify_certificate.
struct Verification {
  bool accepted = false;
  std::string message;  ///< one line: what was verified, or why it was refused
};

/// Re-checks a certificate (see the file comment). Never throws: a malformed
/// certificate is refused with the reason.
Verification verify_certificate(const nlohmann::json& certificate);

}  // namespace thmcheck::proof
