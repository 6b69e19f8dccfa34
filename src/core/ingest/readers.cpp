// Readers: files and folders in, Articles out. A file that cannot be used is
// reported through the ProblemSink and skipped; nothing here throws on bad
// input, because one broken article must not stop a run over thousands.
#include <fmt/format.h>
#include <gumbo.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <fstream>
#include <istream>
#include <memory>
#include <nlohmann/json.hpp>
#include <system_error>
#include <vector>

#include "aikg/article.hpp"
#include "aikg/text.hpp"
#include "front_matter.hpp"

namespace aikg {
namespace fs = std::filesystem;
namespace {

constexpr std::size_t kMaxTitleBytes = 300;
constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// --- small string helpers -----------------------------------------------

bool is_blank(std::string_view s) { return trim(s).empty(); }

std::string_view without_bom(std::string_view s) {
  if (s.starts_with(kUtf8Bom)) s.remove_prefix(kUtf8Bom.size());
  return s;
}

// Cuts at most `max_bytes` without splitting a UTF-8 sequence.
std::string_view truncate_utf8(std::string_view s, std::size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  std::size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return s.substr(0, end);
}

std::string collapse_whitespace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool gap = false;
  for (char c : s) {
    if (is_ascii_space(c)) {
      gap = !out.empty();
      continue;
    }
    if (gap) out += ' ';
    gap = false;
    out += c;
  }
  return out;
}

// Titles are shown on one line in listings and exports.
std::string clean_title(std::string_view raw) {
  const std::string one_line = collapse_whitespace(normalize_text(raw));
  return std::string(truncate_utf8(one_line, kMaxTitleBytes));
}

std::string first_nonblank_line(std::string_view text) {
  while (!text.empty()) {
    const std::size_t end = std::min(text.find('\n'), text.size());
    if (!is_blank(text.substr(0, end))) return std::string(trim(text.substr(0, end)));
    text.remove_prefix(std::min(end + 1, text.size()));
  }
  return {};
}

std::optional<Article> fail(std::string* why, std::string message) {
  if (why != nullptr) *why = std::move(message);
  return std::nullopt;
}

std::string errno_message(int error) {
  return error != 0 ? std::error_code(error, std::generic_category()).message() : "read error";
}

// --- checks every format shares ------------------------------------------

std::optional<std::string> binary_problem(std::string_view bytes) {
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF"))
    return "UTF-16 text (only UTF-8 is supported)";
  if (const std::size_t nul = bytes.find('\0'); nul != std::string_view::npos)
    return fmt::format("binary file (NUL byte at byte {})", nul);
  return std::nullopt;
}

std::optional<std::string> encoding_problem(std::string_view bytes) {
  if (auto binary = binary_problem(bytes)) return binary;
  if (const auto bad = find_invalid_utf8(bytes)) return fmt::format("invalid UTF-8 at byte {}", *bad);
  return std::nullopt;
}

// --- HTML: keeping gumbo out of pathological territory --------------------

// Gumbo checks element scope by scanning the stack of open elements, so each
// start tag costs O(depth): 100000 nested <div>s take minutes. Browsers cap
// tree depth for the same reason; we do it before parsing by dropping start
// tags (and their end tags) beyond a depth no real page reaches. Formatting
// elements get a lower cap of their own because unclosed ones are cloned into
// every later paragraph.
constexpr std::size_t kMaxHtmlDepth = 1024;
constexpr std::size_t kMaxOpenFormatting = 16;

bool never_nests(std::string_view tag) {
  static constexpr std::array<std::string_view, 30> kTags{
      "area",  "base", "br",    "col",    "embed",    "hr",       "img",   "input", "link",  "meta",
      "param", "source", "track", "wbr",  "keygen",   "basefont", "bgsound", "frame", "image", "menuitem",
      // end tags are optional and implied by the next sibling, so they never nest deeply
      "p",     "li",   "dt",    "dd",     "tr",       "td",       "th",    "option", "html",  "body"};
  return std::find(kTags.begin(), kTags.end(), tag) != kTags.end();
}

bool is_formatting_element(std::string_view tag) {
  static constexpr std::array<std::string_view, 14> kTags{"a",     "b",      "big",    "code", "em", "font", "i",
                                                          "nobr",  "s",      "small",  "strike", "strong", "tt", "u"};
  return std::find(kTags.begin(), kTags.end(), tag) != kTags.end();
}

bool is_raw_text_element(std::string_view tag) {
  static constexpr std::array<std::string_view, 8> kTags{"script", "style",   "textarea", "title",
                                                         "xmp",    "iframe",  "noembed",  "noframes"};
  return std::find(kTags.begin(), kTags.end(), tag) != kTags.end();
}

bool is_tag_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_ascii_digit(c) || c == '-' || c == ':';
}

std::size_t find_ignoring_case(std::string_view haystack, std::string_view lower_needle, std::size_t from) {
  for (std::size_t i = from; i + lower_needle.size() <= haystack.size(); ++i) {
    std::size_t k = 0;
    while (k < lower_needle.size() &&
           ascii_lower(haystack[i + k]) == lower_needle[k])
      ++k;
    if (k == lower_needle.size()) return i;
  }
  return std::string_view::npos;
}

