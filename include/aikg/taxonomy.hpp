// The relation taxonomy and statuses: the one place where they are defined.
// Everything else (the schema's lookup tables, the cue lexicon loader, the CLI's
// --types/--status parsing, the exporters' legends) reads these tables.
#pragma once

#include <array>
#include <optional>
#include <string_view>
#include <utility>

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

// Which endpoint of a relation may be a project or an alliance (Stargate, the
// Global Telco AI Alliance) rather than an organisation.
enum class ProjectEndpoint {
  none,      // organisations only
  target,    // the target may be a project (investing in it, supplying it)
  required,  // the target is a project: taking part in it
};

// One relation type and everything that differs between types: adding a type
// is one row here plus its cues in data/lexicon/ (triggers.tsv, and
// direction.tsv for a directed type whose passive voice reverses it).
struct RelationTypeInfo {
  RelationType type;
  std::string_view name;         // stable identifier used in files, SQL and JSON
  bool directed;                 // source -> target carries meaning
  std::string_view description;  // one line, shown in help and docs
  std::string_view colour;       // "#rrggbb": DOT edges and legend, GEXF edges
  ProjectEndpoint project = ProjectEndpoint::none;
  bool mutual = false;     // the parties act together on one thing: names listed together pair up among themselves
  bool state = false;      // a standing state (a rivalry), not a deal: a plan or talks in its clause are another's
  bool ownership = false;  // who owns whom (child -> parent): found from group structure, not paired like a deal
  bool generic = false;    // the catch-all type: its cue adds nothing beside a specific trigger for the same pair
  bool relation_noun = false;  // its noun links two names directly ("A의 경쟁사인 B", "A's supplier B")
  bool deal_noun = false;      // its English noun ("the deal") may refer back to a deal told before
};

// Colours mostly from ColorBrewer's qualitative palettes, dark enough for
// labels on white. Types that meet in the same pictures differ most:
// contract red, competition black; supply brown, acquisition pink.
inline constexpr auto kRelationTypes = std::to_array<RelationTypeInfo>({
    {.type = RelationType::loi, .name = "loi", .directed = false, .description = "letter of intent",
     .colour = "#1f78b4"},
    {.type = RelationType::mou, .name = "mou", .directed = false,
     .description = "memorandum of understanding or business agreement", .colour = "#33a02c"},
    {.type = RelationType::partnership, .name = "partnership", .directed = false,
     .description = "strategic partnership, alliance, cooperation", .colour = "#6a3d9a", .generic = true,
     .relation_noun = true},
    {.type = RelationType::contract, .name = "contract", .directed = false,
     .description = "definitive agreement or contract", .colour = "#e31a1c", .deal_noun = true},
    {.type = RelationType::investment, .name = "investment", .directed = true,
     .description = "investor -> investee: equity, funding, stake", .colour = "#ff7f00",
     .project = ProjectEndpoint::target},
    {.type = RelationType::supply, .name = "supply", .directed = true,
     .description = "supplier -> customer: products or capacity", .colour = "#b15928",
     .project = ProjectEndpoint::target, .relation_noun = true},
    {.type = RelationType::reseller, .name = "reseller", .directed = true, .description = "reseller -> vendor",
     .colour = "#0e8a8a"},
    {.type = RelationType::joint_development, .name = "joint_development", .directed = false,
     .description = "co-development, joint research or build", .colour = "#7a9a01", .mutual = true},
    {.type = RelationType::joint_venture, .name = "joint_venture", .directed = false,
     .description = "the two set up a joint venture", .colour = "#c51b7d", .mutual = true},
    {.type = RelationType::merger, .name = "merger", .directed = false, .description = "merger of the two",
     .colour = "#d4a017", .mutual = true},
    {.type = RelationType::acquisition, .name = "acquisition", .directed = true, .description = "acquirer -> target",
     .colour = "#e7298a"},
    {.type = RelationType::meeting, .name = "meeting", .directed = false,
     .description = "executives of the two met", .colour = "#999999"},
    {.type = RelationType::participation, .name = "participation", .directed = true,
     .description = "participant -> project or alliance", .colour = "#17becf",
     .project = ProjectEndpoint::required},
    {.type = RelationType::subsidiary_of, .name = "subsidiary_of", .directed = true,
     .description = "child -> parent: affiliate, subsidiary", .colour = "#9e9ac8", .ownership = true},
    {.type = RelationType::competition, .name = "competition", .directed = false, .description = "rivals",
     .colour = "#1a1a1a", .state = true, .relation_noun = true},
});

// Ordered from most to least definite; the order is the rank used to pick the
// most definite status of a relation (done > planned > talks > speculated), with
// `ended` last because a denial is only definite about what did not happen.
enum class Status { done, planned, talks, speculated, ended };

struct StatusInfo {
  Status status;
  std::string_view name;
  std::string_view description;
};

inline constexpr auto kStatuses = std::to_array<StatusInfo>({
    {Status::done, "done", "happened or was signed"},
    {Status::planned, "planned", "the parties say it will happen"},
    {Status::talks, "talks", "under discussion or negotiation"},
    {Status::speculated, "speculated", "third parties expect or report it"},
    {Status::ended, "ended", "denied, cancelled or ended"},
});

enum class EntityKind { company, group, government, project, person, media, other };

inline constexpr auto kEntityKinds = std::to_array<std::pair<EntityKind, std::string_view>>({
    {EntityKind::company, "company"},
    {EntityKind::group, "group"},
    {EntityKind::government, "government"},
    {EntityKind::project, "project"},
    {EntityKind::person, "person"},
    {EntityKind::media, "media"},
    {EntityKind::other, "other"},
});

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
