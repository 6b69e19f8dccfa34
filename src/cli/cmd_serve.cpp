// aikg serve: the alliance explorer page for a database too big to embed in
// one file, fed by a small read-only JSON API (ExplorerApi) over HTTP on the
// loopback interface. cpp-httplib (Debian's libcpp-httplib-dev) speaks HTTP;
// nothing here writes, and nothing but the page and the API is served.
#include <fmt/format.h>
#include <httplib.h>
#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>

#include <atomic>
#include <charconv>
#include <cstdio>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "aikg/error.hpp"
#include "aikg/explorer.hpp"
#include "cli.hpp"

namespace aikg::cli {
namespace {

constexpr std::string_view kHost = "127.0.0.1";
// The whole selection goes to the page up to this many edges (a canvas stays
// smooth); beyond, the page starts from a search.
constexpr std::size_t kWholeGraphEdges = 5000;
// A neighbourhood of a hub at depth 2 can be most of a large graph.
constexpr std::size_t kNeighborhoodEdges = 3000;
constexpr std::size_t kSearchResults = 20;

struct ServeOptions {
  DbOption db;
  SelectionOptions selection;
  int port = 0;
};

void json_reply(httplib::Response& res, const std::string& body) {
  res.set_content(body, "application/json; charset=utf-8");
}

void text_reply(httplib::Response& res, int status, std::string_view text) {
  res.status = status;
  res.set_content(std::string(text) + "\n", "text/plain; charset=utf-8");
}

// A browser's request carries the host it thinks it talks to: only our own
// address is answered, so a web page on another name that re-points its DNS
// to 127.0.0.1 (DNS rebinding) cannot read the database through a visitor.
bool our_host(const httplib::Request& req, int port) {
  const auto host = req.get_header_value("Host");
  return host == fmt::format("{}:{}", kHost, port) || host == fmt::format("localhost:{}", port);
}

std::optional<std::size_t> depth_param(const httplib::Request& req) {
  if (!req.has_param("depth")) return 1;
  const auto text = req.get_param_value("depth");
  return text == "1" ? std::optional<std::size_t>(1) : text == "2" ? std::optional<std::size_t>(2) : std::nullopt;
}

// The page and the whole graph (with its layout) are made once, at start.
struct Fixed {
  std::string page, graph;
};

void add_routes(httplib::Server& server, const ExplorerApi& api, std::mutex& store_mutex, const Fixed& fixed) {
  server.Get("/", [&fixed](const httplib::Request&, httplib::Response& res) {
    res.set_content(fixed.page, "text/html; charset=utf-8");
  });
  server.Get("/api/graph", [&fixed](const httplib::Request&, httplib::Response& res) { json_reply(res, fixed.graph); });
  server.Get("/api/neighbors", [&api](const httplib::Request& req, httplib::Response& res) {
    const auto depth = depth_param(req);
    if (!depth) return text_reply(res, 400, "depth is 1 or 2");
    const auto body = api.neighbors_json(req.get_param_value("id"), *depth, kNeighborhoodEdges);
    if (!body) return text_reply(res, 404, "no such organisation in the selection");
    json_reply(res, *body);
  });
  server.Get("/api/evidence", [&api, &store_mutex](const httplib::Request& req, httplib::Response& res) {
    std::optional<std::string> body;
    {
      const std::lock_guard lock(store_mutex);  // one SQLite connection: one reader at a time
      body = api.evidence_json(req.get_param_value("id"));
    }
    if (!body) return text_reply(res, 404, "no such relation in the selection");
    json_reply(res, *body);
  });
  server.Get("/api/search", [&api](const httplib::Request& req, httplib::Response& res) {
    json_reply(res, api.search_json(req.get_param_value("q"), kSearchResults));
  });
}

void harden(httplib::Server& server, int& port) {
  // cpp-httplib's default adds SO_REUSEPORT, with which a second server (ours
  // or another program of the same user) binds the same port and takes a
  // share of the requests. SO_REUSEADDR alone still restarts at once.
  server.set_socket_options([](socket_t sock) {
    const int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  server.set_pre_routing_handler([&port](const httplib::Request& req, httplib::Response& res) {
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Cache-Control", "no-store");
    res.set_header("Referrer-Policy", "no-referrer");
    if (our_host(req, port)) return httplib::Server::HandlerResponse::Unhandled;
    text_reply(res, 403, "this server answers only http://127.0.0.1 or localhost on its own port");
    return httplib::Server::HandlerResponse::Handled;
  });
  server.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (res.body.empty()) text_reply(res, res.status, res.status == 404 ? "not found" : "bad request");
  });
}

// Ctrl-C or SIGTERM stops the server: the signals are blocked in every thread
// and one thread waits for them, since stop() is not safe in a signal handler.
class StopOnSignal {
 public:
  explicit StopOnSignal(httplib::Server& server) {
    sigemptyset(&signals_);
    sigaddset(&signals_, SIGINT);
    sigaddset(&signals_, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals_, nullptr);  // before the server starts its threads, which inherit it
    waiter_ = std::thread([this, &server] {
      const timespec tick{0, 200'000'000};
      while (!done_)
        if (sigtimedwait(&signals_, nullptr, &tick) > 0) server.stop();
    });
  }
  ~StopOnSignal() {
    done_ = true;
    waiter_.join();
  }
  StopOnSignal(const StopOnSignal&) = delete;
  StopOnSignal& operator=(const StopOnSignal&) = delete;

