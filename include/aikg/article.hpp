// Articles and the readers that turn files into them.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aikg {

struct Article {
  std::string id;         // document id: file stem for .txt/.html, `id` field for .jsonl
  std::string title;      // may be empty
  std::string published;  // ISO date YYYY-MM-DD from metadata, or empty
  std::string url;
  std::string source;     // publisher
  std::string text;       // normalised (see normalize_text)
  std::string origin;     // where it came from: "path" or "path:line"
};

// A file or record that could not be read; `where` is "path" or "path:line".
struct ReadProblem {
  std::string where;
  std::string why;
};

using ArticleSink = std::function<void(Article&&)>;
using ProblemSink = std::function<void(const ReadProblem&)>;

struct ReadStats {
  std::size_t files = 0;        // files opened
  std::size_t articles = 0;     // articles delivered
  std::size_t problems = 0;     // unreadable files or records
  std::size_t unsupported = 0;  // files skipped for their type
};

// Reads files and folders (recursively, in sorted order so runs are
// deterministic). Supported: .txt, .html/.htm, .jsonl. Unsupported files are
// reported through `problems` with why = "unsupported file type" and counted
// in `unsupported`, not in `problems`.
ReadStats read_inputs(const std::vector<std::filesystem::path>& inputs, const ArticleSink& articles,
                      const ProblemSink& problems);

// About how many articles read_inputs would deliver (a file each; a JSON
// Lines file one per non-blank line), without parsing: for a progress ETA.
std::size_t count_articles(const std::vector<std::filesystem::path>& inputs);

// Parses raw bytes of one format. Return nullopt and set `why` on failure.
std::optional<Article> parse_text_article(std::string_view bytes, std::string id, std::string* why);
std::optional<Article> parse_html_article(std::string_view bytes, std::string id, std::string* why);
// One JSON Lines record; `fallback_id` is used when the record has no "id".
std::optional<Article> parse_jsonl_record(std::string_view line, std::string fallback_id, std::string* why);

// Reads JSON Lines from a stream (stdin for `aikg extract --jsonl`).
ReadStats read_jsonl_stream(std::istream& in, std::string_view name, const ArticleSink& articles,
                            const ProblemSink& problems);

// Reads a stream of either kind (`aikg ingest -`): JSON Lines when its first
// character that is not white space is '{', else the whole stream is one text
// article, named "text-" and a hash of its text.
ReadStats read_any_stream(std::istream& in, std::string_view name, const ArticleSink& articles,
                          const ProblemSink& problems);

}  // namespace aikg
