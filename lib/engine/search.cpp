#include "thmcheck/engine/search.hpp"

#include <fmt/format.h>
#include <rapidcheck.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <sstream>

#include "thmcheck/engine/statistics.hpp"
#include "thmcheck/generators/random_data.hpp"

namespace thmcheck {

namespace {

// A decimal string that reads as a finite number (instance files may give
// numbers as strings, to carry more digits than a double).
std::optional<double> numeric_string(const Json& v) {
  if (!v.is_string()) return std::nullopt;
  const std::string& s = v.get_ref<const std::string&>();
  if (s.empty() || s.find_first_not_of("0123456789+-.eE") != std::string::npos) return std::nullopt;
  char* end = nullptr;
  const double x = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size() || !std::isfinite(x)) return std::nullopt;
  return x;
}

// A continuous numeric field: a JSON float or a numeric string.
std::optional<double> continuous_value(const Json& v) {
  if (v.is_number_float()) return v.get<double>();
  return numeric_string(v);
}

Json same_kind(const Json& original, double x, int digits = 17) {
  if (original.is_string()) return Json(fmt::format("{:.{}g}", x, digits));
  return Json(x);
}

std::vector<Json> rounding_children(const Json& instance) {
  std::vector<Json> out;
  if (!instance.is_structured()) return out;
  const Json flat = instance.flatten();
  for (const auto& [key, v] : flat.items()) {
    const auto x = continuous_value(v);
    if (!x || *x == 0) continue;
    for (int digits : {1, 2, 3, 6}) {
      const double r = std::strtod(fmt::format("{:.{}g}", *x, digits).c_str(), nullptr);
      if (r == *x) break;  // already this short
      Json child = instance;
      child[Json::json_pointer(key)] = same_kind(v, r, digits);
      out.push_back(std::move(child));
    }
  }
  return out;
}

long parse_count(const std::string& s, const std::string& text, const char* what) {
  if (s.empty() || s.size() > 18 || s.find_first_not_of("0123456789") != std::string::npos) {
    throw InputError(fmt::format("malformed search path '{}': bad {} '{}'", text, what, s));
  }
  return std::stol(s);
}

}  // namespace

long search_budget(const ClaimInfo& claim, const RunOptions& options) {
  if (options.search_percent > 0) {
    const long cases = options.cases > 0 ? options.cases : claim.default_cases;
    return static_cast<long>(std::ceil(static_cast<double>(cases) * options.search_percent / 100.0 - 1e-9));
  }
  return std::max(0L, options.search);
}

std::optional<double> exponent_deviation(const ClaimInfo& claim, const CaseRecord& r) {
  if (claim.kind != ClaimKind::kScaling || r.status == CaseStatus::kError || !(claim.exponent_tolerance > 0)) {
    return std::nullopt;
  }
  std::vector<std::pair<double, double>> logs;
  for (const auto& [x, y] : r.points) {
    if (x > 0 && y > 0) logs.emplace_back(static_cast<double>(log(x)), static_cast<double>(log(y)));
  }
  if (logs.size() < 2) return std::nullopt;
  const bool spread = std::any_of(logs.begin(), logs.end(), [&](const auto& p) { return p.first != logs[0].first; });
  if (!spread) return std::nullopt;
  const LogLogFit fit = fit_log_log(logs);
  if (!std::isfinite(fit.exponent)) return std::nullopt;
  const double d = claim.exponent_at_least ? claim.predicted_exponent - fit.exponent
                                           : std::abs(fit.exponent - claim.predicted_exponent);
  return d / claim.exponent_tolerance;
}

std::optional<double> search_score(const ClaimInfo& claim, const CaseRecord& r) {
  if (r.status == CaseStatus::kError) return std::nullopt;
  if (claim.kind == ClaimKind::kScaling) return exponent_deviation(claim, r);
  return 1.0 - r.relative_margin();
}

