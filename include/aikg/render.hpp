// Rendering DOT to a picture with the Graphviz installed on the machine.
// Graphviz runs as a child process started with an argument vector (never a
// shell); the layout engine is the `layout` attribute inside the DOT source.
#pragma once

#include <optional>
#include <string_view>

namespace aikg {

enum class RenderFormat { svg, png, pdf };

// "svg", "png", "pdf" (any case); nullopt otherwise.
std::optional<RenderFormat> parse_render_format(std::string_view s);

// Runs `dot -T<format>` (found on PATH) with `dot_source` on its stdin and
// the picture going to `out_fd`. Throws std::runtime_error with an install
// hint when Graphviz is missing, and with dot's exit status when it fails
// (its own messages go to our stderr).
void render_with_graphviz(std::string_view dot_source, RenderFormat format, int out_fd);

}  // namespace aikg
