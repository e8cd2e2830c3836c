// Exact rational values of decimal inputs (GMP through Boost.Multiprecision),
// for hypotheses that are equalities (||v|| = 1) or exact comparisons.
#pragma once

#include <boost/multiprecision/gmp.hpp>
#include <nlohmann/json.hpp>

#include <string>

namespace thmcheck::proof {

using Rational = boost::multiprecision::mpq_rational;

/// The exact value of a decimal number (text or JSON number); throws
/// ProofInputError when it is not one.
Rational exact_rational(const nlohmann::json& value, const std::string& where);

}  // namespace thmcheck::proof