// One nesting budget: counts open elements and how many of their tags were
// dropped, so that end tags of dropped elements are dropped too (innermost
// elements close first, and the dropped ones are the innermost).
struct NestingBudget {
  std::size_t limit;
  std::size_t open = 0;
  std::size_t dropped = 0;

  bool keep_start() {
    if (open < limit) return ++open, true;
    return ++dropped, false;
  }
  bool keep_end() {
    if (dropped > 0) return --dropped, false;
    if (open > 0) --open;
    return true;
  }
};

class DepthLimiter {
 public:
  explicit DepthLimiter(std::string_view html) : html_(html) {}

  // The document with excess tags removed, or nullopt when none had to go.
  std::optional<std::string> run() {
    std::size_t i = 0;
    while ((i = html_.find('<', i)) != std::string_view::npos) i = visit_markup(i);
    if (!changed_) return std::nullopt;
    out_.append(html_, copied_to_, std::string_view::npos);
    return std::move(out_);
  }

 private:
  std::size_t end_of(std::string_view closer, std::size_t from) const {
    const std::size_t at = html_.find(closer, from);
    return at == std::string_view::npos ? html_.size() : at + closer.size();
  }

  void drop(std::size_t begin, std::size_t end) {
    out_.append(html_, copied_to_, begin - copied_to_);
    copied_to_ = end;
    changed_ = true;
  }

  // Returns where scanning continues.
  std::size_t visit_markup(std::size_t lt) {
    const std::string_view rest = html_.substr(lt);
    if (rest.starts_with("<!--")) return end_of("-->", lt + 4);
    if (rest.starts_with("<!") || rest.starts_with("<?")) return end_of(">", lt + 2);
    const bool closing = rest.starts_with("</");
    const std::size_t name_begin = lt + (closing ? 2 : 1);
    std::size_t name_end = name_begin;
    while (name_end < html_.size() && is_tag_name_char(html_[name_end])) ++name_end;
    if (name_end == name_begin) return lt + 1;  // a literal '<' in text
    const std::string name = ascii_lower(html_.substr(name_begin, name_end - name_begin));
    const std::size_t tag_end = end_of(">", name_end);
    if (closing) {
      if (!never_nests(name) && !budget_for(name).keep_end()) drop(lt, tag_end);
      return tag_end;
    }
    if (name == "plaintext") return html_.size();  // everything after it is text
    if (is_raw_text_element(name)) {
      const std::size_t close = find_ignoring_case(html_, "</" + name, tag_end);
      return close == std::string_view::npos ? html_.size() : close;
    }
    const bool self_closing = tag_end >= 2 && html_[tag_end - 2] == '/';
    if (!self_closing && !never_nests(name) && !budget_for(name).keep_start()) drop(lt, tag_end);
    return tag_end;
  }

  NestingBudget& budget_for(std::string_view name) { return is_formatting_element(name) ? formatting_ : depth_; }

  std::string_view html_;
  NestingBudget depth_{kMaxHtmlDepth};
  NestingBudget formatting_{kMaxOpenFormatting};
  std::string out_;
  std::size_t copied_to_ = 0;
  bool changed_ = false;
};

class GumboDocument {
 public:
  explicit GumboDocument(std::string_view html) {
    options_ = kGumboDefaultOptions;
    // Gumbo copies the open-element stack into every parse error, which is
    // quadratic on broken pages; we never look at the errors.
    options_.max_errors = 0;
    output_ = gumbo_parse_with_options(&options_, html.data(), html.size());
  }
  ~GumboDocument() {
    if (output_ != nullptr) gumbo_destroy_output(&options_, output_);
  }
  GumboDocument(const GumboDocument&) = delete;
  GumboDocument& operator=(const GumboDocument&) = delete;

  const GumboNode* document() const { return output_ != nullptr ? output_->document : nullptr; }

 private:
  GumboOptions options_;
  GumboOutput* output_ = nullptr;
};

// --- HTML: visible text ----------------------------------------------------

// Accumulates text the way a browser lays it out, in plain text: whitespace
// collapses, block elements start new lines and paragraphs get a blank line.
class VisibleText {
 public:
  void add(std::string_view raw, bool preformatted) {
    const std::string s = normalize_text(raw);
    if (preformatted) {
      flush_pending();
      out_ += s;
      return;
    }
    std::size_t i = 0;
    while (i < s.size()) {
      if (is_ascii_space(s[i])) {
        pending_space_ = true;
        ++i;
        continue;
      }
      std::size_t end = i;
      while (end < s.size() && !is_ascii_space(s[end])) ++end;
      flush_pending();
      out_.append(s, i, end - i);
      i = end;
    }
  }

  // 1: the next text starts a new line; 2: it starts a new paragraph.
  void block_boundary(int newlines) { pending_newlines_ = std::max(pending_newlines_, newlines); }

  void word_gap() { pending_space_ = true; }