namespace {

// The larger of two optional values under `less`.
template <class Less>
std::optional<double> larger(const std::optional<double>& a, const std::optional<double>& b, Less less) {
  if (!a) return b;
  if (!b) return a;
  return less(*a, *b) ? b : a;
}

}  // namespace

std::optional<double> worst_ratio_after_search(const ClaimInfo& claim, const Summary& s) {
  if (claim.kind == ClaimKind::kScaling) return std::nullopt;
  // Equalities: the ratio farther from 1.
  const auto key = [&](double r) { return s.equality ? std::abs(r - 1) : r; };
  return larger(s.worst_ratio, s.search.worst_ratio, [&](double a, double b) { return key(a) < key(b); });
}

std::optional<double> closest_margin_after_search(const Summary& s) {
  return larger(s.closest_relative_margin, s.search.closest_relative_margin, [](double a, double b) { return a > b; });
}

std::optional<double> exponent_deviation_after_search(const Summary& s) {
  return larger(s.exponent_deviation, s.search.exponent_deviation, [](double a, double b) { return a < b; });
}

// The statistics of the searched records (see SearchSummary).
std::string to_string(const SearchPath& path) {
  std::string s = std::to_string(path.start_case);
  for (const SearchMove& m : path.moves) s += fmt::format("+{}.{}", m.generation, m.child);
  return s;
}

SearchPath parse_search_path(const std::string& text) {
  std::vector<std::string> parts;
  std::stringstream ss(text);
  std::string part;
  while (std::getline(ss, part, '+')) parts.push_back(part);
  if (parts.empty() || text.back() == '+') throw InputError(fmt::format("malformed search path '{}'", text));
  SearchPath path;
  path.start_case = parse_count(parts[0], text, "case");
  for (size_t i = 1; i < parts.size(); ++i) {
    const auto dot = parts[i].find('.');
    if (dot == std::string::npos) throw InputError(fmt::format("malformed search path '{}': move '{}'", text, parts[i]));
    SearchMove m;
    m.generation = parse_count(parts[i].substr(0, dot), text, "generation");
    const long child = parse_count(parts[i].substr(dot + 1), text, "child");
    if (child >= kSearchBranching) {
      throw InputError(fmt::format("malformed search path '{}': child {} >= {}", text, child, kSearchBranching));
    }
    m.child = static_cast<int>(child);
    path.moves.push_back(m);
  }
  return path;
}

Json mutate_instance(const Json& parent, std::uint64_t seed, const std::string& claim_id, const SearchMove& move) {
  if (!parent.is_structured()) return parent;
  // The same stream on every platform (random_data.hpp).
  RandomSource rng(seed ^ (claim_hash(claim_id) * 0x9e3779b97f4a7c15ull) ^
                   (static_cast<std::uint64_t>(move.generation) << 8) ^ static_cast<std::uint64_t>(move.child));
  const double sigma = kSearchScales[move.child % kSearchBranching];
  const Json flat = parent.flatten();
  std::vector<std::string> keys;
  double scale_sum = 0;
  long scale_count = 0;
  for (const auto& [key, v] : flat.items()) {
    if (v.is_number_integer()) keys.push_back(key);
    if (const auto x = continuous_value(v)) {
      keys.push_back(key);
      if (*x != 0) scale_sum += std::abs(*x), ++scale_count;
    }
  }
  if (keys.empty()) return parent;
  const double scale = scale_count ? scale_sum / static_cast<double>(scale_count) : 1.0;
  const size_t n = keys.size();
  std::vector<size_t> chosen;
  if (rng.uniform() < 0.5) {
    chosen.push_back(static_cast<size_t>(rng.bits() % n));
  } else {
    const double p = std::min(1.0, 2.0 / static_cast<double>(n));
    for (size_t i = 0; i < n; ++i) {
      if (rng.uniform() < p) chosen.push_back(i);
    }
    if (chosen.empty()) chosen.push_back(static_cast<size_t>(rng.bits() % n));
  }
  Json out = parent;
  for (size_t i : chosen) {
    const Json& v = flat.at(keys[i]);
    const Json::json_pointer ptr(keys[i]);
    if (v.is_number_integer()) {
      // Integers are mostly counts and dimensions: moved rarely, by one, and
      // kept non-negative when they were.
      if (rng.uniform() >= 0.25) continue;
      const long long x = v.get<long long>();
      long long y = rng.uniform() < 0.5 ? x - 1 : x + 1;
      if (x >= 0 && y < 0) y = x + 1;
      out[ptr] = y;
      continue;
    }
    const double x = *continuous_value(v);
    double y;
    if (x != 0 && rng.uniform() < 0.75) {
      y = x * std::exp(sigma * rng.gaussian());
    } else {
      y = x + sigma * rng.gaussian() * (x != 0 ? std::abs(x) : scale);
    }
    if (std::isfinite(y)) out[ptr] = same_kind(v, y);
  }
  return out;
}

