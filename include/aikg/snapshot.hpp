// The graph snapshot (issue 19): the relation summaries and the entities as
// columns, what every whole-graph command starts from. The store keeps it in
// the database file, keyed by the generation its data had (schema 4), and
// rebuilds it when it is missing or stale; see Store::graph_snapshot.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "aikg/taxonomy.hpp"

namespace aikg {

struct GraphSnapshot {
  static constexpr std::uint32_t npos = static_cast<std::uint32_t>(-1);

  std::int64_t generation = 0;

  // Entities in name order (byte order, as sort_relations compares names):
  // an entity's index is the rank of its name.
  std::vector<std::int64_t> entity_id;
  std::vector<EntityKind> entity_kind;
  std::vector<std::uint32_t> entity_parent;  // index of the parent entity, or npos
  std::vector<std::uint32_t> name_offset;    // entities + 1 entries into `names`
  std::string names;

  // Relations that are not retracted, in listing order (type name, source
  // name, target name, as sort_relations orders them).
  std::vector<std::int64_t> relation_id;
  std::vector<RelationType> type;
  std::vector<Status> status;
  std::vector<std::uint32_t> source, target;         // entity indices
  std::vector<std::uint32_t> first_seen, last_seen;  // indices into the date table
  std::vector<double> confidence;
  std::vector<std::int64_t> evidence_count;

  // The evidence of each relation, for selections that filter single
  // evidence rows: relation r's are [evidence_offset[r], evidence_offset[r + 1]).
  std::vector<std::uint32_t> evidence_offset;  // relations + 1 entries
  std::vector<Status> evidence_status;
  std::vector<std::uint32_t> evidence_date;  // index into the date table
  std::vector<double> evidence_confidence;

  // Distinct dates (index 0 is the empty date), as offsets into `dates`.
  std::vector<std::uint32_t> date_offset;
  std::string dates;

  std::size_t entities() const { return entity_id.size(); }
  std::size_t relations() const { return relation_id.size(); }
  std::string_view name(std::uint32_t entity) const {
    return std::string_view(names).substr(name_offset[entity], name_offset[entity + 1] - name_offset[entity]);
  }
  std::string_view date(std::uint32_t index) const {
    return std::string_view(dates).substr(date_offset[index], date_offset[index + 1] - date_offset[index]);
  }
  // The entity index of an entity id, or npos. O(entities): for one or two lookups.
  std::uint32_t index_of(std::int64_t id) const;

  bool operator==(const GraphSnapshot&) const = default;
};

}  // namespace aikg