  // <br> is an explicit line break: two in a row make a blank line.
  void line_break() {
    if (out_.empty()) return;
    flush_pending();
    trim_trailing_blanks();
    if (trailing_newlines() < 2) out_ += '\n';
    pending_space_ = false;
  }

  std::size_t size() const { return out_.size(); }
  std::string_view since(std::size_t mark) const { return std::string_view(out_).substr(std::min(mark, out_.size())); }

  std::string finish() {
    while (!out_.empty() && is_ascii_space(out_.back())) out_.pop_back();
    return to_nfc(out_);  // a combining mark may start a text node
  }

 private:
  void flush_pending() {
    if (out_.empty()) {
      pending_newlines_ = 0;
      pending_space_ = false;
      return;
    }
    if (pending_newlines_ > 0) {
      trim_trailing_blanks();
      for (int n = trailing_newlines(); n < pending_newlines_; ++n) out_ += '\n';
    } else if (pending_space_ && !is_ascii_space(out_.back())) {
      out_ += ' ';
    }
    pending_newlines_ = 0;
    pending_space_ = false;
  }

  void trim_trailing_blanks() {
    while (!out_.empty() && (out_.back() == ' ' || out_.back() == '\t')) out_.pop_back();
  }

  int trailing_newlines() const {
    int n = 0;
    for (auto it = out_.rbegin(); it != out_.rend() && *it == '\n' && n < 2; ++it) ++n;
    return n;
  }

  std::string out_;
  int pending_newlines_ = 0;
  bool pending_space_ = false;
};

// --- HTML: metadata --------------------------------------------------------

// Candidate publication dates, most trusted first.
constexpr std::array<std::string_view, 6> kPublishedKeys{
    "article:published_time", "og:published_time", "pubdate", "date", "datepublished", "<time>"};

struct HtmlMetadata {
  std::string title;
  std::string og_title;
  std::string first_h1;
  std::string canonical;
  std::string og_url;
  std::string site_name;
  std::array<std::string, kPublishedKeys.size()> published;

  void offer_published(std::string_view key, std::string_view value) {
    for (std::size_t rank = 0; rank < kPublishedKeys.size(); ++rank)
      if (key == kPublishedKeys[rank] && published[rank].empty()) published[rank] = normalize_date(value);
  }

  std::string best_published() const {
    for (const auto& date : published)
      if (!date.empty()) return date;
    return {};
  }
};

std::string_view attribute(const GumboElement& e, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&e.attributes, name);
  return a != nullptr && a->value != nullptr ? std::string_view(a->value) : std::string_view();
}

std::string child_text(const GumboNode& node) {
  std::string text;
  const GumboVector& children = node.v.element.children;
  for (unsigned k = 0; k < children.length; ++k) {
    const auto* child = static_cast<const GumboNode*>(children.data[k]);
    if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE) text += child->v.text.text;
  }
  return text;
}

bool has_token(std::string_view list, std::string_view token) {
  const std::string lower = ascii_lower(list);
  std::string_view rest = lower;
  while (!rest.empty()) {
    const std::size_t end = std::min(rest.find(' '), rest.size());
    if (rest.substr(0, end) == token) return true;
    rest.remove_prefix(std::min(end + 1, rest.size()));
  }
  return false;
}

void read_meta(const GumboElement& e, HtmlMetadata& meta) {
  const std::string_view content = trim(attribute(e, "content"));
  if (content.empty()) return;
  for (const char* key_attribute : {"property", "name", "itemprop"}) {
    const std::string key = ascii_lower(trim(attribute(e, key_attribute)));
    if (key.empty()) continue;
    if (key == "og:title" && meta.og_title.empty()) meta.og_title = content;
    if (key == "og:url" && meta.og_url.empty()) meta.og_url = content;
    if (key == "og:site_name" && meta.site_name.empty()) meta.site_name = content;
    meta.offer_published(key, content);
  }
}

void read_metadata(const GumboNode& node, HtmlMetadata& meta) {
  const GumboElement& e = node.v.element;
  switch (e.tag) {
    case GUMBO_TAG_TITLE:
      if (meta.title.empty()) meta.title = clean_title(child_text(node));
      break;
    case GUMBO_TAG_META:
      read_meta(e, meta);
      break;
    case GUMBO_TAG_LINK:
      if (meta.canonical.empty() && has_token(attribute(e, "rel"), "canonical"))
        meta.canonical = trim(attribute(e, "href"));
      break;
    case GUMBO_TAG_TIME:
      meta.offer_published("<time>", attribute(e, "datetime"));
      break;
    default:
      break;
  }
}

// --- HTML: the walk --------------------------------------------------------

enum class Layout { inline_, line, paragraph, cell };