Json search_path_instance(const Claim& claim, std::uint64_t seed, const SearchPath& path) {
  Json instance = generate_case(claim, seed, path.start_case).value();
  for (const SearchMove& m : path.moves) instance = mutate_instance(instance, seed, claim.id, m);
  return instance;
}

rc::Shrinkable<Json> rounding_shrinkable(const Json& instance) {
  return rc::shrinkable::shrinkRecur(instance, [](const Json& j) { return rc::seq::fromContainer(rounding_children(j)); });
}

rc::Shrinkable<Json> search_path_shrinkable(const Claim& claim, std::uint64_t seed, const SearchPath& path) {
  if (path.moves.empty()) return generate_case(claim, seed, path.start_case);
  return rounding_shrinkable(search_path_instance(claim, seed, path));
}

SearchPath record_search_path(const CaseRecord& r) {
  // "<claim>:<seed>:<path>[:<shrink>]": the third part.
  const auto a = r.token.find(':');
  const auto b = a == std::string::npos ? a : r.token.find(':', a + 1);
  if (b == std::string::npos) return SearchPath{r.index, {}};
  const auto c = r.token.find(':', b + 1);
  return parse_search_path(r.token.substr(b + 1, c == std::string::npos ? std::string::npos : c - b - 1));
}

TargetedSearch::TargetedSearch(const Claim& claim, std::uint64_t seed, long random_cases, long budget,
                               const std::vector<CaseRecord>& random_records)
    : claim_(claim), seed_(seed), random_cases_(random_cases), budget_(std::max(0L, budget)) {
  std::vector<const CaseRecord*> ranked;
  for (const CaseRecord& r : random_records) {
    if (search_score(claim, r)) ranked.push_back(&r);
  }
  std::stable_sort(ranked.begin(), ranked.end(), [&](const CaseRecord* a, const CaseRecord* b) {
    if (a->in_hypothesis != b->in_hypothesis) return a->in_hypothesis;
    return *search_score(claim, *a) > *search_score(claim, *b);
  });
  for (const CaseRecord* r : ranked) {
    if (static_cast<int>(starts_.size()) >= kSearchStarts) break;
    try {
      starts_.push_back(Point{SearchPath{r->index, {}}, generate_case(claim, seed, r->index).value(),
                              r->in_hypothesis, *search_score(claim, *r)});
    } catch (const std::exception&) {
    }
  }
  if (!starts_.empty()) parent_ = best_ = starts_.front();
  next_start_ = 1;
}

