#include "thmcheck/mf22/convergence_instance.hpp"

#include <rapidcheck.h>

#include <cstdint>

#include "thmcheck/generators/random_data.hpp"
#include "thmcheck/mf22/outlier_law_instance.hpp"
#include "thmcheck/mf22/regression_instance.hpp"

namespace thmcheck::mf22 {

// alpha and the smallest N eta for the .error claims: the alpha term of the
// bound, sqrt(d^2 m alpha) (escape bullet; sqrt(d^2 m) alpha^{0.5 - ...} for
// N = 2, dropping the unquantified Theta~ loss in the exponent), is then
// 2.8e-3 (N = 3) and 2.8e-5 (N = 2) at d = 20, m = 200, against the eta term
// N eta theta*_max >= 0.04 (N = 3) and eta theta*_max >= 0.005 (N = 2). (N eta = 0.16
// is within eta <~ N^{-1} kappa^{-(N-2)/N}, kappa <= 2, up to the constant.)
const char* escape_claim_alpha(int layers) { return layers == 2 ? "1e-14" : "1e-10"; }
double escape_claim_min_n_eta(int layers) { return layers == 2 ? 0.01 : 0.04; }

namespace {

struct ConvergenceParams {
  int layers;
  int sparsity;
  int corruption_percent;
  int law;
  int perturb;  // initial layers w_j = alpha^{1/N} (1 + 0.2 u), u in [-1, 1] when 1
  std::uint64_t seed;
};

rc::Gen<ConvergenceParams> convergence_params(rc::Gen<int> layers, rc::Gen<int> perturb) {
  return rc::gen::build<ConvergenceParams>(
      rc::gen::set(&ConvergenceParams::layers, std::move(layers)),
      rc::gen::set(&ConvergenceParams::sparsity, rc::gen::inRange(1, 4)),
      rc::gen::set(&ConvergenceParams::corruption_percent, rc::gen::inRange(0, 31)),
      rc::gen::set(&ConvergenceParams::law, rc::gen::inRange(0, 5)),
      rc::gen::set(&ConvergenceParams::perturb, std::move(perturb)),
      rc::gen::set(&ConvergenceParams::seed, rc::gen::arbitrary<std::uint64_t>()));
}

Json data_fields(const ConvergenceParams& q) {
  Json j;
  j["dimension"] = 20;
  j["samples"] = 200;
  j["sparsity"] = q.sparsity;
  j["corrupted"] = 200 * q.corruption_percent / 100;
  j["theta_min"] = "1";
  j["theta_max"] = "2";
  j["law"] = to_string(generated_laws()[q.law]);
  j["outlier_scale"] = "10";
  j["layers"] = q.layers;
  j["perturb_init"] = q.perturb;
  j["seed"] = q.seed;
  return j;
}

}  // namespace

rc::Gen<Json> alpha_sweep_instances(bool deep, bool always_perturbed) {
  auto params = convergence_params(!deep ? rc::gen::just(2) : rc::gen::inRange(3, 6),
                                   always_perturbed ? rc::gen::just(1)  // identical layers stay identical
                                                    : rc::gen::inRange(0, 2));
  return rc::gen::map(params, [deep](const ConvergenceParams& q) {
    Json j = data_fields(q);
    Json grid = Json::array();
    j["step"] = short_decimal(0.01 / q.layers, 6);
    // N = 5 at alpha = 1e-6 needs ~1e6 iterations: the deep grid stops at 1e-5.
    for (const char* a : {"1e-3", "1e-4", "1e-5"}) grid.push_back(a);
    if (!deep) grid.push_back("1e-6"), grid.push_back("1e-8");
    j["alpha_grid"] = grid;
    return j;
  });
}

rc::Gen<Json> step_sweep_instances(bool deep) {
  auto params = convergence_params(!deep ? rc::gen::just(2) : rc::gen::just(3), rc::gen::inRange(0, 2));
  return rc::gen::map(params, [](const ConvergenceParams& q) {
    Json j = data_fields(q);
    Json grid = Json::array();
    for (double f : {1.0, 2.0, 4.0})
      grid.push_back(short_decimal(escape_claim_min_n_eta(q.layers) * f / q.layers, 6));
    j["step_grid"] = grid;
    j["alpha"] = escape_claim_alpha(q.layers);
    return j;
  });
}

void validate_convergence_instance(const Json& j) {
  read_regression_spec(j);
  read_integer(j, "layers", 1, 10);
  read_integer(j, "perturb_init", 0, 1);
  if (j.contains("step_grid")) {
    for (double eta : read_vector<double>(j, "step_grid"))
      if (!(eta > 0)) throw InputError("field 'step_grid': entries must be positive");
    const double a = read_real<double>(j, "alpha");
    if (!(a > 0 && a < 1)) throw InputError("field 'alpha': must be in (0, 1)");
    return;
  }
  if (!(read_real<double>(j, "step") > 0)) throw InputError("field 'step': must be positive");
  for (double a : read_vector<double>(j, "alpha_grid"))
    if (!(a > 0 && a < 1)) throw InputError("field 'alpha_grid': entries in (0, 1)");
}

void validate_balance_instance(const Json& j) {
  validate_convergence_instance(j);
  if (read_integer(j, "perturb_init", 0, 1) != 1)
    throw InputError("field 'perturb_init': must be 1 (identical layers stay identical: the spread is 0)");
}

namespace {
const char* const kCommonFields =
    "\"dimension\", \"samples\", \"sparsity\", \"corrupted\", \"theta_min\", "
    "\"theta_max\", \"law\", \"outlier_scale\", \"layers\", \"perturb_init\", \"seed\"";
}  // namespace

std::string alpha_sweep_instance_schema() { return "{" + std::string(kCommonFields) + ", \"step\", \"alpha_grid\"}"; }

std::string step_sweep_instance_schema() { return "{" + std::string(kCommonFields) + ", \"step_grid\", \"alpha\"}"; }

}  // namespace thmcheck::mf22
