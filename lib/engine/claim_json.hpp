// A claim's description (ClaimInfo) as JSON: written into results.json so
// that `report` renders results without the claims' code, and printed by
// `list --json`.
#pragma once

#include <string>

#include "thmcheck/engine/claim.hpp"
#include "thmcheck/engine/instance.hpp"

namespace thmcheck {

/// Every field of `info` (deterministic: sorted keys).
Json claim_info_to_json(const ClaimInfo& info);

/// The inverse of claim_info_to_json; throws InputError naming `where` and
/// the field on a missing or mistyped field.
ClaimInfo claim_info_from_json(const Json& j, const std::string& where);

/// Parses "explicit" | "frequency" | "scaling"; throws InputError otherwise.
ClaimKind parse_claim_kind(const std::string& s);

}  // namespace thmcheck