 private:
  sigset_t signals_{};
  std::atomic<bool> done_ = false;
  std::thread waiter_;
};

int run_serve(const ServeOptions& o) {
  const auto selection = o.selection.resolve();
  const auto store = o.db.open(true, /*keep_snapshot=*/false);  // the server never writes
  const ExplorerApi api(store, selection);
  const Fixed fixed{explorer_server_page(), api.graph_json(kWholeGraphEdges)};
  std::mutex store_mutex;
  httplib::Server server;
  int port = o.port;
  add_routes(server, api, store_mutex, fixed);
  harden(server, port);
  StopOnSignal stop(server);
  if (port == 0)
    port = server.bind_to_any_port(std::string(kHost));
  else if (!server.bind_to_port(std::string(kHost), port))
    port = -1;
  if (port <= 0) throw UsageError(fmt::format("cannot listen on {}:{} (in use?)", kHost, o.port));
  fmt::print("serving {} at http://{}:{}/ ({} organisations, {} relations); Ctrl-C stops\n", o.db.path, kHost, port,
             api.num_nodes(), api.num_edges());
  std::fflush(stdout);
  if (!server.listen_after_bind()) throw std::runtime_error("the server stopped on an error");
  return kOk;
}

void setup_serve(CLI::App& cmd, ServeOptions& o) {
  o.db.add(&cmd);
  o.selection.add(&cmd);
  cmd.add_option("--port", o.port, "Port on 127.0.0.1 (0: a free one, printed at start)")
      ->capture_default_str()
      ->check(CLI::Range(0, 65535));
  cmd.footer("Serves the explorer page of `aikg export html` at http://127.0.0.1:PORT/, fed by a read-only JSON API\n"
             "over the selection: /api/graph (whole, up to 5,000 relations), /api/neighbors?id=nID&depth=1|2,\n"
             "/api/evidence?id=rID, /api/search?q=TEXT. The database is opened read-only; any other path is 404;\n"
             "requests naming another host are refused (403). Ctrl-C stops.\n"
             "Example: aikg serve --db news.db --min-status planned --port 8700");
}

}  // namespace

std::vector<CommandSpec> serve_commands() {
  return {command("serve",
                  "Serve the alliance explorer over a database on 127.0.0.1 (read-only JSON API, for graphs too big "
                  "for one file).",
                  setup_serve, run_serve)};
}

}  // namespace aikg::cli
