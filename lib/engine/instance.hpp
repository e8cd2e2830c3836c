// Problem instances: JSON objects whose real numbers are kept as decimal text,
// so that one instance file means the same real numbers at every precision.
#pragma once

#include <nlohmann/json.hpp>

#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

#include "thmcheck/numerics/scalar.hpp"

namespace thmcheck {

/// JSON value. Objects keep their keys sorted (std::map), so dumps are
/// deterministic.
using Json = nlohmann::json;

/// A problem with user input (a file, a flag, an instance): the CLI prints the
/// message on one line and exits with status 2.
class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Parses JSON text. Every non-integer number is kept as its original decimal
/// text (a JSON string), so "0.1" stays exactly 1/10 when later read at 50 or
/// 100 digits. Throws InputError on malformed JSON (with the byte offset).
Json parse_json_exact(std::string_view text, std::string_view what = "input");

/// Reads and parses a JSON file with parse_json_exact; throws InputError naming
/// the file when it cannot be read or parsed.
Json load_json_file(const std::filesystem::path& path);

/// Writes text to `path` atomically: a temporary file in the same directory is
/// written, flushed and renamed over `path`, so no partial file is ever seen.
void write_file_atomic(const std::filesystem::path& path, std::string_view text);

// ---- Typed readers. Each throws InputError naming the field and the problem.
// Real numbers may be JSON numbers or decimal strings; they must be finite.

/// `obj[key]` as a real number at `Scalar` precision.
template <class Scalar>
Scalar read_real(const Json& obj, std::string_view key);
/// `obj[key]` as a real vector; `size` >= 0 demands that length.
template <class Scalar>
Vector<Scalar> read_vector(const Json& obj, std::string_view key,
                           Eigen::Index size = -1);
/// `obj[key]` as a matrix given as an array of rows; `rows`/`cols` >= 0 demand
/// those dimensions.
template <class Scalar>
Matrix<Scalar> read_matrix(const Json& obj, std::string_view key,
                           Eigen::Index rows = -1, Eigen::Index cols = -1);
/// `obj[key]` as an integer in [lo, hi].
long long read_integer(const Json& obj, std::string_view key, long long lo,
                       long long hi);
/// `obj[key]` as a string.
std::string read_string(const Json& obj, std::string_view key);
/// True when `obj` has `key`.
bool has_field(const Json& obj, std::string_view key);

/// Dimensions of `obj[key]` as a matrix (rows, cols) without converting the
/// entries; throws InputError for ragged or non-array values.
std::pair<Eigen::Index, Eigen::Index> matrix_shape(const Json& obj,
                                                   std::string_view key);
/// Length of `obj[key]` as a vector.
Eigen::Index vector_length(const Json& obj, std::string_view key);

// ---- Writers: decimal strings with enough digits to round-trip the value.

/// A real number as a decimal string (17 significant digits for double, all
/// digits for multiprecision).
template <class Scalar>
Json real_to_json(const Scalar& x);
template <class Scalar>
Json vector_to_json(const Vector<Scalar>& v);
template <class Scalar>
Json matrix_to_json(const Matrix<Scalar>& m);

}  // namespace thmcheck
