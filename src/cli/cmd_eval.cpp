// aikg eval.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "aikg/eval.hpp"
#include "cli.hpp"

namespace aikg::cli {

namespace {

struct EvalOptions {
  DbOption db;
  std::string gold;
  bool verbose = false, json = false;
};

void setup_eval(CLI::App& cmd, EvalOptions& o) {
  o.db.add(&cmd);
  cmd.add_option("--gold", o.gold, "Gold TSV (doc, type, source, target, status)")->required()->check(CLI::ExistingFile);
  cmd.add_flag("-v,--verbose", o.verbose, "List misses, extras and wrong statuses per document");
  cmd.add_flag("--json", o.json, "Scores as JSON");
}

nlohmann::ordered_json score_json(const Score& s) {
  return nlohmann::ordered_json{{"precision", s.precision()}, {"recall", s.recall()}, {"f1", s.f1()},
                                {"tp", s.true_positives},    {"fp", s.false_positives}, {"fn", s.false_negatives}};
}

template <class Key>
nlohmann::ordered_json scores_json(const std::map<Key, Score>& scores) {
  auto j = nlohmann::ordered_json::object();
  for (const auto& [k, s] : scores) j[std::string(name(k))] = score_json(s);
  return j;
}

nlohmann::ordered_json findings_json(const std::vector<Finding>& findings) {
  auto j = nlohmann::ordered_json::array();
  for (const auto& f : findings) j.push_back({{"reason", f.reason}, {"relation", f.text}});
  return j;
}

void print_json(const EvalResult& r) {
  nlohmann::ordered_json j{{"pair", score_json(r.pairs)},
                           {"typed", score_json(r.typed)},
                           {"status_accuracy", r.status_accuracy()},
                           {"status_matched", r.status_matched},
                           {"typed_macro_f1", macro_f1(r.by_type)},
                           {"status_macro_f1", macro_f1(r.by_status)},
                           {"by_type", scores_json(r.by_type)},
                           {"by_status", scores_json(r.by_status)},
                           {"miss_reasons", r.miss_reasons},
                           {"extra_reasons", r.extra_reasons},
                           {"status_reasons", r.status_reasons},
                           {"unknown_names", r.unknown_names}};
  auto& docs = j["documents"] = nlohmann::ordered_json::array();
  for (const auto& d : r.documents)
    docs.push_back({{"doc", d.doc},
                    {"misses", findings_json(d.misses)},
                    {"extras", findings_json(d.extras)},
                    {"wrong_status", findings_json(d.wrong_status)}});
  fmt::print("{}\n", j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
}

void print_score(std::string_view label, const Score& s) {
  fmt::print("{:<20} P={:.3f} R={:.3f} F1={:.3f}  (tp={} fp={} fn={})\n", label, s.precision(), s.recall(), s.f1(),
             s.true_positives, s.false_positives, s.false_negatives);
}

template <class Key>
void print_breakdown(std::string_view title, const std::map<Key, Score>& scores) {
  fmt::print("\n{} (macro F1 {:.3f})\n", title, macro_f1(scores));
  for (const auto& [k, s] : scores) print_score(fmt::format("  {}", name(k)), s);
}

// Reasons, largest first, so the biggest class of error is on top.
void print_reasons(std::string_view title, const std::map<std::string, std::size_t>& reasons) {
  std::vector<std::pair<std::string, std::size_t>> sorted(reasons.begin(), reasons.end());
  std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  fmt::print("{}:", title);
  for (const auto& [reason, n] : sorted) fmt::print(" {} {};", reason, n);
  fmt::print("{}\n", sorted.empty() ? " none" : "");
}

void print_documents(const EvalResult& r) {
  for (const auto& d : r.documents) {
    fmt::print("== {}\n", d.doc);
    for (const auto& f : d.misses) fmt::print("  miss   [{}] {}\n", f.reason, f.text);
    for (const auto& f : d.extras) fmt::print("  extra  [{}] {}\n", f.reason, f.text);
    for (const auto& f : d.wrong_status) fmt::print("  status [{}] {}\n", f.reason, f.text);
  }
}

int run_eval(const EvalOptions& o) {
  const auto store = o.db.open(true);
  std::ifstream in(o.gold, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  const auto gold = parse_gold(ss.str(), o.gold);
  const auto result = evaluate(gold, store);
  if (o.json) {
    print_json(result);
    return kOk;
  }
  if (o.verbose) print_documents(result);
  print_score("pair", result.pairs);
  print_score("typed", result.typed);
  fmt::print("status               accuracy={:.3f} ({}/{})\n", result.status_accuracy(), result.status_correct,
             result.status_matched);
  print_breakdown("per type", result.by_type);
  print_breakdown("per status", result.by_status);
  fmt::print("\n");
  print_reasons("misses by reason", result.miss_reasons);
  print_reasons("extras by reason", result.extra_reasons);
  print_reasons("wrong statuses (gold -> found)", result.status_reasons);
  fmt::print("gold names with no entity ({}): {}\n", result.unknown_names.size(), fmt::join(result.unknown_names, ", "));
  return kOk;
}

}  // namespace

std::vector<CommandSpec> eval_commands() {
  return {command("eval",
                  "Score the database's relations against gold annotations: pair and typed precision/recall/F1, status "
                  "accuracy, scores per type and status, misses and extras grouped by reason, gold names with no entity.",
                  setup_eval, run_eval)};
}

}  // namespace aikg::cli