Layout layout_of(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
    case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_SECTION:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_NAV: case GUMBO_TAG_TABLE:
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE: case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_DL:
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_MAIN: case GUMBO_TAG_ASIDE: case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_HR: case GUMBO_TAG_FORM: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_LISTING: case GUMBO_TAG_PLAINTEXT:
      return Layout::paragraph;
    case GUMBO_TAG_DIV: case GUMBO_TAG_LI: case GUMBO_TAG_TR: case GUMBO_TAG_DD: case GUMBO_TAG_DT:
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_CAPTION: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_CENTER:
    case GUMBO_TAG_LEGEND: case GUMBO_TAG_BODY:
      return Layout::line;
    case GUMBO_TAG_TD: case GUMBO_TAG_TH:
      return Layout::cell;
    default:
      return Layout::inline_;
  }
}

// Elements whose content a reader never sees as text.
bool is_invisible(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_CANVAS: case GUMBO_TAG_TITLE: case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA:
      return true;
    default:
      return false;
  }
}

bool is_preformatted(GumboTag tag) {
  return tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_LISTING || tag == GUMBO_TAG_PLAINTEXT;
}

struct HtmlExtraction {
  std::string text;
  HtmlMetadata meta;
};

// Depth-first over the tree with an explicit stack: documents nest as deep as
// they like (see DepthLimiter), the call stack does not.
class HtmlWalker {
 public:
  HtmlExtraction run(const GumboNode* document) {
    if (document != nullptr) stack_.push_back({document, false, false, false, 0});
    while (!stack_.empty()) {
      const Frame frame = stack_.back();
      stack_.pop_back();
      if (frame.leaving)
        leave(frame);
      else
        enter(frame);
    }
    return {text_.finish(), std::move(meta_)};
  }

 private:
  struct Frame {
    const GumboNode* node;
    bool leaving;
    bool in_head;  // metadata only, no visible text
    bool preformatted;
    std::size_t text_mark;  // where this element's text starts (for <h1>)
  };

  void enter(const Frame& f) {
    switch (f.node->type) {
      case GUMBO_NODE_DOCUMENT:
        push_children(f.node->v.document.children, f);
        break;
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_WHITESPACE:
      case GUMBO_NODE_CDATA:
        if (!f.in_head) text_.add(f.node->v.text.text, f.preformatted);
        break;
      case GUMBO_NODE_ELEMENT:
        enter_element(f);
        break;
      default:  // comments; template contents
        break;
    }
  }

  void enter_element(Frame f) {
    const GumboElement& e = f.node->v.element;
    if (e.tag_namespace != GUMBO_NAMESPACE_HTML) return;  // inline SVG and MathML
    read_metadata(*f.node, meta_);
    if (is_invisible(e.tag) || gumbo_get_attribute(&e.attributes, "hidden") != nullptr) return;
    if (e.tag == GUMBO_TAG_HEAD) f.in_head = true;
    if (e.tag == GUMBO_TAG_BR && !f.in_head) text_.line_break();
    if (!f.in_head) break_around(layout_of(e.tag));
    f.preformatted = f.preformatted || is_preformatted(e.tag);
    f.text_mark = text_.size();
    stack_.push_back({f.node, true, f.in_head, f.preformatted, f.text_mark});
    push_children(e.children, f);
  }

  void leave(const Frame& f) {
    const GumboElement& e = f.node->v.element;
    if (!f.in_head) break_around(layout_of(e.tag));
    if (e.tag == GUMBO_TAG_H1 && meta_.first_h1.empty()) meta_.first_h1 = clean_title(text_.since(f.text_mark));
  }

  // Block elements separate their content from what comes before and after.
  void break_around(Layout layout) {
    switch (layout) {
      case Layout::paragraph:
        text_.block_boundary(2);
        break;
      case Layout::line:
        text_.block_boundary(1);
        break;
      case Layout::cell:
        text_.word_gap();
        break;
      case Layout::inline_:
        break;
    }
  }

  void push_children(const GumboVector& children, const Frame& parent) {
    for (unsigned k = children.length; k-- > 0;)
      stack_.push_back({static_cast<const GumboNode*>(children.data[k]), false, parent.in_head, parent.preformatted, 0});
  }

  std::vector<Frame> stack_;
  VisibleText text_;
  HtmlMetadata meta_;
};

// --- JSON Lines --------------------------------------------------------------

// Records are flat objects; anything nested deeper than this is not one of
// ours, and refusing it up front keeps memory bounded on hostile input.
constexpr std::size_t kMaxJsonDepth = 64;

bool json_nests_deeper_than(std::string_view line, std::size_t limit) {
  std::size_t depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > limit) return true;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return false;
}

// nlohmann's messages start with "[json.exception.parse_error.101] " and end
// with the last token read, which can be long.
std::string short_json_error(std::string_view what) {
  if (what.starts_with("[json.exception.")) {
    const std::size_t close = what.find("] ");
    if (close != std::string_view::npos) what.remove_prefix(close + 2);
  }
  constexpr std::size_t kMaxBytes = 160;
  if (what.size() <= kMaxBytes) return std::string(what);
  return std::string(truncate_utf8(what, kMaxBytes)) + "...";
}

std::string string_field(const nlohmann::json& object, const char* key) {
  const auto it = object.find(key);
  if (it == object.end() || !it->is_string()) return {};
  return it->get<std::string>();
}

