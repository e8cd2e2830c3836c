// Registers the mf22 experiments of lib/experiments (`thmcheck figures`).
#include "thmcheck/engine/registry.hpp"

THMCHECK_REGISTER(mf22_experiments) {
  std::vector<thmcheck::Experiment> experiments;
  thmcheck::add_mf22_experiments(experiments);
  for (thmcheck::Experiment& e : experiments) registry.add(std::move(e));
}
