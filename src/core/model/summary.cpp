#include "aikg/summary.hpp"

#include <algorithm>

namespace aikg {

RelationSummary RelationSummary::of(Status status, std::string_view date, double confidence) {
  return {status, std::string(date), std::string(date), confidence, 1};
}

void RelationSummary::add(const RelationSummary& other) {
  if (evidence_count == 0) {  // nothing to weigh against
    *this = other;
    return;
  }
  evidence_count += other.evidence_count;
  confidence = std::max(confidence, other.confidence);
  if (!other.first_seen.empty() && (first_seen.empty() || other.first_seen < first_seen)) first_seen = other.first_seen;
  // Later news decides; on the same date the more definite word does.
  if (other.last_seen > last_seen || (other.last_seen == last_seen && rank(other.status) < rank(status)))
    status = other.status;
  last_seen = std::max(last_seen, other.last_seen);
}

}  // namespace aikg
