// thmcheck-verify: re-checks proof certificates with interval arithmetic
// alone. It links lib/proof only (MPFI, MPFR, GMP, nlohmann-json, fmt), none
// of the solvers that found the counterexamples.
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "thmcheck/proof/interval.hpp"
#include "thmcheck/proof/verify_files.hpp"

int main(int argc, char** argv) {
  std::vector<std::string> paths;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0) {
      std::cout << "usage: thmcheck-verify CERT.json ...\n"
                   "Re-checks each proof certificate written by `thmcheck run` / `thmcheck report`\n"
                   "(reports/certificates/) with interval arithmetic alone ("
                << thmcheck::proof::library_versions()
                << ").\nExit status: 0 all verified, 1 some refused, 2 a file is unreadable or usage error.\n";
      return 0;
    }
    if (argv[i][0] == '-') {
      std::cerr << "thmcheck-verify: unknown option '" << argv[i] << "' (see --help)\n";
      return 2;
    }
    paths.emplace_back(argv[i]);
  }
  if (paths.empty()) {
    std::cerr << "thmcheck-verify: no certificate given (usage: thmcheck-verify CERT.json ...)\n";
    return 2;
  }
  return thmcheck::proof::verify_files(paths, std::cout, std::cerr);
}