// Ids are usually strings, sometimes integers; anything else means "no id".
std::string id_field(const nlohmann::json& object) {
  const auto it = object.find("id");
  if (it == object.end()) return {};
  if (it->is_string()) return std::string(trim(it->get_ref<const std::string&>()));
  if (it->is_number_integer()) return it->dump();
  return {};
}

// The fields of a record an article is made of, as the JSON has them.
struct RecordFields {
  std::string text, id, title, published, url, source;
};

std::optional<Article> article_from_fields(const RecordFields& f, std::string fallback_id, std::string* why) {
  Article a;
  a.text = normalize_text(f.text);
  if (is_blank(a.text)) return fail(why, "empty \"text\"");
  a.id = f.id;
  if (a.id.empty()) a.id = std::move(fallback_id);
  a.title = clean_title(f.title);
  a.published = normalize_date(f.published);
  a.url = trim(f.url);
  a.source = collapse_whitespace(normalize_text(f.source));
  return a;
}

std::optional<Article> article_from_json(const nlohmann::json& record, std::string fallback_id, std::string* why) {
  if (!record.is_object()) return fail(why, "not a JSON object");
  const auto text = record.find("text");
  if (text == record.end()) return fail(why, "missing \"text\"");
  if (!text->is_string()) return fail(why, "\"text\" is not a string");
  return article_from_fields({text->get<std::string>(), id_field(record), string_field(record, "title"),
                              string_field(record, "published"), string_field(record, "url"),
                              string_field(record, "source")},
                             std::move(fallback_id), why);
}

// The usual record, one flat object whose values are all strings, read
// without building a json value first (nlohmann's lexer was 7% of `aikg
// extract --jsonl`). It returns nullopt for anything else (a number, a
// nested value, a lone surrogate, a missing "text", a syntax error), and
// the caller then parses with nlohmann: results and error messages stay
// nlohmann's. Keys and values as nlohmann reads them: escapes decoded, the
// last of repeated keys wins. The line is valid UTF-8 (checked before).
class FlatRecordReader {
 public:
  explicit FlatRecordReader(std::string_view line) : s_(line) {}

  std::optional<RecordFields> read() {
    RecordFields f;
    bool has_text = false;
    std::string key, value;
    skip_space();
    if (!eat('{')) return std::nullopt;
    skip_space();
    if (!eat('}')) {
      do {
        skip_space();
        if (!string(key)) return std::nullopt;
        skip_space();
        if (!eat(':')) return std::nullopt;
        skip_space();
        if (!string(value)) return std::nullopt;
        skip_space();
        if (key == "text") f.text.swap(value), has_text = true;
        else if (key == "id") f.id = trim(value);
        else if (key == "title") f.title.swap(value);
        else if (key == "published") f.published.swap(value);
        else if (key == "url") f.url.swap(value);
        else if (key == "source") f.source.swap(value);
      } while (eat(','));
      if (!eat('}')) return std::nullopt;
    }
    skip_space();
    if (i_ != s_.size() || !has_text) return std::nullopt;
    return f;
  }

 private:
  bool eat(char c) {
    if (i_ >= s_.size() || s_[i_] != c) return false;
    ++i_;
    return true;
  }
  void skip_space() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) ++i_;
  }
  bool string(std::string& out) {
    out.clear();
    if (!eat('"')) return false;
    for (;;) {
      const std::size_t run = i_;
      while (i_ < s_.size() && s_[i_] != '"' && s_[i_] != '\\' && static_cast<unsigned char>(s_[i_]) >= 0x20) ++i_;
      out.append(s_.data() + run, i_ - run);
      if (i_ >= s_.size() || static_cast<unsigned char>(s_[i_]) < 0x20) return false;
      if (s_[i_++] == '"') return true;
      if (!escape(out)) return false;
    }
  }
  bool escape(std::string& out) {
    if (i_ >= s_.size()) return false;
    switch (s_[i_++]) {
      case '"': out += '"'; return true;
      case '\\': out += '\\'; return true;
      case '/': out += '/'; return true;
      case 'b': out += '\b'; return true;
      case 'f': out += '\f'; return true;
      case 'n': out += '\n'; return true;
      case 'r': out += '\r'; return true;
      case 't': out += '\t'; return true;
      case 'u': break;
      default: return false;
    }
    char32_t cp = 0;
    if (!hex4(cp)) return false;
    if (cp >= 0xDC00 && cp <= 0xDFFF) return false;
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      char32_t low = 0;
      if (!eat('\\') || !eat('u') || !hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    }
    append_utf8(out, cp);
    return true;
  }
  bool hex4(char32_t& cp) {
    if (s_.size() - i_ < 4) return false;
    for (int k = 0; k < 4; ++k) {
      const char c = s_[i_++];
      const int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (d < 0) return false;
      cp = cp * 16 + static_cast<char32_t>(d);
    }
    return true;
  }
  static void append_utf8(std::string& out, char32_t cp) {
    const auto put = [&](char32_t b) { out += static_cast<char>(b); };
    if (cp < 0x80) {
      put(cp);
    } else if (cp < 0x800) {
      put(0xC0 | (cp >> 6)), put(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      put(0xE0 | (cp >> 12)), put(0x80 | ((cp >> 6) & 0x3F)), put(0x80 | (cp & 0x3F));
    } else {
      put(0xF0 | (cp >> 18)), put(0x80 | ((cp >> 12) & 0x3F)), put(0x80 | ((cp >> 6) & 0x3F)), put(0x80 | (cp & 0x3F));
    }
  }

  std::string_view s_;
  std::size_t i_ = 0;
};

