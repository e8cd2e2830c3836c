// The thmcheck command line as a library function: any program that links
// claim files gets list/run/figures/report/check/reproduce over them.
#pragma once

#include "thmcheck/engine/registry.hpp"

namespace thmcheck {

/// Runs the command line (`argv[1]` is the command) over the claims and
/// experiments of `registry`. The program name shown in help and in the
/// reproduce commands of reports is argv[0]'s file name. Returns the exit
/// status: 0 ok; 1 a verdict differs from the expectations file; 2 usage or
/// input error (one line on stderr, no partial output files).
int cli_main(int argc, char** argv, const Registry& registry);

}  // namespace thmcheck
