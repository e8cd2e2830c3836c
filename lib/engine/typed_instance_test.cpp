#include "thmcheck/engine/typed_instance.hpp"
#include "thmcheck/engine/typed_instance_testing.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>

namespace thmcheck {
namespace {

// A small instance family: a point, a matrix of matching width, an integer
// and an optional real.
struct ToyInstance {
  RealMatrix a;
  RealVector x;
  long depth = 0;
  std::optional<Real> scale;
  std::string family;

  static constexpr auto fields = std::make_tuple(
      field("A", &ToyInstance::a, "M x N"), field("x", &ToyInstance::x, "[N]"),
      field("L", &ToyInstance::depth, "depth >= 2"), field("scale", &ToyInstance::scale, "default 1"),
      field("family", &ToyInstance::family, "\"toy\""));

  void check() const {
    if (x.size() != a.front().size()) {
      throw InputError(fmt::format("field 'x': length {} does not match the {} columns of 'A'", x.size(),
                                   a.front().size()));
    }
    if (depth < 2) throw InputError(fmt::format("field 'L': {} is below 2", depth));
  }
};

std::string error_of(const std::string& text) { return instance_error<ToyInstance>(parse_json_exact(text)); }

TEST(TypedInstanceTest, ReadsExactDecimalsAndWritesThemBack) {
  const Json j = parse_json_exact(R"({"A": [[1, "0.1"], [2, 3]], "x": ["0.1", 2], "L": 3, "family": "toy"})");
  const ToyInstance in = instance_from_json<ToyInstance>(j);
  EXPECT_EQ(in.depth, 3);
  EXPECT_FALSE(in.scale.has_value());
  // "0.1" is 1/10 correctly rounded at each precision, not the double nearest
  // to it: within half an ulp, |x - 1/10| <= eps/2 * 1/10 (the double nearest
  // 1/10 is 5.6e-18 away, far outside this at 50 and 100 digits).
  EXPECT_EQ(in.x[0].text(), "0.1");
  EXPECT_LE(abs(in.x[0].as<Mp100>() - Mp100(1) / 10), std::numeric_limits<Mp100>::epsilon() / 20);
  EXPECT_LE(abs(as_matrix<Mp50>(in.a)(0, 1) - Mp50(1) / 10), std::numeric_limits<Mp50>::epsilon() / 20);
  EXPECT_LE(std::abs(in.x[0].as<double>() - 0.1), std::numeric_limits<double>::epsilon() / 20);
  // Reals are written back as decimal strings, whether they came as numbers or strings.
  EXPECT_EQ(instance_to_json(in),
            parse_json_exact(R"({"A": [["1", "0.1"], ["2", "3"]], "x": ["0.1", "2"], "L": 3, "family": "toy"})"));
  EXPECT_EQ(instance_from_json<ToyInstance>(instance_to_json(in)).x, in.x);
}

TEST(TypedInstanceTest, ErrorsNameTheFieldAndTheProblem) {
  EXPECT_NE(error_of(R"({"x": [1, 2], "L": 3, "family": "toy"})").find("missing field 'A'"), std::string::npos);
  EXPECT_NE(error_of(R"({"A": [[1, 2]], "x": [1, "nan"], "L": 3, "family": "toy"})").find("field 'x'[1]"),
            std::string::npos);
  EXPECT_NE(error_of(R"({"A": [[1, 2]], "x": [1, "1e400"], "L": 3, "family": "toy"})").find("field 'x'[1]"),
            std::string::npos);
  EXPECT_NE(error_of(R"({"A": [[1, 2], [3]], "x": [1, 2], "L": 3, "family": "toy"})").find("row 1"),
            std::string::npos);
  EXPECT_NE(error_of(R"({"A": [[1, 2]], "x": [1], "L": 3, "family": "toy"})").find("does not match"),
            std::string::npos);
  EXPECT_NE(error_of(R"({"A": [[1, 2]], "x": [1, 2], "L": "3", "family": "toy"})").find("field 'L': expected an integer"),
            std::string::npos);
  EXPECT_NE(error_of(R"({"A": [[1, 2]], "x": [1, 2], "L": 1, "family": "toy"})").find("below 2"), std::string::npos);
  EXPECT_NE(error_of(R"({"A": [[1, 2]], "x": [1, 2], "L": 3, "family": "toy", "typo": 1})").find("unknown field 'typo'"),
            std::string::npos);
  EXPECT_NE(error_of(R"([1, 2])").find("not a JSON object"), std::string::npos);
  EXPECT_EQ(error_of(R"({"A": [[1, 2]], "x": [1, 2], "L": 3, "scale": "2.5", "family": "toy"})"), "");
}

TEST(TypedInstanceTest, SchemaComesFromTheFieldDescription) {
  EXPECT_EQ(instance_schema<ToyInstance>(),
            "{\"A\": matrix (array of rows of reals) — M x N, \"x\": [real] — [N], \"L\": integer — depth >= 2, "
            "\"scale\": optional real — default 1, \"family\": string — \"toy\"}");
}

TEST(TypedInstanceTest, MalformedCasesReportTheVariantsThatDoNotFailAsStated) {
  const Json good = parse_json_exact(R"({"A": [[1, 2]], "x": [1, 2], "L": 3, "family": "toy"})");
  const ToyInstance in = instance_from_json<ToyInstance>(good);
  EXPECT_EQ(reread(in), instance_to_json(in));
  EXPECT_EQ(malformed_mismatches<ToyInstance>(good, {{"/x/1", "nan", "field 'x'[1]"},
                                                     {"/L", std::nullopt, "missing field 'L'"},
                                                     {"/L", 1, "field 'L': 1 is below 2"}}),
            std::vector<std::string>{});
  // A variant that reads, or fails with another message, is listed.
  EXPECT_EQ(malformed_mismatches<ToyInstance>(good, {{"/L", 4, "field 'L'"}, {"/x", 1, "field 'L'"}}),
            (std::vector<std::string>{"/L: got ''", "/x: got 'field 'x': expected an array, got number'"}));
}

// A seed field drawn over all of uint64 (mf22's data seeds): read and written
// as the same integer, above 2^63 too; negative or non-integer seeds are errors.
struct ToySeeded {
  std::uint64_t seed = 0;
  static constexpr auto fields = std::make_tuple(field("seed", &ToySeeded::seed, "data seed"));
};

TEST(TypedInstanceTest, SeedsSpanTheUnsigned64BitRange) {
  const Json big = parse_json_exact(R"({"seed": 18446744073709551615})");
  const ToySeeded in = instance_from_json<ToySeeded>(big);
  EXPECT_EQ(in.seed, std::numeric_limits<std::uint64_t>::max());
  EXPECT_EQ(instance_to_json(in).dump(), big.dump());
  EXPECT_EQ(instance_from_json<ToySeeded>(Json{{"seed", 5}}).seed, 5u);
  EXPECT_EQ(instance_error<ToySeeded>(Json{{"seed", -1}}), "field 'seed': -1 is negative");
  EXPECT_EQ(instance_error<ToySeeded>(parse_json_exact(R"({"seed": 1.5})")), "field 'seed': expected an integer, got string");
  EXPECT_EQ(instance_schema<ToySeeded>(), "{\"seed\": integer >= 0 — data seed}");
}

// A nested object field, as os19's activation {"name": ..., "c": ...}.
struct ToyActivation {
  std::string name;
  Real c;
  static constexpr auto fields =
      std::make_tuple(field("name", &ToyActivation::name, "\"relu\""), field("c", &ToyActivation::c, "slope"));
};
struct ToyNested {
  ToyActivation phi;
  std::vector<ToyActivation> more;
  static constexpr auto fields =
      std::make_tuple(field("phi", &ToyNested::phi, "activation"), field("more", &ToyNested::more, "others"));
};

TEST(TypedInstanceTest, NestedObjectsAreReadWrittenAndDescribed) {
  const Json j = parse_json_exact(R"({"phi": {"name": "relu", "c": "0.5"}, "more": [{"name": "a", "c": 1}]})");
  const ToyNested in = instance_from_json<ToyNested>(j);
  EXPECT_EQ(in.phi.name, "relu");
  EXPECT_EQ(in.phi.c.text(), "0.5");
  ASSERT_EQ(in.more.size(), 1u);
  EXPECT_EQ(in.more[0].c.text(), "1");
  EXPECT_EQ(instance_to_json(in),
            parse_json_exact(R"({"phi": {"name": "relu", "c": "0.5"}, "more": [{"name": "a", "c": "1"}]})"));
  auto error = [](const char* text) { return instance_error<ToyNested>(parse_json_exact(text)); };
  EXPECT_EQ(error(R"({"phi": {"name": "relu"}, "more": []})"), "field 'phi': missing field 'c'");
  EXPECT_EQ(error(R"({"phi": 3, "more": []})"), "field 'phi': expected an object, got number");
  EXPECT_EQ(error(R"({"phi": {"name": "relu", "c": 1}, "more": [{"name": "a", "c": "inf"}]})").rfind("field 'more'[0]: field 'c'", 0),
            0u);
  EXPECT_EQ(instance_schema<ToyNested>(),
            "{\"phi\": object {\"name\": string — \"relu\", \"c\": real — slope} — activation, "
            "\"more\": [object {\"name\": string — \"relu\", \"c\": real — slope}] — others}");
}

TEST(TypedInstanceTest, TypedClaimValidatesGeneratesAndEvaluatesAtEveryPrecision) {
  ClaimInfo info;
  info.id = "toy.typed";
  const Claim c = typed_claim<ToyInstance>(
      info, rc::gen::just(ToyInstance{{{Real::of(1.0), Real::of(2.0)}}, {Real::parse("0.1"), Real::of(2.0)}, 2, {}, "toy"}),
      []<class S>(const ToyInstance& in) {
        Outcome o;
        o.measured = widen(as_vector<S>(in.x).sum());
        o.bound = widen(S(in.depth) + S(1) / 10);
        return o;
      });
  EXPECT_NE(c.instance_schema.find("\"x\": [real]"), std::string::npos);
  const Json instance = c.generator(rc::Random(1), 0).value();
  EXPECT_NO_THROW(c.validate(instance));
  EXPECT_THROW(c.validate(Json{{"x", 1}}), InputError);
  // 0.1 + 2 == 2 + 1/10 exactly at 100 digits when both come from the decimal text.
  const Outcome o = c.evaluate(instance, Precision::kMp100);
  EXPECT_EQ(o.measured, o.bound);
}

}  // namespace
}  // namespace thmcheck