// --- reading files -------------------------------------------------------------

enum class Format { text, html, jsonl };

std::optional<Format> format_of(std::string_view lower_extension) {
  if (lower_extension == ".txt") return Format::text;
  if (lower_extension == ".html" || lower_extension == ".htm") return Format::html;
  if (lower_extension == ".jsonl") return Format::jsonl;
  return std::nullopt;
}

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};

// Whole-file read for .txt and .html; returns the error text on failure.
std::optional<std::string> read_bytes(const fs::path& path, std::string& bytes) {
  errno = 0;
  const std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
  if (!file) return errno_message(errno);
  std::array<char, 1 << 16> buffer;
  std::size_t got = 0;
  while ((got = std::fread(buffer.data(), 1, buffer.size(), file.get())) > 0) bytes.append(buffer.data(), got);
  if (std::ferror(file.get())) return errno_message(errno);
  return std::nullopt;
}

// Dot files and folders (.git, .DS_Store) are tooling, not articles; they are
// skipped silently when walking a folder (but read when named explicitly).
bool is_hidden(const fs::path& p) {
  const std::string name = p.filename().string();
  return name.size() > 1 && name[0] == '.';
}

// std::getline, a block at a time: getline on std::cin, which is synced with
// stdio, reads one character per call, and that was a tenth of `aikg extract
// --jsonl`. Same lines as getline: split at '\n', a last line without one
// still counts, no empty line after a final '\n'. A line stays valid until
// the next call.
class LineReader {
 public:
  explicit LineReader(std::istream& in) : in_(in) {}

  bool next(std::string_view& line) {
    for (;;) {
      const std::size_t newline = buffer_.find('\n', scanned_);
      if (newline != std::string::npos) {
        line = std::string_view(buffer_).substr(begin_, newline - begin_);
        begin_ = scanned_ = newline + 1;
        return true;
      }
      if (at_end_) {
        if (begin_ == buffer_.size()) return false;
        line = std::string_view(buffer_).substr(begin_);
        begin_ = scanned_ = buffer_.size();
        return true;
      }
      refill();
    }
  }

 private:
  void refill() {
    constexpr std::size_t kBlock = 1 << 16;
    buffer_.erase(0, begin_);  // keep only the unfinished line
    scanned_ = buffer_.size();
    begin_ = 0;
    buffer_.resize(scanned_ + kBlock);
    in_.read(buffer_.data() + scanned_, kBlock);
    const auto got = static_cast<std::size_t>(in_.gcount());
    buffer_.resize(scanned_ + got);
    if (got < kBlock) at_end_ = true;
  }

  std::istream& in_;
  std::string buffer_;
  std::size_t begin_ = 0;    // where the next line starts
  std::size_t scanned_ = 0;  // no '\n' in [begin_, scanned_)
  bool at_end_ = false;
};

class InputReader {
 public:
  InputReader(const ArticleSink& articles, const ProblemSink& problems) : articles_(articles), problems_(problems) {}

  void read_input(const fs::path& input) {
    std::error_code ec;
    const fs::file_status st = fs::status(input, ec);  // the user named it: follow links
    if (ec) return report(input.string(), ec.message());
    if (fs::is_directory(st))
      walk(input);
    else
      read_file(input, st, /*named=*/true);
  }

  // A stream has no stable line numbers (a Spark or Hadoop split starts
  // counting again), so an article without an id is named by its content.
  void read_stream(std::istream& in, std::string_view name) { read_jsonl(in, std::string(name), {}); }

  // JSON Lines when the first character that is not white space is '{', else
  // one text article named by its content (as a JSON Lines article without id).
  void read_any_stream(std::istream& in, std::string_view name) {
    in >> std::ws;
    if (in.peek() == '{') return read_stream(in, name);
    std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (in.bad()) return report(std::string(name), errno_message(errno));
    std::string why;
    auto article = parse_text_article(bytes, {}, &why);
    if (!article) return report(std::string(name), std::move(why));
    article->id = "text-" + stable_hash(article->text).substr(0, 16);
    article->origin = std::string(name);
    deliver(std::move(*article));
  }

  ReadStats stats() const { return stats_; }

 private:
  void report(std::string where, std::string why) {
    ++stats_.problems;
    if (problems_) problems_(ReadProblem{escape_invalid_utf8(where), std::move(why)});
  }

  void deliver(Article&& a) {
    ++stats_.articles;
    if (articles_) articles_(std::move(a));
  }

