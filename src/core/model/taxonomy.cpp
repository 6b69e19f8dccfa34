// Lookups over the constexpr tables in taxonomy.hpp. The tables are indexed by
// enum value, which the static_asserts below keep honest.
#include "aikg/taxonomy.hpp"

#include <cstddef>
#include <type_traits>
#include <utility>

#include "aikg/text.hpp"

namespace aikg {
namespace {

template <typename Table, typename Key>
constexpr bool indexed_by_enum(const Table& table, Key Table::value_type::*key) {
  for (std::size_t i = 0; i < table.size(); ++i)
    if (static_cast<std::size_t>(table[i].*key) != i) return false;
  return true;
}

static_assert(indexed_by_enum(kRelationTypes, &RelationTypeInfo::type), "kRelationTypes must follow RelationType");
static_assert(indexed_by_enum(kStatuses, &StatusInfo::status), "kStatuses must follow Status");
static_assert(indexed_by_enum(kEntityKinds, &std::pair<EntityKind, std::string_view>::first),
              "kEntityKinds must follow EntityKind");

// Table names are lower-case ASCII, so folding the query is enough.
bool equals_ignoring_case(std::string_view query, std::string_view lower_name) {
  if (query.size() != lower_name.size()) return false;
  for (std::size_t i = 0; i < query.size(); ++i)
    if (ascii_lower(query[i]) != lower_name[i]) return false;
  return true;
}

template <typename Table, typename NameOf>
auto find_by_name(const Table& table, std::string_view query, NameOf name_of)
    -> std::optional<std::remove_cvref_t<decltype(table[0])>> {
  for (const auto& row : table)
    if (equals_ignoring_case(query, name_of(row))) return row;
  return std::nullopt;
}

}  // namespace

const RelationTypeInfo& info(RelationType t) { return kRelationTypes[static_cast<std::size_t>(t)]; }

std::string_view name(RelationType t) { return info(t).name; }

std::string_view name(Status s) { return kStatuses[static_cast<std::size_t>(s)].name; }

std::string_view name(EntityKind k) { return kEntityKinds[static_cast<std::size_t>(k)].second; }

bool is_directed(RelationType t) { return info(t).directed; }

std::optional<RelationType> parse_relation_type(std::string_view s) {
  const auto row = find_by_name(kRelationTypes, s, [](const RelationTypeInfo& r) { return r.name; });
  if (!row) return std::nullopt;
  return row->type;
}

std::optional<Status> parse_status(std::string_view s) {
  const auto row = find_by_name(kStatuses, s, [](const StatusInfo& r) { return r.name; });
  if (!row) return std::nullopt;
  return row->status;
}

std::optional<EntityKind> parse_entity_kind(std::string_view s) {
  const auto row = find_by_name(kEntityKinds, s, [](const auto& r) { return r.second; });
  if (!row) return std::nullopt;
  return row->first;
}

}  // namespace aikg
