#include "thmcheck/proof/certificate.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "thmcheck/proof/verify_files.hpp"

namespace thmcheck::proof {
namespace {

using nlohmann::json;

json read_json(const std::string& path) {
  std::ifstream f(path);
  return json::parse(f);
}

/// The shipped counterexample of os19 Theorem 4.3 (4.7), proved once for all tests.
const json& rate_certificate() {
  static const json c = [] {
    const json instance = read_json(std::string(THMCHECK_SOURCE_DIR) +
                                    "/reports/counterexamples/os19.thm4.3.rate-case12.json");
    const ProofAttempt a = prove_violation("os19.thm4.3.rate", instance);
    EXPECT_TRUE(a.proved) << a.message;
    return a.certificate;
  }();
  return c;
}

/// c with its checksum recomputed, as a deliberate forger would.
json resealed(json c) {
  c["checksum"] = certificate_checksum(c);
  return c;
}

TEST(CertificateTest, AProvedCounterexampleVerifies) {
  const Verification v = verify_certificate(rate_certificate());
  EXPECT_TRUE(v.accepted) << v.message;
  EXPECT_NE(v.message.find("os19.thm4.3.rate violated"), std::string::npos) << v.message;
  EXPECT_EQ(rate_certificate()["schema"], kCertificateSchema);
  EXPECT_NE(rate_certificate()["library"].get<std::string>().find("MPFI"), std::string::npos);
}

TEST(CertificateTest, ACorruptedCertificateIsRefused) {
  json c = rate_certificate();
  std::string lower = c["enclosure"]["margin"][0].get<std::string>();
  lower[3] = lower[3] == '1' ? '2' : '1';
  c["enclosure"]["margin"][0] = lower;
  const Verification v = verify_certificate(c);
  EXPECT_FALSE(v.accepted);
  EXPECT_NE(v.message.find("checksum"), std::string::npos) << v.message;
  json missing = rate_certificate();
  missing.erase("witnesses");
  EXPECT_FALSE(verify_certificate(missing).accepted);
  EXPECT_FALSE(verify_certificate(json::array()).accepted);
}

TEST(CertificateTest, ChangedInputsAreRefusedEvenWithAFreshChecksum) {
  json c = rate_certificate();
  c["instance"]["y"][0] = "-1.4608609968053314e-02";  // one unit in the last digit
  EXPECT_FALSE(verify_certificate(c).accepted);       // checksum
  const Verification v = verify_certificate(resealed(c));
  EXPECT_FALSE(v.accepted);
  EXPECT_NE(v.message.find("recomput"), std::string::npos) << v.message;
  // A step above the printed limit is outside the theorem: refused too.
  json d = rate_certificate();
  d["instance"]["eta_fraction"] = "1.5";
  EXPECT_FALSE(verify_certificate(resealed(d)).accepted);
}

TEST(CertificateTest, ACertificateMovedToAnotherClaimIsRefused) {
  json same_method = rate_certificate();
  same_method["claim"] = "os19.thm4.3.potential";  // covered by the same method, another statement
  const Verification v = verify_certificate(resealed(same_method));
  EXPECT_FALSE(v.accepted);
  EXPECT_NE(v.message.find("not inside the stored"), std::string::npos) << v.message;
  json other = rate_certificate();
  other["claim"] = "cmr22.thm1.1";
  const Verification w = verify_certificate(resealed(other));
  EXPECT_FALSE(w.accepted);
  EXPECT_NE(w.message.find("does not prove claim"), std::string::npos) << w.message;
  json sibling = rate_certificate();
  sibling["claim"] = "os19.thm4.3.rate.as-proved";
  EXPECT_FALSE(verify_certificate(resealed(sibling)).accepted);
}

TEST(CertificateTest, TheStandaloneVerifierAcceptsAndRefusesFiles) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "thmcheck-certificate-test";
  std::filesystem::create_directories(dir);
  const std::string good = (dir / "good.json").string(), moved = (dir / "moved.json").string(),
                    truncated = (dir / "truncated.json").string();
  std::ofstream(good) << rate_certificate().dump(1);
  json m = rate_certificate();
  m["claim"] = "os19.thm4.3.potential";
  std::ofstream(moved) << resealed(m).dump(1);
  const std::string text = rate_certificate().dump(1);
  std::ofstream(truncated) << text.substr(0, text.size() / 2);
  const std::string verify = THMCHECK_VERIFY_PATH;
  auto status = [&](const std::string& args) {
    const int raw = std::system((verify + " " + args + " > /dev/null 2>&1").c_str());
    return WEXITSTATUS(raw);
  };
  EXPECT_EQ(status(good), 0);
  EXPECT_EQ(status(moved), 1);
  EXPECT_EQ(status(truncated), 2);
  EXPECT_EQ(status(good + " " + moved), 1);
  EXPECT_EQ(status(""), 2);
  std::ostringstream out, err;
  EXPECT_EQ(verify_files({truncated}, out, err), 2);
  EXPECT_NE(err.str().find("not JSON"), std::string::npos);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace thmcheck::proof
