#include <iostream>
#include "lib/engine/registry.hpp"
int main() {
  for (const auto& c : thmcheck::catalog().claims()) std::cout << c.id << "\n";
}
