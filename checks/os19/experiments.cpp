// Registers the os19 experiments of lib/experiments (`thmcheck figures`).
#include "thmcheck/engine/registry.hpp"

THMCHECK_REGISTER(os19_experiments) {
  std::vector<thmcheck::Experiment> experiments;
  thmcheck::add_os19_experiments(experiments);
  for (thmcheck::Experiment& e : experiments) registry.add(std::move(e));
}