  // Depth-first in sorted order, with an explicit stack. Links to folders are
  // not followed, which is what keeps link loops from recursing forever.
  void walk(const fs::path& root) {
    struct Folder {
      std::vector<fs::path> entries;
      std::size_t next = 0;
    };
    std::vector<Folder> stack;
    if (auto entries = list_folder(root)) stack.push_back({std::move(*entries)});
    while (!stack.empty()) {
      Folder& top = stack.back();
      if (top.next == top.entries.size()) {
        stack.pop_back();
        continue;
      }
      const fs::path entry = top.entries[top.next++];
      std::error_code ec;
      const fs::file_status own = fs::symlink_status(entry, ec);
      if (ec) {
        report(entry.string(), ec.message());
      } else if (fs::is_directory(own)) {
        if (auto entries = list_folder(entry)) stack.push_back({std::move(*entries)});
      } else if (fs::is_symlink(own)) {
        read_link(entry);
      } else {
        read_file(entry, own);
      }
    }
  }

  void read_link(const fs::path& link) {
    std::error_code ec;
    const fs::file_status target = fs::status(link, ec);  // ELOOP and dangling links end up here
    if (ec) return report(link.string(), ec.message());
    if (fs::is_directory(target)) return report(link.string(), "link to a folder (not followed)");
    read_file(link, target);
  }

  std::optional<std::vector<fs::path>> list_folder(const fs::path& folder) {
    std::error_code ec;
    fs::directory_iterator it(folder, ec);
    if (ec) {
      report(folder.string(), ec.message());
      return std::nullopt;
    }
    std::vector<fs::path> entries;
    for (const fs::directory_iterator end; it != end; it.increment(ec)) {
      if (ec) break;
      if (!is_hidden(it->path())) entries.push_back(it->path());
    }
    if (ec) report(folder.string(), ec.message());
    std::sort(entries.begin(), entries.end(),
              [](const fs::path& a, const fs::path& b) { return a.filename().native() < b.filename().native(); });
    return entries;
  }

  // A file's name as the database stores it (origin, fallback ids): any
  // bytes Linux allows, made valid UTF-8 (issue 15).
  static std::string name_of(const fs::path& p) { return escape_invalid_utf8(p.string()); }

  // A file found in a folder may be anything (a README): skipped with a
  // notice. A file the user `named` of a type aikg cannot read is an error.
  void read_file(const fs::path& path, const fs::file_status& st, bool named = false) {
    const std::string where = name_of(path);
    if (!fs::is_regular_file(st)) return report(where, "not a regular file");
    const std::string extension = ascii_lower(path.extension().string());
    const auto format = format_of(extension);
    if (!format && named)
      return report(where, fmt::format("{} (aikg reads .txt, .html, .htm and .jsonl; - reads stdin)",
                                       extension.empty() ? "a file without extension" : "unsupported file type " + extension));
    if (!format) {
      ++stats_.unsupported;
      if (problems_) problems_(ReadProblem{where, extension.empty() ? "unsupported file type (no extension)"
                                                     : fmt::format("unsupported file type ({})", extension)});
      return;
    }
    ++stats_.files;
    if (counting_) return count_articles(path, *format);
    if (*format == Format::jsonl) return read_jsonl_file(path);
    std::string bytes;
    if (auto error = read_bytes(path, bytes)) return report(where, std::move(*error));
    std::string why;
    std::optional<Article> article = *format == Format::html
                                         ? parse_html_article(bytes, name_of(path.stem()), &why)
                                         : parse_text_article(bytes, name_of(path.stem()), &why);
    if (!article) return report(where, std::move(why));
    article->origin = where;
    deliver(std::move(*article));
  }

  void read_jsonl_file(const fs::path& path) {
    errno = 0;
    std::ifstream in(path, std::ios::binary);
    if (!in) return report(path.string(), errno_message(errno));
    read_jsonl(in, name_of(path), name_of(path.stem()));
  }

  // Line by line, so memory is bounded by the longest line, not the file.
  void read_jsonl(std::istream& in, const std::string& where, const std::string& stem) {
    LineReader lines(in);
    std::string_view line;
    std::size_t number = 0;
    std::size_t line_offset = 0;
    bool seen_content = false;
    for (; lines.next(line); line_offset += line.size() + 1) {
      ++number;
      std::string_view view = number == 1 ? without_bom(line) : std::string_view(line);
      if (is_blank(view)) continue;
      // A binary file is one problem, not one per "line".
      if (!seen_content) {
        seen_content = true;
        if (auto binary = binary_problem(view)) {
          const std::size_t nul = view.find('\0');
          const std::size_t bom = line.size() - view.size();
          return report(where, nul == std::string_view::npos
                                   ? *binary
                                   : fmt::format("binary file (NUL byte at byte {})", line_offset + bom + nul));
        }
      }
      const std::string at = fmt::format("{}:{}", where, number);
      std::string why;
      const std::string fallback_id = stem.empty() ? std::string() : fmt::format("{}-{}", stem, number);
      std::optional<Article> article = parse_jsonl_record(view, fallback_id, &why);
      if (!article) {
        report(at, std::move(why));
        continue;
      }
      if (article->id.empty()) article->id = "text-" + stable_hash(article->text).substr(0, 16);
      article->origin = at;
      deliver(std::move(*article));
    }
    if (in.bad()) return report(where, errno_message(errno));
    if (!seen_content) report(where, "empty file");
  }

