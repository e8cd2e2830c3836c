#include "thmcheck/proof/verify_files.hpp"

#include <fstream>
#include <ostream>

#include "thmcheck/proof/certificate.hpp"

namespace thmcheck::proof {

int verify_files(const std::vector<std::string>& paths, std::ostream& out, std::ostream& err) {
  int status = 0;
  for (const std::string& path : paths) {
    std::ifstream file(path);
    if (!file) {
      err << path << ": cannot read the file\n";
      status = 2;
      continue;
    }
    nlohmann::json certificate;
    try {
      certificate = nlohmann::json::parse(file);
    } catch (const nlohmann::json::parse_error& e) {
      err << path << ": not JSON (" << e.what() << ")\n";
      status = 2;
      continue;
    }
    const Verification v = verify_certificate(certificate);
    out << path << ": " << v.message << "\n";
    if (!v.accepted && status == 0) status = 1;
  }
  return status;
}

}  // namespace thmcheck::proof
