// Cost of a proof against the 100-digit check: for each shipped
// counterexample a proof method covers, the wall time of prove_violation
// (interval enclosure at the precision ladder of lib/proof/certificate.hpp,
// witness search included), of verify_certificate (witnesses re-checked),
// and of one evaluation of the claim at 100 digits (safe_evaluate, the top
// of the certification ladder), printed as ratios. A timed driver (each
// measurement is the best of 5 runs). Usage: proof_vs_mp100 [source dir].
#include <fmt/format.h>

#include <chrono>
#include <fstream>
#include <string>

#include "thmcheck/engine/registry.hpp"
#include "thmcheck/engine/runner.hpp"
#include "thmcheck/proof/certificate.hpp"

namespace {

using namespace thmcheck;
using Clock = std::chrono::steady_clock;

template <class F>
double best_of(int repeats, F f) {
  double best = 1e300;
  for (int r = 0; r < repeats; ++r) {
    const auto start = Clock::now();
    f();
    best = std::min(best, std::chrono::duration<double>(Clock::now() - start).count());
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string source = argc > 1 ? argv[1] : ".";
  const char* const cases[][2] = {
      {"os19.thm4.3.rate", "os19.thm4.3.rate-case12"}, {"os19.thm4.3.potential", "os19.thm4.3.potential-case0"},
      {"cmr22.thm1.1", "cmr22.thm1.1-case1"},          {"cmr22.thm2.1", "cmr22.thm2.1-case3"},
      {"cmr22.thm2.2", "cmr22.thm2.2-case2"},
  };
  fmt::print("{:<24} {:>12} {:>12} {:>12} {:>12} {:>12} {:>7}\n", "claim", "100 digits s", "proof s", "verify s",
             "proof/100", "verify/100", "digits");
  for (const auto& [id, stem] : cases) {
    std::ifstream f(source + "/reports/counterexamples/" + stem + ".json");
    if (!f) {
      fmt::print(stderr, "proof_vs_mp100: cannot read {}/reports/counterexamples/{}.json\n", source, stem);
      return 2;
    }
    const Json instance = Json::parse(f);
    const Claim& claim = *linked_registry().find(id);
    proof::ProofAttempt attempt;
    const double mp100 = best_of(5, [&] { (void)safe_evaluate(claim, instance, Precision::kMp100); });
    const double prove = best_of(5, [&] { attempt = proof::prove_violation(id, instance); });
    const double verify = best_of(5, [&] { (void)proof::verify_certificate(attempt.certificate); });
    fmt::print("{:<24} {:>12.4g} {:>12.4g} {:>12.4g} {:>12.3g} {:>12.3g} {:>7}\n", id, mp100, prove, verify,
               prove / mp100, verify / mp100, attempt.digits);
  }
  return 0;
}
