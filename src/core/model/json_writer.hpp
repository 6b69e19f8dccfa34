// Writing JSON text straight into a string, for the hot `aikg extract` output:
// byte for byte what nlohmann's dump(-1, ' ', false, replace) writes, without
// building a json value per document first.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace aikg::detail {

// Appends `s` as a quoted JSON string: quote, backslash and control characters
// escaped, other UTF-8 kept as it is; invalid UTF-8 handled as nlohmann's
// `replace` handler does (it writes U+FFFD).
void append_json_string(std::string& out, std::string_view s);

// Appends a double as nlohmann writes it ("0.5", "1.0", "1e-05").
void append_json_number(std::string& out, double value);
void append_json_number(std::string& out, std::size_t value);

}  // namespace aikg::detail
