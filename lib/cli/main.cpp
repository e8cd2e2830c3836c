// main() of a checker program: the command line over every claim and
// experiment registered by the files linked into it (for `thmcheck`, the
// built-in catalog of checks/; for a researcher's checker, their own claim
// files, optionally with the catalog).
#include "thmcheck/cli/cli.hpp"

int main(int argc, char** argv) { return thmcheck::cli_main(argc, argv, thmcheck::linked_registry()); }
