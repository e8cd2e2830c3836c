#include "thmcheck/engine/results.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <map>
#include <set>

#include "thmcheck/engine/claim_json.hpp"
#include "thmcheck/engine/search.hpp"

namespace thmcheck {

std::string wide_text(const Wide& x, int digits) { return to_decimal(x, digits); }

namespace {

Json optional_double(const std::optional<double>& x) {
  return x ? Json(*x) : Json(nullptr);
}

Json finite_or_null(double x) { return std::isfinite(x) ? Json(x) : Json(nullptr); }

Evidence parse_evidence(const std::string& s) {
  for (Evidence e : {Evidence::kCertified, Evidence::kEstimated, Evidence::kUnchecked}) {
    if (to_string(e) == s) return e;
  }
  throw InputError("unknown evidence '" + s + "'");
}

Json summary_to_json(const ClaimRun& run) {
  const ClaimInfo* claim = &run.claim;
  const Summary& s = run.summary;
  Json j;
  j["id"] = run.id;
  j["kind"] = to_string(claim->kind);
  j["paper"] = claim->paper;
  j["source"] = claim->source;
  j["verdict"] = s.verdict;
  j["cases"] = s.cases;
  j["in_hypothesis"] = s.in_hypothesis;
  j["passed"] = s.passed;
  j["failed"] = s.failed;
  j["tight"] = s.tight;
  j["inconclusive"] = s.inconclusive;
  j["errors"] = s.errors;
  j["out_of_hypothesis"] = s.out_of_hypothesis;
  j["out_of_hypothesis_passed"] = s.out_passed;
  j["evidence"] = {{"certified", s.evidence_certified},
                   {"estimated", s.evidence_estimated},
                   {"unchecked", s.evidence_unchecked}};
  j["pass_rate"] = s.pass_rate;
  j["pass_rate_ci"] = {s.pass_rate_ci.first, s.pass_rate_ci.second};
  j["worst_ratio"] = optional_double(s.worst_ratio);
  j["worst_case"] = s.worst_case;
  j["closest_relative_margin"] = optional_double(s.closest_relative_margin);
  j["closest_case"] = s.closest_case;
  j["certified_digits"] = s.certified_digits;
  if (claim && claim->kind == ClaimKind::kFrequency) {
    j["trials"] = s.trials;
    j["events"] = s.events;
    j["frequency"] = s.frequency;
    j["frequency_ci"] = {s.frequency_ci.first, s.frequency_ci.second};
    j["claimed_probability"] = claim->claimed_probability;
  }
  if (claim && claim->kind == ClaimKind::kScaling) {
    j["exponent"] = finite_or_null(s.fit.exponent);
    j["exponent_ci"] = {finite_or_null(s.fit.exponent_low), finite_or_null(s.fit.exponent_high)};
    j["exponent_predicted"] = claim->predicted_exponent;
    j["exponent_tolerance"] = claim->exponent_tolerance;
    if (claim->exponent_at_least) j["exponent_at_least"] = true;
    j["fit_points"] = s.fit.points;
    j["fit_intercept"] = finite_or_null(s.fit.intercept);
    j["fit_r_squared"] = finite_or_null(s.fit.r_squared);
  }
  if (run.search_budget > 0) {
    const SearchSummary& q = s.search;
    Json sj = {{"budget", q.budget},
               {"candidates", q.candidates},
               {"in_hypothesis", q.in_hypothesis},
               {"passed", q.passed},
               {"failed", q.failed},
               {"inconclusive", q.inconclusive},
               {"errors", q.errors},
               {"out_of_hypothesis", q.out_of_hypothesis},
               {"rejected", q.rejected},
               {"worst_ratio_random", optional_double(s.worst_ratio)},
               {"worst_ratio", optional_double(q.worst_ratio)},
               {"worst_case", q.worst_case},
               {"worst_ratio_after_search", optional_double(worst_ratio_after_search(*claim, s))},
               {"closest_relative_margin", optional_double(q.closest_relative_margin)},
               {"closest_case", q.closest_case},
               {"first_failure", q.first_failure},
               {"changed_verdict", q.changed_verdict},
               {"certified_digits", q.certified_digits}};
    if (claim->kind == ClaimKind::kScaling) {
      sj["exponent_deviation_random"] = optional_double(s.exponent_deviation);
      sj["exponent_deviation"] = optional_double(q.exponent_deviation);
      sj["deviation_case"] = q.deviation_case;
    }
    j["search"] = std::move(sj);
  }
  return j;
}

// A Wide from decimal text; "nan", "inf" and "-inf" (written for the
// non-finite measurements of `error` cases) read back as such.
Wide wide_from_text(const std::string& text) {
  if (text == "nan") return std::numeric_limits<Wide>::quiet_NaN();
  if (text == "inf") return std::numeric_limits<Wide>::infinity();
  if (text == "-inf") return -std::numeric_limits<Wide>::infinity();
  return parse_decimal<Wide>(text);
}

Wide wide_of(const Json& j, const char* key) {
  try {
    return wide_from_text(j.at(key).get<std::string>());
  } catch (const std::exception& e) {
    throw InputError(fmt::format("results: bad number in '{}': {}", key, e.what()));
  }
}

}  // namespace

CaseRecord record_from_json(const Json& j) {
  CaseRecord r;
  r.index = j.at("index").get<long>();
  r.status = parse_case_status(j.at("status").get<std::string>());
  r.in_hypothesis = j.at("in_hypothesis").get<bool>();
  r.evidence = parse_evidence(j.at("evidence").get<std::string>());
  r.relation = j.at("relation").get<std::string>() == "==" ? Relation::kEqual : Relation::kLessEqual;
  r.measured = wide_of(j, "measured");
  r.bound = wide_of(j, "bound");
  r.margin = wide_of(j, "margin");
  r.error = wide_of(j, "error");
  r.precision = parse_precision(j.at("precision").get<std::string>());
  for (const auto& p : j.at("evaluated")) r.evaluated.push_back(parse_precision(p.get<std::string>()));
  r.certified_digits = j.at("certified_digits").get<int>();
  for (const auto& pt : j.at("points")) {
    r.points.emplace_back(wide_from_text(pt.at(0).get<std::string>()), wide_from_text(pt.at(1).get<std::string>()));
  }
  r.message = j.value("message", "");
  r.token = j.value("token", "");
  r.searched = j.value("searched", false);
  for (const auto& h : j.value("hypotheses", Json::array())) {
    r.hypotheses.push_back({h.at("name").get<std::string>(), h.at("holds").get<bool>(),
                            parse_evidence(h.at("evidence").get<std::string>()),
                            h.value("detail", "")});
  }
  for (const auto& d : j.value("details", Json::array())) {
    r.details.emplace_back(d.at(0).get<std::string>(), d.at(1).get<std::string>());
  }
  return r;
}

Json record_to_json(const CaseRecord& r, RecordDigits digits) {
  // Exact: every digit Wide holds, so that reading back gives the same
  // values (the records worker processes send to the parent).
  const bool exact = digits == RecordDigits::kExact;
  const int all = std::numeric_limits<Wide>::max_digits10;
  auto text = [&](const Wide& x, int shown) {
    if (!isfinite(x)) return std::string(isnan(x) ? "nan" : (x > 0 ? "inf" : "-inf"));
    return wide_text(x, exact ? all : shown);
  };
  Json j;
  j["index"] = r.index;
  j["status"] = to_string(r.status);
  j["in_hypothesis"] = r.in_hypothesis;
  j["evidence"] = to_string(r.evidence);
  j["relation"] = to_string(r.relation);
  j["measured"] = text(r.measured, 40);
  j["bound"] = text(r.bound, 40);
  j["margin"] = text(r.margin, 40);
  j["error"] = text(r.error, 6);
  j["ratio"] = optional_double(r.ratio());
  j["precision"] = to_string(r.precision);
  Json ev = Json::array();
  for (Precision p : r.evaluated) ev.push_back(to_string(p));
  j["evaluated"] = ev;
  j["certified_digits"] = r.certified_digits;
  Json pts = Json::array();
  for (const auto& [x, y] : r.points) pts.push_back({text(x, 30), text(y, 30)});
  j["points"] = pts;
  if (!r.message.empty()) j["message"] = r.message;
  if (!r.token.empty()) j["token"] = r.token;
  if (r.searched) j["searched"] = true;
  Json hs = Json::array();
  for (const HypothesisCheck& h : r.hypotheses) {
    hs.push_back({{"name", h.name}, {"holds", h.holds}, {"evidence", to_string(h.evidence)},
                  {"detail", h.detail}});
  }
  j["hypotheses"] = hs;
  Json ds = Json::array();
  for (const auto& [k, v] : r.details) ds.push_back({k, v});
  j["details"] = ds;
  return j;
}

Json runs_to_json(const std::vector<ClaimRun>& runs) {
  Json doc;
  doc["schema"] = kResultsSchema;
  Json claims = Json::array();
  for (const ClaimRun& run : runs) {
    Json j = summary_to_json(run);
    j["claim"] = claim_info_to_json(run.claim);
    if (!run.expected_verdict.empty()) {
      j["expected"] = {{"verdict", run.expected_verdict}, {"note", run.expected_note}};
    }
    j["run"] = {{"seed", run.seed},
                {"cases_total", run.cases},
                {"shard", fmt::format("{}/{}", run.shard_index, run.shard_count)},
                {"precision", to_string(run.start)},
                {"program", run.program}};
    if (run.search_budget > 0) j["run"]["search"] = run.search_budget;
    Json recs = Json::array();
    for (const CaseRecord& r : run.records) recs.push_back(record_to_json(r));
    j["records"] = recs;
    Json cxs = Json::array();
    for (const Counterexample& cx : run.counterexamples) {
      cxs.push_back({{"token", cx.record.token},
                     {"original_case", cx.original_case},
                     {"shrink_steps", cx.shrink_steps},
                     {"record", record_to_json(cx.record)},
                     {"instance", cx.instance}});
      if (cx.proof.attempted) cxs.back()["proof"] = proof_to_json(cx.proof);
    }
    j["counterexamples"] = cxs;
    claims.push_back(std::move(j));
  }
  doc["claims"] = claims;
  return doc;
}

std::vector<ClaimRun> runs_from_json(const Json& doc, const std::string& where) {
  if (!doc.is_object() || doc.value("schema", "") != kResultsSchema) {
    throw InputError(fmt::format("{}: not a thmcheck results file (schema '{}' expected)", where,
                                 kResultsSchema));
  }
  std::vector<ClaimRun> runs;
  try {
    for (const Json& j : doc.at("claims")) {
      ClaimRun run;
      run.id = j.at("id").get<std::string>();
      if (!j.contains("claim")) throw InputError(fmt::format("{}: {} has no claim description", where, run.id));
      run.claim = claim_info_from_json(j.at("claim"), fmt::format("{}: {}", where, run.id));
      if (run.claim.id != run.id) {
        throw InputError(fmt::format("{}: claim description of {} names '{}'", where, run.id, run.claim.id));
      }
      if (j.contains("expected")) {
        run.expected_verdict = j.at("expected").at("verdict").get<std::string>();
        run.expected_note = j.at("expected").value("note", "");
      }
      const Json& meta = j.at("run");
      run.program = meta.value("program", "thmcheck");
      run.seed = meta.at("seed").get<std::uint64_t>();
      run.cases = meta.at("cases_total").get<long>();
      const std::string shard = meta.at("shard").get<std::string>();
      if (std::sscanf(shard.c_str(), "%ld/%ld", &run.shard_index, &run.shard_count) != 2) {
        throw InputError(fmt::format("{}: bad shard '{}'", where, shard));
      }
      run.start = parse_precision(meta.at("precision").get<std::string>());
      run.search_budget = meta.value("search", 0L);
      for (const Json& r : j.at("records")) run.records.push_back(record_from_json(r));
      for (const Json& c : j.at("counterexamples")) {
        Counterexample cx;
        cx.record = record_from_json(c.at("record"));
        cx.original_case = c.at("original_case").get<long>();
        cx.shrink_steps = c.at("shrink_steps").get<int>();
        cx.instance = c.at("instance");
        if (c.contains("proof")) cx.proof = proof_from_json(c.at("proof"));
        run.counterexamples.push_back(std::move(cx));
      }
      run.summary = aggregate(run.claim, run.records, run.search_budget);
      runs.push_back(std::move(run));
    }
  } catch (const nlohmann::json::exception& e) {
    throw InputError(fmt::format("{}: malformed results: {}", where, e.what()));
  }
  return runs;
}

std::vector<ClaimRun> load_results(const std::filesystem::path& dir_or_file) {
  std::filesystem::path file = dir_or_file;
  if (std::filesystem::is_directory(file)) file /= "results.json";
  return runs_from_json(load_json_file(file), file.string());
}

std::vector<ClaimRun> merge_runs(const std::vector<ClaimRun>& runs) {
  std::map<std::string, std::vector<const ClaimRun*>> by_id;
  std::vector<std::string> order;
  for (const ClaimRun& r : runs) {
    if (!by_id.count(r.id)) order.push_back(r.id);
    by_id[r.id].push_back(&r);
  }
  std::vector<ClaimRun> merged;
  for (const std::string& id : order) {
    const auto& parts = by_id.at(id);
    const ClaimInfo& claim = parts.front()->claim;
    ClaimRun m;
    m.id = id;
    m.claim = claim;
    m.program = parts.front()->program;
    m.expected_verdict = parts.front()->expected_verdict;
    m.expected_note = parts.front()->expected_note;
    m.seed = parts.front()->seed;
    m.cases = parts.front()->cases;
    m.start = parts.front()->start;
    m.search_budget = parts.front()->search_budget;
    m.shard_index = 0;
    m.shard_count = 1;
    std::set<long> seen;
    for (const ClaimRun* p : parts) {
      if (claim_info_to_json(p->claim) != claim_info_to_json(claim)) {
        throw InputError(fmt::format("cannot merge results for {}: the inputs describe the claim differently "
                                     "(written by different versions of the checker?)", id));
      }
      if (p->seed != m.seed || p->cases != m.cases) {
        throw InputError(fmt::format(
            "cannot merge results for {}: seeds or case counts differ ({}/{} vs {}/{})", id,
            p->seed, p->cases, m.seed, m.cases));
      }
      for (const CaseRecord& r : p->records) {
        if (!seen.insert(r.index).second) {
          throw InputError(fmt::format("cannot merge results for {}: case {} appears twice",
                                       id, r.index));
        }
        m.records.push_back(r);
      }
      for (const Counterexample& cx : p->counterexamples) m.counterexamples.push_back(cx);
    }
    std::sort(m.records.begin(), m.records.end(),
              [](const CaseRecord& a, const CaseRecord& b) { return a.index < b.index; });
    std::sort(m.counterexamples.begin(), m.counterexamples.end(),
              [](const Counterexample& a, const Counterexample& b) {
                return a.original_case < b.original_case;
              });
    // One machine keeps the first counterexample; keep the same when merging.
    if (m.counterexamples.size() > 1) m.counterexamples.resize(1);
    m.summary = aggregate(claim, m.records, m.search_budget);
    merged.push_back(std::move(m));
  }
  return merged;
}

}  // namespace thmcheck
