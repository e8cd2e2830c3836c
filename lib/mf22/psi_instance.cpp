#include "thmcheck/mf22/psi_instance.hpp"

#include <rapidcheck.h>

#include <cmath>
#include <cstdint>

#include "thmcheck/generators/random_data.hpp"
#include "thmcheck/mf22/outlier_law_instance.hpp"

namespace thmcheck::mf22 {
namespace {

struct PsiParams {
  int dimension;
  int corruption_permille;
  int law;
  int scale_exp;  // outlier scale 10^(scale_exp/2)
  int norm_exp;   // ||z|| = scale 10^(norm_exp/4)
  std::uint64_t seed;
};

}  // namespace

rc::Gen<Json> psi_instances() {
  auto params = rc::gen::build<PsiParams>(
      rc::gen::set(&PsiParams::dimension, rc::gen::inRange(1, 9)),
      rc::gen::set(&PsiParams::corruption_permille, rc::gen::inRange(0, 451)),
      rc::gen::set(&PsiParams::law, rc::gen::inRange(0, 5)),
      rc::gen::set(&PsiParams::scale_exp, rc::gen::inRange(-2, 5)),
      rc::gen::set(&PsiParams::norm_exp, rc::gen::inRange(-8, 9)),
      rc::gen::set(&PsiParams::seed, rc::gen::arbitrary<std::uint64_t>()));
  return rc::gen::map(params, [](const PsiParams& q) {
    RandomSource rng(q.seed);
    const double scale = std::pow(10.0, q.scale_exp / 2.0);
    Json j;
    j["law"] = to_string(generated_laws()[q.law]);
    j["outlier_scale"] = short_decimal(scale, 6);
    j["corruption_permille"] = q.corruption_permille;
    j["samples"] = 200000;
    Vector<double> z = random_unit_vector(q.dimension, rng) * scale * std::pow(10.0, q.norm_exp / 4.0);
    Json zj = Json::array();
    for (int i = 0; i < z.size(); ++i) zj.push_back(short_decimal(z(i), 8));
    j["z"] = zj;
    j["seed"] = q.seed;
    return j;
  });
}

void validate_psi_instance(const Json& j) {
  read_law<double>(j);
  read_integer(j, "corruption_permille", 0, 999);
  read_integer(j, "samples", 2, 10000000);
  const Vector<double> z = read_vector<double>(j, "z");
  if (z.size() < 1 || !(z.norm() > 0)) throw InputError("field 'z': must be a nonzero vector");
}

std::string psi_instance_schema() {
  return "{\"law\", \"outlier_scale\", \"corruption_permille\": 1000 p, \"samples\": m, \"z\": [d], "
         "\"seed\"}";
}

}  // namespace thmcheck::mf22
