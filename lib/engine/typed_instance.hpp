// Typed instances: an instance family is one C++ struct with one description
// of its fields, and from that description come its exact-decimal reader
// (one-line InputErrors naming the field), its writer (counterexample files,
// `reproduce --save`), its validator and the schema text that `list --long`
// shows. Claims over a typed instance are built with typed_claim().
//
//   struct DescentInstance {
//     RealVector x;  Real smoothness;  std::optional<long> steps;
//     static constexpr auto fields = std::make_tuple(
//         field("x", &DescentInstance::x, "the point, length d"),
//         field("L", &DescentInstance::smoothness, "smoothness constant, > 0"),
//         field("steps", &DescentInstance::steps, "optional, default 1"));
//     void check() const;  // optional: cross-field rules (dimensions, signs), throws InputError
//   };
//
// Reals are kept as their decimal text (Real), so an instance file means the
// same real numbers at every precision: `in.x` is read as Vector<S> with
// as_vector<S>(in.x) inside the generic evaluation, exactly like a decimal
// string of the file.
#pragma once

#include <fmt/format.h>
#include <rapidcheck.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "thmcheck/engine/claim.hpp"
#include "thmcheck/engine/instance.hpp"

namespace thmcheck {

/// A real number of an instance, kept as exact decimal text and converted to
/// a scalar type when it is used.
class Real {
 public:
  Real() = default;
  /// From decimal text (the JSON number grammar); throws InputError naming
  /// `where` when it is not a finite real representable in double and at 100
  /// digits.
  static Real parse(std::string_view text, std::string_view where = "real");
  /// A computed value, written with enough digits to read back the same
  /// value at its precision (17 significant digits for double).
  template <class S>
  static Real of(const S& x) {
    return Real(real_to_json(x).template get<std::string>());
  }
  /// The value at precision S (correctly rounded from the decimal text).
  template <class S>
  S as() const {
    return parse_decimal<S>(text_);
  }
  const std::string& text() const { return text_; }
  bool operator==(const Real& other) const = default;

