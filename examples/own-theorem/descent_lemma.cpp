// The descent lemma, checked by thmcheck as a researcher's own claim file.
//
//   For an L-smooth f (||grad f(x) - grad f(y)|| <= L ||x - y||),
//     f(x - grad f(x) / L) <= f(x) - ||grad f(x)||^2 / (2 L).
//   (Nesterov, Introductory Lectures on Convex Optimization (2004), Lemma
//   1.2.3 at y = x - grad f(x)/L; Beck, First-Order Methods (2017), Lemma 5.7.)
//
// Two claims: `textbook.descent` as stated, and `textbook.descent.misprint`,
// the same with the factor 2 dropped (decrease ||grad f||^2 / L), which is
// false: a quadratic f = L/2 ||x||^2 only decreases by ||grad f||^2 / (2L).
// The check must find the first to hold (with equality on quadratics along
// their top curvature direction) and the second violated.
#include <thmcheck/thmcheck.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

namespace {

using namespace thmcheck;

// ---- The instance type: one struct, one description of its fields. The
// reader (exact decimals, one-line errors naming the field), the writer
// (counterexample files) and the schema of `list --long` all come from
// `fields`; check() holds the rules between fields.
struct DescentInstance {
  std::string family;    // "quadratic" or "logistic"
  RealVector curvature;  // quadratic: f(x) = 1/2 sum_i d_i x_i^2 + b . x
  RealVector linear;     // quadratic: b
  RealMatrix rows;       // logistic: f(x) = (1/n) sum_i log(1 + exp(-y_i a_i . x))
  std::vector<long> labels;
  RealVector x;
  Real smoothness;  // L

  static constexpr auto fields = std::make_tuple(
      field("family", &DescentInstance::family, "\"quadratic\" or \"logistic\""),
      field("d", &DescentInstance::curvature, "quadratic: Hessian diagonal d_i >= 0, length p ([] for logistic)"),
      field("b", &DescentInstance::linear, "quadratic: linear term, length p ([] for logistic)"),
      field("A", &DescentInstance::rows, "logistic: n x p rows a_i ([[0]] for quadratic)"),
      field("y", &DescentInstance::labels, "logistic: labels y_i in {-1, 1}, length n ([] for quadratic)"),
      field("x", &DescentInstance::x, "the point, length p"),
      field("L", &DescentInstance::smoothness, "the smoothness constant used in the step, > 0"));

  bool quadratic() const { return family == "quadratic"; }

