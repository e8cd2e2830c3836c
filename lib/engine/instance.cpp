#include "thmcheck/engine/instance.hpp"

#include <fmt/format.h>

#include <fstream>
#include <sstream>
#include <vector>

namespace thmcheck {

namespace {

// SAX handler that builds a Json document like nlohmann's DOM parser, except
// that floating-point numbers are stored as their original text.
class ExactNumberSax {
 public:
  using number_integer_t = Json::number_integer_t;
  using number_unsigned_t = Json::number_unsigned_t;
  using number_float_t = Json::number_float_t;
  using string_t = Json::string_t;
  using binary_t = Json::binary_t;

  explicit ExactNumberSax(Json& root) : root_(root) {}

  bool null() { return put(Json(nullptr)); }
  bool boolean(bool b) { return put(Json(b)); }
  bool number_integer(number_integer_t v) { return put(Json(v)); }
  bool number_unsigned(number_unsigned_t v) { return put(Json(v)); }
  bool number_float(number_float_t, const string_t& text) { return put(Json(text)); }
  bool string(string_t& s) { return put(Json(s)); }
  bool binary(binary_t&) { return false; }
  bool start_object(std::size_t) {
    Json* v = put_container(Json::object());
    stack_.push_back(v);
    return true;
  }
  bool key(string_t& k) {
    key_ = k;
    return true;
  }
  bool end_object() {
    stack_.pop_back();
    return true;
  }
  bool start_array(std::size_t) {
    Json* v = put_container(Json::array());
    stack_.push_back(v);
    return true;
  }
  bool end_array() {
    stack_.pop_back();
    return true;
  }
  bool parse_error(std::size_t position, const std::string&,
                   const nlohmann::detail::exception& ex) {
    error_ = fmt::format("malformed JSON at byte {}: {}", position, ex.what());
    return false;
  }
  const std::string& error() const { return error_; }

 private:
  bool put(Json v) {
    put_container(std::move(v));
    return true;
  }
  Json* put_container(Json v) {
    if (stack_.empty()) {
      root_ = std::move(v);
      return &root_;
    }
    Json& top = *stack_.back();
    if (top.is_array()) {
      top.push_back(std::move(v));
      return &top.back();
    }
    Json& slot = top[key_];
    slot = std::move(v);
    return &slot;
  }

  Json& root_;
  std::vector<Json*> stack_;
  std::string key_;
  std::string error_;
};

const Json& field(const Json& obj, std::string_view key) {
  if (!obj.is_object()) throw InputError("instance is not a JSON object");
  auto it = obj.find(std::string(key));
  if (it == obj.end()) {
    throw InputError(fmt::format("missing field '{}'", key));
  }
  return *it;
}

template <class Scalar>
Scalar real_of(const Json& v, std::string_view where) {
  try {
    if (v.is_string()) return parse_decimal<Scalar>(v.get<std::string>());
    if (v.is_number_integer()) {
      return parse_decimal<Scalar>(v.dump());
    }
    if (v.is_number_float()) {  // only when built in memory, not parsed
      return parse_decimal<Scalar>(to_decimal(v.get<double>(), 17));
    }
  } catch (const std::invalid_argument& e) {
    throw InputError(fmt::format("{}: {}", where, e.what()));
  }
  throw InputError(fmt::format("{}: expected a real number (JSON number or decimal string), got {}",
                               where, v.type_name()));
}

}  // namespace

Json parse_json_exact(std::string_view text, std::string_view what) {
  Json root;
  ExactNumberSax sax(root);
  bool ok = Json::sax_parse(text.begin(), text.end(), &sax);
  if (!ok) {
    std::string msg = sax.error().empty() ? "malformed JSON" : sax.error();
    // nlohmann's messages contain newlines only rarely; keep one line.
    for (char& c : msg) {
      if (c == '\n') c = ' ';
    }
    throw InputError(fmt::format("{}: {}", what, msg));
  }
  return root;
}

Json load_json_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(fmt::format("cannot read '{}'", path.string()));
  std::ostringstream ss;
  ss << in.rdbuf();
  return parse_json_exact(ss.str(), path.string());
}

void write_file_atomic(const std::filesystem::path& path, std::string_view text) {
  namespace fs = std::filesystem;
  if (path.has_parent_path()) fs::create_directories(path.parent_path());
  fs::path tmp = path;
  tmp += ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) throw InputError(fmt::format("cannot write '{}'", path.string()));
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    out.flush();
    if (!out) {
      out.close();
      fs::remove(tmp);
      throw InputError(fmt::format("cannot write '{}'", path.string()));
    }
  }
  fs::rename(tmp, path);
}

bool has_field(const Json& obj, std::string_view key) {
  return obj.is_object() && obj.contains(std::string(key));
}

template <class Scalar>
Scalar read_real(const Json& obj, std::string_view key) {
  return real_of<Scalar>(field(obj, key), fmt::format("field '{}'", key));
}