  // Counting (for a progress line's ETA): a file is an article, a JSON Lines
  // file one per non-blank line; nothing is parsed, nothing reported.
  void count_articles(const fs::path& path, Format format) {
    if (format != Format::jsonl) {
      ++stats_.articles;
      return;
    }
    std::ifstream in(path, std::ios::binary);
    std::string line;
    while (std::getline(in, line))
      if (!is_blank(line)) ++stats_.articles;
  }

 public:
  bool counting_ = false;

 private:
  const ArticleSink& articles_;
  const ProblemSink& problems_;
  ReadStats stats_;
};

}  // namespace

std::optional<Article> parse_text_article(std::string_view bytes, std::string id, std::string* why) {
  try {
    if (auto problem = encoding_problem(bytes)) return fail(why, std::move(*problem));
    Article a;
    a.text = normalize_text(bytes);
    std::string problem;
    if (auto fm = detail::read_front_matter(a.text, &problem)) {
      a.text.erase(0, fm->body_offset);
      a.published = std::move(fm->date), a.url = std::move(fm->url);
      a.source = collapse_whitespace(fm->source);
      if (!fm->title.empty()) a.title = clean_title(fm->title);
    } else if (!problem.empty()) {
      return fail(why, std::move(problem));
    }
    if (is_blank(a.text)) return fail(why, "empty file");
    a.id = std::move(id);
    if (a.title.empty()) a.title = clean_title(first_nonblank_line(a.text));
    return a;
  } catch (const std::exception& e) {
    return fail(why, fmt::format("cannot read text: {}", e.what()));
  }
}

std::optional<Article> parse_html_article(std::string_view bytes, std::string id, std::string* why) {
  try {
    if (auto problem = encoding_problem(bytes)) return fail(why, std::move(*problem));
    std::string_view html = without_bom(bytes);
    if (is_blank(html)) return fail(why, "empty file");
    std::optional<std::string> flattened = DepthLimiter(html).run();
    if (flattened) html = *flattened;
    const GumboDocument document(html);
    HtmlExtraction x = HtmlWalker().run(document.document());
    if (is_blank(x.text)) return fail(why, "no visible text");
    Article a;
    a.id = std::move(id);
    a.text = std::move(x.text);
    a.title = !x.meta.title.empty() ? x.meta.title : !x.meta.og_title.empty() ? clean_title(x.meta.og_title)
                                                                              : x.meta.first_h1;
    a.published = x.meta.best_published();
    a.url = !x.meta.canonical.empty() ? x.meta.canonical : x.meta.og_url;
    a.source = collapse_whitespace(normalize_text(x.meta.site_name));
    return a;
  } catch (const std::exception& e) {
    return fail(why, fmt::format("cannot read HTML: {}", e.what()));
  }
}

std::optional<Article> parse_jsonl_record(std::string_view line, std::string fallback_id, std::string* why) {
  try {
    if (const auto bad = find_invalid_utf8(line)) return fail(why, fmt::format("invalid UTF-8 at byte {}", *bad));
    if (auto fields = FlatRecordReader(line).read()) return article_from_fields(*fields, std::move(fallback_id), why);
    if (json_nests_deeper_than(line, kMaxJsonDepth))
      return fail(why, fmt::format("JSON nested deeper than {} levels", kMaxJsonDepth));
    nlohmann::json record;
    try {
      record = nlohmann::json::parse(line);
    } catch (const nlohmann::json::exception& e) {
      return fail(why, "invalid JSON: " + short_json_error(e.what()));
    }
    return article_from_json(record, std::move(fallback_id), why);
  } catch (const std::exception& e) {
    return fail(why, fmt::format("cannot read record: {}", e.what()));
  }
}

ReadStats read_inputs(const std::vector<fs::path>& inputs, const ArticleSink& articles, const ProblemSink& problems) {
  InputReader reader(articles, problems);
  for (const auto& input : inputs) reader.read_input(input);
  return reader.stats();
}

std::size_t count_articles(const std::vector<fs::path>& inputs) {
  const ArticleSink none;
  const ProblemSink quiet;
  InputReader reader(none, quiet);
  reader.counting_ = true;
  for (const auto& input : inputs) reader.read_input(input);
  return reader.stats().articles;
}

ReadStats read_jsonl_stream(std::istream& in, std::string_view name, const ArticleSink& articles,
                            const ProblemSink& problems) {
  InputReader reader(articles, problems);
  reader.read_stream(in, name);
  return reader.stats();
}

ReadStats read_any_stream(std::istream& in, std::string_view name, const ArticleSink& articles,
                          const ProblemSink& problems) {
  InputReader reader(articles, problems);
  reader.read_any_stream(in, name);
  return reader.stats();
}

}  // namespace aikg
