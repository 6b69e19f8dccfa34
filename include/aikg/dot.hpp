// Graphviz DOT output of an alliance graph. Node ids are synthetic (n0, n1, ...)
// and every name goes through dot_quote, so no name can break the file.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "aikg/graph.hpp"

namespace aikg {

// A DOT double-quoted string: backslashes and quotes escaped, line breaks and
// other control characters replaced, so escString sequences such as \N or \G
// in a name are shown literally.
std::string dot_quote(std::string_view s);

// The colour used for a relation type (also in the legend).
std::string_view relation_colour(RelationType t);

void write_dot(std::ostream& out, const AllianceGraph& g);

}  // namespace aikg
