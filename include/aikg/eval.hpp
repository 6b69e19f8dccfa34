// Scoring extraction against gold annotations, as defined in
// shared/eval/README.md: per document, pair P/R/F1 (unordered pairs with any
// relation), typed P/R/F1 ((type, pair), direction kept for directed types)
// and status accuracy over matched typed relations; summed over documents.
#pragma once

#include <functional>
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

struct DocumentReport {
  std::string doc;
  std::vector<std::string> misses, extras, wrong_status;  // human-readable lines
};

struct EvalResult {
  Score pairs, typed;
  std::size_t status_matched = 0, status_correct = 0;
  double status_accuracy() const;
  std::vector<DocumentReport> documents;  // in gold order
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
