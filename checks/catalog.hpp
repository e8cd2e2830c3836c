// Transitional, now empty: c_L of cmr22 moved to lib/cmr22/c_l.hpp
// (thmcheck::cmr22::c_l). Kept only while checks/os19.cpp and checks/mf22.cpp
// still include it; delete it with the last include.
#pragma once
