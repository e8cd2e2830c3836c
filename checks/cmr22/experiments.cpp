// Registers the cmr22 experiments of lib/experiments (`thmcheck figures`).
#include "thmcheck/engine/registry.hpp"

THMCHECK_REGISTER(cmr22_experiments) {
  std::vector<thmcheck::Experiment> experiments;
  thmcheck::add_cmr22_experiments(experiments);
  for (thmcheck::Experiment& e : experiments) registry.add(std::move(e));
}
