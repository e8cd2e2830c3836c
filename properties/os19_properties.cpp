#include <gtest/gtest.h>
TEST(Os19Properties, Placeholder) {}