Eigen::Index vector_length(const Json& obj, std::string_view key) {
  const Json& v = field(obj, key);
  if (!v.is_array()) {
    throw InputError(fmt::format("field '{}': expected an array, got {}", key, v.type_name()));
  }
  return static_cast<Eigen::Index>(v.size());
}

template <class Scalar>
Vector<Scalar> read_vector(const Json& obj, std::string_view key, Eigen::Index size) {
  Eigen::Index n = vector_length(obj, key);
  if (size >= 0 && n != size) {
    throw InputError(fmt::format("field '{}': length {} does not match the expected {}",
                                 key, n, size));
  }
  const Json& v = field(obj, key);
  Vector<Scalar> out(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    out(i) = real_of<Scalar>(v[static_cast<size_t>(i)], fmt::format("field '{}'[{}]", key, i));
  }
  return out;
}

std::pair<Eigen::Index, Eigen::Index> matrix_shape(const Json& obj, std::string_view key) {
  const Json& v = field(obj, key);
  if (!v.is_array() || v.empty()) {
    throw InputError(fmt::format("field '{}': expected a non-empty array of rows", key));
  }
  size_t cols = 0;
  for (size_t i = 0; i < v.size(); ++i) {
    if (!v[i].is_array()) {
      throw InputError(fmt::format("field '{}': row {} is not an array", key, i));
    }
    if (i == 0) cols = v[i].size();
    if (v[i].size() != cols || cols == 0) {
      throw InputError(fmt::format("field '{}': row {} has {} entries, row 0 has {}", key, i,
                                   v[i].size(), cols));
    }
  }
  return {static_cast<Eigen::Index>(v.size()), static_cast<Eigen::Index>(cols)};
}

template <class Scalar>
Matrix<Scalar> read_matrix(const Json& obj, std::string_view key, Eigen::Index rows,
                           Eigen::Index cols) {
  auto [r, c] = matrix_shape(obj, key);
  if ((rows >= 0 && r != rows) || (cols >= 0 && c != cols)) {
    throw InputError(fmt::format("field '{}': shape {}x{} does not match the expected {}x{}", key,
                                 r, c, rows >= 0 ? std::to_string(rows) : "*",
                                 cols >= 0 ? std::to_string(cols) : "*"));
  }
  const Json& v = field(obj, key);
  Matrix<Scalar> out(r, c);
  for (Eigen::Index i = 0; i < r; ++i) {
    for (Eigen::Index j = 0; j < c; ++j) {
      out(i, j) = real_of<Scalar>(v[static_cast<size_t>(i)][static_cast<size_t>(j)],
                                  fmt::format("field '{}'[{}][{}]", key, i, j));
    }
  }
  return out;
}

long long read_integer(const Json& obj, std::string_view key, long long lo, long long hi) {
  const Json& v = field(obj, key);
  if (!v.is_number_integer()) {
    throw InputError(fmt::format("field '{}': expected an integer, got {}", key, v.type_name()));
  }
  long long x = v.is_number_unsigned() && v.get<unsigned long long>() > 9e18
                    ? hi + 1
                    : v.get<long long>();
  if (x < lo || x > hi) {
    throw InputError(fmt::format("field '{}': {} is outside [{}, {}]", key, x, lo, hi));
  }
  return x;
}

std::string read_string(const Json& obj, std::string_view key) {
  const Json& v = field(obj, key);
  if (!v.is_string()) {
    throw InputError(fmt::format("field '{}': expected a string, got {}", key, v.type_name()));
  }
  return v.get<std::string>();
}

template <class Scalar>
Json real_to_json(const Scalar& x) {
  return Json(to_decimal(x, std::numeric_limits<Scalar>::max_digits10));
}

template <class Scalar>
Json vector_to_json(const Vector<Scalar>& v) {
  Json a = Json::array();
  for (Eigen::Index i = 0; i < v.size(); ++i) a.push_back(real_to_json(v(i)));
  return a;
}

template <class Scalar>
Json matrix_to_json(const Matrix<Scalar>& m) {
  Json rows = Json::array();
  for (Eigen::Index i = 0; i < m.rows(); ++i) {
    Json row = Json::array();
    for (Eigen::Index j = 0; j < m.cols(); ++j) row.push_back(real_to_json(m(i, j)));
    rows.push_back(std::move(row));
  }
  return rows;
}

#define THMCHECK_INSTANTIATE(S)                                                         \
  template S read_real<S>(const Json&, std::string_view);                               \
  template Vector<S> read_vector<S>(const Json&, std::string_view, Eigen::Index);       \
  template Matrix<S> read_matrix<S>(const Json&, std::string_view, Eigen::Index,        \
                                    Eigen::Index);                                      \
  template Json real_to_json<S>(const S&);                                              \
  template Json vector_to_json<S>(const Vector<S>&);                                    \
  template Json matrix_to_json<S>(const Matrix<S>&);
THMCHECK_INSTANTIATE(double)
THMCHECK_INSTANTIATE(Mp50)
THMCHECK_INSTANTIATE(Mp100)
#undef THMCHECK_INSTANTIATE

}  // namespace thmcheck
