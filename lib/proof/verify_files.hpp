// `verify CERT.json ...`: the verifier's command, shared by `thmcheck verify`
// and the standalone thmcheck-verify (verify_main.cpp).
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace thmcheck::proof {

/// Verifies each certificate file and prints one line per file on `out`
/// ("PATH: verified: ..." or "PATH: refused: ..."). Returns the exit status:
/// 0 all verified, 1 some refused, 2 some file unreadable (not JSON, or
/// missing), which is also reported on `err`.
int verify_files(const std::vector<std::string>& paths, std::ostream& out, std::ostream& err);

}  // namespace thmcheck::proof