  void check() const {
    if (family != "quadratic" && family != "logistic") {
      throw InputError("field 'family': expected \"quadratic\" or \"logistic\", got \"" + family + "\"");
    }
    const size_t p = x.size();
    if (p == 0) throw InputError("field 'x': empty");
    if (quadratic()) {
      if (curvature.size() != p || linear.size() != p) {
        throw InputError("fields 'd' and 'b': lengths must equal the length of 'x'");
      }
      for (const Real& d : curvature) {
        if (d.as<Mp100>() < 0) throw InputError("field 'd': negative curvature " + d.text());
      }
    } else {
      if (rows.front().size() != p) throw InputError("field 'A': rows must have the length of 'x'");
      if (labels.size() != rows.size()) throw InputError("field 'y': one label per row of 'A'");
      for (long y : labels) {
        if (y != 1 && y != -1) throw InputError("field 'y': labels must be -1 or 1");
      }
    }
    if (smoothness.as<Mp100>() <= 0) throw InputError("field 'L': must be > 0");
  }
};

// ---- The measurement, generic in the scalar type S (double, Mp50, Mp100).
// f and its gradient, with the sum of the absolute values of f's terms (the
// scale of its rounding error).
template <class S>
struct Value {
  S f, abs_terms;
  Vector<S> grad;
};

template <class S>
Value<S> evaluate(const DescentInstance& in, const Vector<S>& x) {
  using std::abs;
  using std::exp;
  using std::log;
  using std::log1p;
  Value<S> v{S(0), S(0), Vector<S>::Zero(x.size())};
  if (in.quadratic()) {
    const Vector<S> d = as_vector<S>(in.curvature), b = as_vector<S>(in.linear);
    for (Eigen::Index i = 0; i < x.size(); ++i) {
      const S term = d(i) * x(i) * x(i) / 2 + b(i) * x(i);
      v.f += term;
      v.abs_terms += d(i) * x(i) * x(i) / 2 + abs(b(i) * x(i));
      v.grad(i) = d(i) * x(i) + b(i);
    }
    return v;
  }
  const Matrix<S> a = as_matrix<S>(in.rows);
  const S n = S(static_cast<long>(in.labels.size()));
  for (Eigen::Index i = 0; i < a.rows(); ++i) {
    const S y = S(in.labels[static_cast<size_t>(i)]);
    const S z = -y * a.row(i).dot(x);
    // log(1 + e^z) without overflow; sigma = d/dz log(1 + e^z).
    const S loss = z > 0 ? z + log1p(exp(-z)) : log1p(exp(z));
    const S sigma = z > 0 ? S(1) / (1 + exp(-z)) : exp(z) / (1 + exp(z));
    v.f += loss / n;
    v.abs_terms += (loss + a.row(i).cwiseAbs().dot(x.cwiseAbs())) / n;
    v.grad += (-y * sigma / n) * a.row(i).transpose();
  }
  return v;
}

// Both claims measure f(x+) with x+ = x - grad f(x)/L against
// f(x) - ||grad f(x)||^2 / (factor L).
template <class S>
Outcome measure_descent(const DescentInstance& in, int factor) {
  using std::abs;
  Outcome o;
  const Vector<S> x = as_vector<S>(in.x);
  const S l = in.smoothness.as<S>();
  const Value<S> at_x = evaluate(in, x);
  const Vector<S> step = x - at_x.grad / l;
  const Value<S> at_step = evaluate(in, step);
  const S decrease = at_x.grad.squaredNorm() / (S(factor) * l);
  o.measured = widen(at_step.f);
  o.bound = widen(at_x.f - decrease);
  // Rounding error of the margin (Higham, Accuracy and Stability, 2002, §3.1:
  // a sum of m rounded terms errs by at most gamma_m times the sum of their
  // absolute values; each term here takes at most p + 8 roundings, the
  // logistic loss a few more inside log1p/exp, whose derivative is at most 1).
  // The computed x+ differs from the exact one by at most (p + 2) u (|x| +
  // |grad f|/L) per entry, which moves f by at most ||grad f(x+)|| times that.
  const S p = S(static_cast<long>(x.size())), m = S(static_cast<long>(std::max<size_t>(in.labels.size(), 1)));
  const S u = unit_roundoff<S>();
  const S gamma = 4 * (m * (p + 16) + 16) * u;
  const S step_error = (p + 2) * u * (x.cwiseAbs() + at_x.grad.cwiseAbs() / l).norm();
  o.error = widen(gamma * (at_x.abs_terms + at_step.abs_terms + decrease) +
                  2 * at_step.grad.norm() * step_error);
  // Hypothesis: f is L-smooth. Quadratic: L >= max d_i (the Lipschitz
  // constant of the gradient; rounding is monotone, so comparing the rounded
  // decimals is exact unless they round to one value). Logistic: the Hessian
  // is at most A^T A / (4n), so L >= ||A||_F^2 / (4n) >= ||A||_2^2 / (4n)
  // suffices; a smaller L may still be a valid constant, but such a case is
  // counted outside the hypothesis (never inside).
  HypothesisCheck smooth{"f.L-smooth", false, Evidence::kCertified, ""};
  if (in.quadratic()) {
    const S top = as_vector<S>(in.curvature).maxCoeff();
    smooth.holds = l >= top;
    smooth.detail = "L = " + to_decimal(l, 8) + (smooth.holds ? " >= " : " < ") + "max d_i = " + to_decimal(top, 8);
  } else {
    const S frobenius = as_matrix<S>(in.rows).squaredNorm() / (4 * m);
    smooth.holds = l >= frobenius;
    if (!smooth.holds) smooth.evidence = Evidence::kEstimated;
    smooth.detail = "L = " + to_decimal(l, 8) + (smooth.holds ? " >= " : " < ") +
                    "||A||_F^2/(4n) = " + to_decimal(frobenius, 8);
  }
  o.hypotheses = {smooth};
  o.details = {{"family", in.family}, {"||grad f(x)||", to_decimal(at_x.grad.norm(), 6)}};
  return o;
}

// ---- The generator: reaches the regime where the bound is tight. Reals are
// built from integers (RapidCheck shrinks integers towards 0, so a failing
// case shrinks to a small one); one third of the quadratics put x on the axis
// of the largest curvature with b = 0, where the lemma is an equality at
// L = max d.
//
// The ranges are named once and used both to draw and to describe (the
// generator_info the report prints).
constexpr int kMaxDimension = 6;       // p and n in 1..kMaxDimension
constexpr int kMaxCurvature = 10;      // d_i in {0, 1/4, ..., kMaxCurvature}
constexpr int kMaxCoordinate = 2;      // x_i, b_i in multiples of 1/8 in [-kMaxCoordinate, kMaxCoordinate]
constexpr int kMaxEntry = 2;           // A_ij in multiples of 1/4 in [-kMaxEntry, kMaxEntry]

std::string descent_generator_info() {
  return fmt::format(
      "p in 1..{0}; quadratics (1/2): d_i in {{0, 1/4, ..., {1}}}, x and b in multiples of 1/8 in [-{2}, {2}], "
      "one third on the axis of the largest d_i with b = 0 (equality at L = max d_i); logistic (1/2): n in "
      "1..{0} rows with entries in multiples of 1/4 in [-{3}, {3}], labels +-1, x as above; L = 1 (1/2), 1.25 "
      "or 2 times max d_i (quadratic) or ||A||_F^2/(4n) (logistic, rounded up)",
      kMaxDimension, kMaxCurvature, kMaxCoordinate, kMaxEntry);
}

rc::Gen<DescentInstance> descent_instances() {
  return rc::gen::exec([] {
    DescentInstance in;
    const int p = *rc::gen::inRange(1, kMaxDimension + 1);
    const int slack = *rc::gen::element(4, 4, 5, 8);  // L = (slack / 4) x the smallest valid constant
    auto eighths = [&](int count) {
      RealVector v;
      for (int i = 0; i < count; ++i) {
        v.push_back(Real::of(*rc::gen::inRange(-8 * kMaxCoordinate, 8 * kMaxCoordinate + 1) / 8.0));
      }
      return v;
    };
    if (*rc::gen::inRange(0, 2) == 0) {
      in.family = "quadratic";
      double top = 0;
      for (int i = 0; i < p; ++i) {
        const double d = *rc::gen::inRange(0, 4 * kMaxCurvature + 1) / 4.0;
        top = std::max(top, d);
        in.curvature.push_back(Real::of(d));
      }
      if (top == 0) top = 1;
      in.smoothness = Real::of(top * slack / 4.0);
      if (*rc::gen::inRange(0, 3) == 0) {  // on the top axis, b = 0: equality at L = max d
        const auto axis = std::max_element(in.curvature.begin(), in.curvature.end(),
                                           [](const Real& a, const Real& b) { return a.as<double>() < b.as<double>(); });
        in.linear.assign(static_cast<size_t>(p), Real::of(0.0));
        in.x.assign(static_cast<size_t>(p), Real::of(0.0));
        in.x[static_cast<size_t>(axis - in.curvature.begin())] =
            Real::of(*rc::gen::inRange(1, 8 * kMaxCoordinate + 1) / 8.0);
      } else {
        in.linear = eighths(p);
        in.x = eighths(p);
      }
      in.rows = {{Real::of(0.0)}};
    } else {
      in.family = "logistic";
      const int n = *rc::gen::inRange(1, kMaxDimension + 1);
      double frobenius = 0;
      for (int i = 0; i < n; ++i) {
        RealVector row;
        for (int j = 0; j < p; ++j) {
          const double a = *rc::gen::inRange(-4 * kMaxEntry, 4 * kMaxEntry + 1) / 4.0;
          frobenius += a * a;  // exact: multiples of 1/16
          row.push_back(Real::of(a));
        }
        in.rows.push_back(row);
        in.labels.push_back(*rc::gen::inRange(0, 2) == 0 ? -1 : 1);
      }
      const double smallest = frobenius > 0 ? frobenius / (4.0 * n) : 1.0;
      // Rounded up, so that L >= ||A||_F^2/(4n) holds exactly.
      in.smoothness = Real::of(std::nextafter(smallest * slack / 4.0, std::numeric_limits<double>::infinity()));
      in.x = eighths(p);
    }
    return in;
  });
}

ClaimInfo descent_info(const char* id) {
  ClaimInfo c;
  c.id = id;
  c.paper = "textbook";
  c.source = "Nesterov (2004) Lemma 1.2.3 at y = x - grad f(x)/L; Beck (2017) Lemma 5.7";
  c.kind = ClaimKind::kExplicit;
  c.hypotheses = {{"f.L-smooth", "grad f is L-Lipschitz"}};
  c.measurement =
      "f(x+) with x+ = x - grad f(x)/L, evaluated in closed form (quadratic) or by a stable log(1 + e^z) "
      "(logistic); error: Higham's summation bound for f and ||grad f||^2 plus the rounding of x+";
  c.generator_info = descent_generator_info();
  c.default_cases = 200;
  return c;
}

}  // namespace

