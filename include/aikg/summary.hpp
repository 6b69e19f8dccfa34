// A relation's summary: what its evidence says in sum. The one home of the
// rule, used by the store when it writes relations and by the selection when
// it recomputes them from the evidence that passed its filters.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "aikg/taxonomy.hpp"

namespace aikg {

struct RelationSummary {
  Status status = Status::done;       // of the latest evidence; on one date, the most definite
  std::string first_seen, last_seen;  // earliest and latest evidence dates; "" when none is dated
  double confidence = 0;              // the highest evidence confidence
  std::int64_t evidence_count = 0;

  // One evidence sentence summarising itself (an empty date is the oldest).
  static RelationSummary of(Status status, std::string_view date, double confidence);

  // Folds `other` in: the summary of the union of both summaries' evidence,
  // whatever order the evidence comes in.
  void add(const RelationSummary& other);
};

}  // namespace aikg
