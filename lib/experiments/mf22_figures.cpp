// mf22 experiments (Figure 1, Appendix B, Proposition 1's psi, Section 5) —
// registered by add_mf22_experiments. The experiments live in
// mf22_fig1.cpp (Figure 1, Appendix B), mf22_prop1_psi.cpp, mf22_sec5.cpp and
// mf22_relu_network.cpp (Section 5's ReLU row, slow).
#include "thmcheck/experiments/figure.hpp"

namespace thmcheck {

Figure mf22_fig1_experiment(const ExperimentOptions& options);
Figure mf22_app_b_experiment(const ExperimentOptions& options);
Figure mf22_psi_curve_experiment(const ExperimentOptions& options);
Figure mf22_sec5_experiment(const ExperimentOptions& options);
Figure mf22_relu_network_experiment(const ExperimentOptions& options);

void add_mf22_experiments(std::vector<Experiment>& out) {
  out.push_back({"mf22.fig1", "mf22", "Section 1, Figure 1",
                 "Landscape around w* and SubGM for N = 1, 2, 3 (robust regression)", false, mf22_fig1_experiment});
  out.push_back({"mf22.appB", "mf22", "Appendix B.1-B.2, Figures 3-4",
                 "Deeper models (N = 4, 5, 6) and geometric versus constant step", false, mf22_app_b_experiment});
  out.push_back({"mf22.prop1.psi-curve", "mf22", "Proposition 1, eq. (5); Appendix E, Lemma 5",
                 "Proposition 1: measured E[Q(z)] along z against psi (printed and as proved); deviation against m",
                 false, mf22_psi_curve_experiment});
  out.push_back({"mf22.sec5", "mf22", "Section 5, Figure 2 (first row)",
                 "Robust deep matrix recovery: SubGM for N = 2, 3, 4", false, mf22_sec5_experiment});
  out.push_back({"mf22.sec5.relu", "mf22", "Section 5, Figure 2 (second row)",
                 "Deep ReLU network with the l1 loss on corrupted data: SubGM for N = 2, 3, 4", true,
                 mf22_relu_network_experiment});
}

}  // namespace thmcheck