THMCHECK_REGISTER(textbook_descent) {
  ClaimInfo info = descent_info("textbook.descent");
  info.statement = "f L-smooth => f(x - grad f(x)/L) <= f(x) - ||grad f(x)||^2 / (2L)";
  info.summary = "one gradient step with step 1/L decreases f by at least ||grad f||^2/(2L)";
  info.notes = "Equality for a quadratic along its top curvature direction at L = max d_i (cases reported tight).";
  registry.add(typed_claim<DescentInstance>(info, descent_instances(), []<class S>(const DescentInstance& in) {
    return measure_descent<S>(in, 2);
  }));
}

THMCHECK_REGISTER(textbook_descent_misprint) {
  ClaimInfo info = descent_info("textbook.descent.misprint");
  info.statement = "f L-smooth => f(x - grad f(x)/L) <= f(x) - ||grad f(x)||^2 / L   [misprint: the 2 is missing]";
  info.summary = "deliberately misprinted descent lemma (decrease ||grad f||^2/L): must be found violated";
  info.notes = "False: f(x) = L/2 ||x||^2 decreases by exactly ||grad f||^2/(2L).";
  registry.add(typed_claim<DescentInstance>(info, descent_instances(), []<class S>(const DescentInstance& in) {
    return measure_descent<S>(in, 1);
  }));
}