 private:
  explicit Real(std::string text) : text_(std::move(text)) {}
  std::string text_ = "0";
};

/// A vector of reals (a JSON array).
using RealVector = std::vector<Real>;
/// A matrix as an array of rows (all of one length, checked when read).
using RealMatrix = std::vector<RealVector>;

/// The vector at precision S.
template <class S>
Vector<S> as_vector(const RealVector& v) {
  Vector<S> out(static_cast<Eigen::Index>(v.size()));
  for (size_t i = 0; i < v.size(); ++i) out(static_cast<Eigen::Index>(i)) = v[i].as<S>();
  return out;
}
/// The matrix at precision S.
template <class S>
Matrix<S> as_matrix(const RealMatrix& m) {
  const size_t cols = m.empty() ? 0 : m.front().size();
  Matrix<S> out(static_cast<Eigen::Index>(m.size()), static_cast<Eigen::Index>(cols));
  for (size_t i = 0; i < m.size(); ++i) {
    for (size_t j = 0; j < cols; ++j) out(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = m[i][j].as<S>();
  }
  return out;
}
/// A computed vector or matrix as Reals.
template <class S>
RealVector reals_of(const Vector<S>& v) {
  RealVector out;
  for (Eigen::Index i = 0; i < v.size(); ++i) out.push_back(Real::of(v(i)));
  return out;
}
template <class S>
RealMatrix reals_of(const Matrix<S>& m) {
  RealMatrix out(static_cast<size_t>(m.rows()));
  for (Eigen::Index i = 0; i < m.rows(); ++i) {
    for (Eigen::Index j = 0; j < m.cols(); ++j) out[static_cast<size_t>(i)].push_back(Real::of(m(i, j)));
  }
  return out;
}

/// One named member of an instance type: its JSON key, the member, and what
/// it means (shown in the schema).
template <class T, class M>
struct FieldSpec {
  const char* name;
  M T::*member;
  const char* doc;
};
/// Describes a field: field("x", &Instance::x, "the point").
template <class T, class M>
constexpr FieldSpec<T, M> field(const char* name, M T::*member, const char* doc) {
  return {name, member, doc};
}

template <class T>
std::string instance_schema();

namespace detail {

template <class M>
struct is_optional : std::false_type {};
template <class M>
struct is_optional<std::optional<M>> : std::true_type {};
template <class M>
struct is_vector : std::false_type {};
template <class M>
struct is_vector<std::vector<M>> : std::true_type {};
/// A nested instance type: a struct with its own `fields` (a JSON object).
template <class M>
concept described = requires { M::fields; };

// Reading one JSON value into a member type; `where` names it in errors
// ("field 'x'[2]").
void read_value(const Json& v, const std::string& where, Real& out);
void read_value(const Json& v, const std::string& where, long& out);
void read_value(const Json& v, const std::string& where, int& out);
/// A seed: an integer in [0, 2^64 - 1] (what rc::gen::arbitrary<uint64_t> draws).
void read_value(const Json& v, const std::string& where, std::uint64_t& out);
void read_value(const Json& v, const std::string& where, bool& out);
void read_value(const Json& v, const std::string& where, std::string& out);
/// A matrix: a non-empty array of rows of one length.
void read_value(const Json& v, const std::string& where, RealMatrix& out);
template <described M>
void read_value(const Json& v, const std::string& where, M& out);
template <class M>
void read_value(const Json& v, const std::string& where, std::vector<M>& out) {
  if (!v.is_array()) throw InputError(fmt::format("{}: expected an array, got {}", where, v.type_name()));
  out.clear();
  out.resize(v.size());
  for (size_t i = 0; i < v.size(); ++i) read_value(v[i], fmt::format("{}[{}]", where, i), out[i]);
}

inline Json write_value(const Real& x) { return Json(x.text()); }
inline Json write_value(long x) { return Json(x); }
inline Json write_value(int x) { return Json(x); }
inline Json write_value(std::uint64_t x) { return Json(x); }
inline Json write_value(bool x) { return Json(x); }
inline Json write_value(const std::string& x) { return Json(x); }
template <described M>
Json write_value(const M& x);
template <class M>
Json write_value(const std::vector<M>& v) {
  Json a = Json::array();
  for (const M& x : v) a.push_back(write_value(x));
  return a;
}

template <class M>
std::string type_text() {
  if constexpr (std::is_same_v<M, Real>) {
    return "real";
  } else if constexpr (std::is_same_v<M, RealMatrix>) {
    return "matrix (array of rows of reals)";
  } else if constexpr (std::is_same_v<M, long> || std::is_same_v<M, int>) {
    return "integer";
  } else if constexpr (std::is_same_v<M, std::uint64_t>) {
    return "integer >= 0";
  } else if constexpr (std::is_same_v<M, bool>) {
    return "boolean";
  } else if constexpr (std::is_same_v<M, std::string>) {
    return "string";
  } else if constexpr (is_optional<M>::value) {
    return type_text<typename M::value_type>();
  } else if constexpr (described<M>) {
    return "object " + instance_schema<M>();
  } else {
    static_assert(is_vector<M>::value, "unsupported instance field type");
    return "[" + type_text<typename M::value_type>() + "]";
  }
}

template <class T>
constexpr bool has_check = requires(const T& t) { t.check(); };

}  // namespace detail

/// Reads and validates a typed instance: every field by its description
/// (missing, mistyped, non-finite and out-of-range values are InputErrors
/// naming the field), no unknown fields, then T::check() if T has one.
template <class T>
T instance_from_json(const Json& j) {
  if (!j.is_object()) throw InputError(fmt::format("instance is not a JSON object (got {})", j.type_name()));
  T out{};
  std::apply(
      [&](const auto&... f) {
        auto one = [&](const auto& spec) {
          using M = std::remove_reference_t<decltype(out.*(spec.member))>;
          const std::string where = fmt::format("field '{}'", spec.name);
          auto it = j.find(spec.name);
          if constexpr (detail::is_optional<M>::value) {
            if (it == j.end() || it->is_null()) {
              out.*(spec.member) = std::nullopt;
              return;
            }
            typename M::value_type value{};
            detail::read_value(*it, where, value);
            out.*(spec.member) = std::move(value);
          } else {
            if (it == j.end()) throw InputError(fmt::format("missing field '{}'", spec.name));
            detail::read_value(*it, where, out.*(spec.member));
          }
        };
        (one(f), ...);
      },
      T::fields);
  for (auto it = j.begin(); it != j.end(); ++it) {
    bool known = false;
    std::apply([&](const auto&... f) { ((known = known || it.key() == f.name), ...); }, T::fields);
    if (!known) throw InputError(fmt::format("unknown field '{}' (see the schema: `list --long`)", it.key()));
  }
  if constexpr (detail::has_check<T>) out.check();
  return out;
}

/// Writes a typed instance (absent optionals are left out; reals as decimal
/// strings).
template <class T>
Json instance_to_json(const T& in) {
  Json j = Json::object();
  std::apply(
      [&](const auto&... f) {
        auto one = [&](const auto& spec) {
          using M = std::remove_cvref_t<decltype(in.*(spec.member))>;
          if constexpr (detail::is_optional<M>::value) {
            if (in.*(spec.member)) j[spec.name] = detail::write_value(*(in.*(spec.member)));
          } else {
            j[spec.name] = detail::write_value(in.*(spec.member));
          }
        };
        (one(f), ...);
      },
      T::fields);
  return j;
}

/// The schema text of a typed instance: `{"x": [real] — the point, ...}`.
template <class T>
std::string instance_schema() {
  std::string out = "{";
  bool first = true;
  std::apply(
      [&](const auto&... f) {
        auto one = [&](const auto& spec) {
          using M = std::remove_cvref_t<decltype(std::declval<T>().*(spec.member))>;
          out += fmt::format("{}\"{}\": {}{} — {}", first ? "" : ", ",  spec.name,
                             detail::is_optional<M>::value ? "optional " : "", detail::type_text<M>(), spec.doc);
          first = false;
        };
        (one(f), ...);
      },
      T::fields);
  return out + "}";
}

namespace detail {
// A nested object: its own fields, errors prefixed with where it sits
// ("field 'phi': missing field 'name'").
template <described M>
void read_value(const Json& v, const std::string& where, M& out) {
  if (!v.is_object()) throw InputError(fmt::format("{}: expected an object, got {}", where, v.type_name()));
  try {
    out = instance_from_json<M>(v);
  } catch (const InputError& e) {
    throw InputError(fmt::format("{}: {}", where, e.what()));
  }
}
template <described M>
Json write_value(const M& x) {
  return instance_to_json(x);
}
}  // namespace detail

/// Gives claim `c` typed instances: `generator` draws them, and `measure` is
/// a generic lambda `[]<class S>(const T&) -> Outcome`, instantiated for
/// double, Mp50 and Mp100. The claim's validator is instance_from_json<T>;
/// its generator writes instance_to_json; an empty instance_schema is filled
/// from T's field descriptions.
template <class T, class Measure>
void set_instances(Claim& c, rc::Gen<T> generator, Measure measure) {
  if (c.instance_schema.empty()) c.instance_schema = instance_schema<T>();
  c.generator = rc::gen::map(std::move(generator), [](const T& in) { return instance_to_json(in); });
  c.validate = [](const Json& j) { (void)instance_from_json<T>(j); };
  c.evaluate = make_evaluator([measure]<class S>(const Json& j) {
    return measure.template operator()<S>(instance_from_json<T>(j));
  });
}

/// A claim over typed instances, from its description: see set_instances.
template <class T, class Measure>
Claim typed_claim(ClaimInfo info, rc::Gen<T> generator, Measure measure) {
  Claim c;
  static_cast<ClaimInfo&>(c) = std::move(info);
  set_instances<T>(c, std::move(generator), std::move(measure));
  return c;
}

}  // namespace thmcheck