std::vector<SearchCandidate> TargetedSearch::next_generation() {
  pending_.clear();
  const long n = std::min<long>(kSearchBranching, budget_ - proposed_);
  for (long k = 0; k < n; ++k) {
    SearchCandidate c;
    c.index = random_cases_ + proposed_ + k;
    try {
      if (parent_) {
        const SearchMove move{generation_, static_cast<int>(k)};
        c.path = parent_->path;
        c.path.moves.push_back(move);
        c.instance = mutate_instance(parent_->instance, seed_, claim_.id, move);
      } else {
        // Nothing to climb from yet: fresh cases of the generator, numbered
        // after the random ones.
        c.path = SearchPath{c.index, {}};
        c.instance = generate_case(claim_, seed_, c.index).value();
      }
    } catch (const std::exception& e) {
      c.failure = e.what();
    }
    pending_.push_back(std::move(c));
  }
  proposed_ += n;
  return pending_;
}

bool TargetedSearch::better(const CaseRecord& r, const Point* than) const {
  const auto s = search_score(claim_, r);
  if (!s) return false;
  if (!than) return true;
  if (r.in_hypothesis != than->in_hypothesis) return r.in_hypothesis;
  return *s > than->score;
}

void TargetedSearch::restart() {
  // Cycle through the other best random cases, a round of fresh cases, and
  // back to the best point found so far.
  const size_t slots = starts_.size() + 1;
  const size_t slot = next_start_++ % slots;
  if (slot == 0) {
    parent_ = best_;
  } else if (slot < starts_.size()) {
    parent_ = starts_[slot];
  } else {
    parent_.reset();
  }
  stalled_ = 0;
}

void TargetedSearch::accept(const std::vector<CaseRecord>& judged) {
  const CaseRecord* best = nullptr;
  const SearchCandidate* best_candidate = nullptr;
  auto key = [&](const CaseRecord& r) { return std::make_pair(r.in_hypothesis, *search_score(claim_, r)); };
  for (size_t i = 0; i < judged.size() && i < pending_.size(); ++i) {
    const CaseRecord& r = judged[i];
    records_.push_back(r);
    if (!search_score(claim_, r)) continue;
    if (!best || key(r) > key(*best)) {
      best = &r;
      best_candidate = &pending_[i];
    }
  }
  const Point* current = parent_ ? &*parent_ : nullptr;
  if (best && better(*best, current)) {
    parent_ = Point{best_candidate->path, best_candidate->instance, best->in_hypothesis, *search_score(claim_, *best)};
    stalled_ = 0;
    if (!best_ || better(*best, &*best_)) best_ = parent_;
  } else if (++stalled_ >= kSearchPatience) {
    restart();
  }
  ++generation_;
  pending_.clear();
}

CaseRecord judge_candidate(const Claim& claim, const RunOptions& options, const SearchCandidate& candidate) {
  CaseRecord r;
  if (!candidate.failure.empty()) {
    r.status = CaseStatus::kError;
    r.message = fmt::format("search candidate not made: {}", candidate.failure);
  } else {
    try {
      r = judge_instance(claim, candidate.instance, options.start);
    } catch (const InputError& e) {
      r = CaseRecord{};
      r.status = CaseStatus::kError;
      r.message = std::string(kRejectedPrefix) + e.what();
    } catch (const std::exception& e) {
      r = CaseRecord{};
      r.status = CaseStatus::kError;
      r.in_hypothesis = true;
      r.message = fmt::format("evaluation failed: {}", e.what());
    }
  }
  r.index = candidate.index;
  r.searched = true;
  r.token = fmt::format("{}:{}:{}", claim.id, options.seed, to_string(candidate.path));
  return r;
}

std::vector<CaseRecord> run_search(const Claim& claim, const RunOptions& options,
                                   const std::vector<CaseRecord>& random_records) {
  const long cases = options.cases > 0 ? options.cases : claim.default_cases;
  TargetedSearch search(claim, options.seed, cases, search_budget(claim, options), random_records);
  while (!search.done()) {
    std::vector<CaseRecord> judged;
    for (const SearchCandidate& c : search.next_generation()) judged.push_back(judge_candidate(claim, options, c));
    search.accept(judged);
  }
  return search.records();
}

}  // namespace thmcheck
