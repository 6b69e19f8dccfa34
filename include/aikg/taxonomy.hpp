// The relation taxonomy and statuses: the one place where they are defined.
// Everything else (the schema's lookup tables, the cue lexicon loader, the CLI's
// --types/--status parsing, the exporters' legends) reads these tables.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace aikg {

enum class RelationType {
  loi,
  mou,
  partnership,
  contract,
  investment,
  supply,
  reseller,
  joint_development,
  joint_venture,
  merger,
  acquisition,
  meeting,
  participation,
  subsidiary_of,
  competition,
};

struct RelationTypeInfo {
  RelationType type;
  std::string_view name;         // stable identifier used in files, SQL and JSON
  bool directed;                 // source -> target carries meaning
  std::string_view description;  // one line, shown in help and docs
};

inline constexpr std::array<RelationTypeInfo, 15> kRelationTypes{{
    {RelationType::loi, "loi", false, "letter of intent"},
    {RelationType::mou, "mou", false, "memorandum of understanding or business agreement"},
    {RelationType::partnership, "partnership", false, "strategic partnership, alliance, cooperation"},
    {RelationType::contract, "contract", false, "definitive agreement or contract"},
    {RelationType::investment, "investment", true, "investor -> investee: equity, funding, stake"},
    {RelationType::supply, "supply", true, "supplier -> customer: products or capacity"},
    {RelationType::reseller, "reseller", true, "reseller -> vendor"},
    {RelationType::joint_development, "joint_development", false, "co-development, joint research or build"},
    {RelationType::joint_venture, "joint_venture", false, "the two set up a joint venture"},
    {RelationType::merger, "merger", false, "merger of the two"},
    {RelationType::acquisition, "acquisition", true, "acquirer -> target"},
    {RelationType::meeting, "meeting", false, "executives of the two met"},
    {RelationType::participation, "participation", true, "participant -> project or alliance"},
    {RelationType::subsidiary_of, "subsidiary_of", true, "child -> parent: affiliate, subsidiary"},
    {RelationType::competition, "competition", false, "rivals"},
}};

// Ordered from most to least definite; the order is the rank used to pick the
// most definite status of a relation (done > planned > talks > speculated), with
// `ended` last because a denial is only definite about what did not happen.
enum class Status { done, planned, talks, speculated, ended };

struct StatusInfo {
  Status status;
  std::string_view name;
  std::string_view description;
};

inline constexpr std::array<StatusInfo, 5> kStatuses{{
    {Status::done, "done", "happened or was signed"},
    {Status::planned, "planned", "the parties say it will happen"},
    {Status::talks, "talks", "under discussion or negotiation"},
    {Status::speculated, "speculated", "third parties expect or report it"},
    {Status::ended, "ended", "denied, cancelled or ended"},
}};

enum class EntityKind { company, group, government, project, person, media, other };

inline constexpr std::array<std::pair<EntityKind, std::string_view>, 7> kEntityKinds{{
    {EntityKind::company, "company"},
    {EntityKind::group, "group"},
    {EntityKind::government, "government"},
    {EntityKind::project, "project"},
    {EntityKind::person, "person"},
    {EntityKind::media, "media"},
    {EntityKind::other, "other"},
}};

const RelationTypeInfo& info(RelationType t);
std::string_view name(RelationType t);
std::string_view name(Status s);
std::string_view name(EntityKind k);
bool is_directed(RelationType t);
std::optional<RelationType> parse_relation_type(std::string_view s);
std::optional<Status> parse_status(std::string_view s);
std::optional<EntityKind> parse_entity_kind(std::string_view s);

// The one pair ordering: an undirected relation puts the smaller name first
// (byte order), so that "A and B" and "B and A" are one relation in the
// extractor, the store, the selection and the evaluation alike; a directed
// relation keeps its direction. False when (source, target) must be swapped.
inline bool is_canonical_pair(RelationType type, std::string_view source, std::string_view target) {
  return is_directed(type) || !(target < source);
}

// Rank of a status, 0 = most definite.
inline int rank(Status s) { return static_cast<int>(s); }

}  // namespace aikg
