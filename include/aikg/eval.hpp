// Scoring extraction against gold annotations, as defined in
// shared/eval/README.md: per document, pair P/R/F1 (unordered pairs with any
// relation), typed P/R/F1 ((type, pair), direction kept for directed types)
// and status accuracy over matched typed relations; summed over documents.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aikg/store.hpp"
#include "aikg/taxonomy.hpp"

namespace aikg {

struct GoldRelation {
  std::string doc;
  std::optional<RelationType> type;  // nullopt: the `none` row of a document with no relation
  std::vector<std::string> source, target;  // acceptable names ('|' alternatives)
  Status status = Status::done;
  std::size_t line = 0;
};

// Parses a gold TSV (header `doc type source target status`). Throws DataError
// naming origin:line on a malformed row.
std::vector<GoldRelation> parse_gold(std::string_view tsv, std::string_view origin);

struct PredictedRelation {
  std::string doc;
  RelationType type;
  std::string source, target;  // canonical entity names
  Status status;
};

struct Score {
  std::size_t true_positives = 0, false_positives = 0, false_negatives = 0;
  double precision() const;
  double recall() const;
  double f1() const;
};

// Mean F1 of the classes in `scores` (macro average); 0 when there are none.
template <class Key>
double macro_f1(const std::map<Key, Score>& scores) {
  double sum = 0;
  for (const auto& [k, s] : scores) sum += s.f1();
  return scores.empty() ? 0.0 : sum / static_cast<double>(scores.size());
}

// A miss, extra or wrong status with the reason it is one, read off the
// predictions around it: "unknown name" (a gold party resolves to no entity),
// "reversed" (same type, other direction), "other type: T" (the pair was found
// as another type), "pair not related" / "pair not in gold", "status G->P".
struct Finding {
  std::string reason, text;
};

struct DocumentReport {
  std::string doc;
  std::vector<Finding> misses, extras, wrong_status;
};

struct EvalResult {
  Score pairs, typed;
  std::size_t status_matched = 0, status_correct = 0;
  double status_accuracy() const;
  std::map<RelationType, Score> by_type;  // typed score per relation type
  std::map<Status, Score> by_status;      // typed matches that also agree on the status
  std::map<std::string, std::size_t> miss_reasons, extra_reasons, status_reasons;
  std::vector<std::string> unknown_names;  // gold names that resolve to no entity, sorted
  std::vector<DocumentReport> documents;   // in gold order
};

// `canonical` maps a gold name to the canonical entity name it resolves to in
// the tool's alias table, or nullopt when unknown (then compared verbatim,
// case-insensitively). Predictions for documents absent from the gold are ignored.
EvalResult evaluate(const std::vector<GoldRelation>& gold, const std::vector<PredictedRelation>& predicted,
                    const std::function<std::optional<std::string>(std::string_view)>& canonical);

}  // namespace aikg

namespace aikg {
// One prediction per (doc, type, pair), keeping the most definite status, as
// the gold does; a relation the article reports as ended is ended.
std::vector<PredictedRelation> most_definite(std::vector<PredictedRelation> predicted);

// Scores what a database holds (each evidence row a prediction for its
// document), gold names resolved through the database's aliases.
EvalResult evaluate(const std::vector<GoldRelation>& gold, const Store& store);
}  // namespace aikg
