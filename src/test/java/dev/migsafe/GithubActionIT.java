package dev.migsafe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.migsafe.testing.CommandRun;
import dev.migsafe.testing.GitRepository;
import dev.migsafe.testing.YamlFiles;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the GitHub Action's script, ci/github/run.sh, as a pull-request workflow would: in a
 * git repository with a base branch and a pull-request branch, against a loopback HTTP server
 * that stands in for the GitHub REST API (the three issue-comment endpoints the script uses;
 * it is not GitHub). The pull request adds a migration and a packet whose names and SQL carry
 * shell syntax, which must reach the report as text and never run.
 */
class GithubActionIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MARKER = "<!-- migsafe:pull-request-comment -->";
  /** Shell syntax in a file name: run unquoted, it would create PWNED files. */
  private static final String HOSTILE_NAME =
      "V2__token $(touch PWNED-name) `touch PWNED-tick`; x=1 *.sql";

  @TempDir Path tmp;
  private static final String EXAMPLES = "examples/lint-flyway/db/migration";
  private GitRepository repo;
  private String baseSha;
  private GithubStandIn github;

  @BeforeEach
  void pullRequest() throws Exception {
    for (String tool : List.of("bash", "git", "curl", "jq")) {
      Assumptions.assumeTrue(GitRepository.onPath(tool), tool + " is needed by the script");
    }
    github = new GithubStandIn();
    repo = GitRepository.init(tmp.resolve("repo"));
    repo.copy(EXAMPLES + "/V1__create_orders.sql", "db/migration/V1__create_orders.sql");
    baseSha = repo.commitAll("base");
    repo.git("checkout", "-q", "-b", "feature");
    Files.writeString(repo.dir().resolve("db/migration").resolve(HOSTILE_NAME),
        Files.readString(Path.of(EXAMPLES, "V2__orders_token.sql"))
            + "ALTER TABLE orders ADD COLUMN \"c$(touch PWNED-sql)|<b>@org/team\" uuid "
            + "DEFAULT gen_random_uuid();\n");
    copyTree(Path.of("examples/plan-rename-column"), repo.dir().resolve("packets/rename"));
    repo.commitAll("pull request");
  }

  @AfterEach
  void stop() {
    if (github != null) {
      github.server.stop(0);
    }
  }

  @Test
  void commentsOnceThenUpdatesTheSameComment() throws Exception {
    CommandRun first = runAction(baseSha);
    assertThat(first.code()).as(first.err()).isEqualTo(1);
    // Annotations for the new migration only; the base's migration was replayed, not reported.
    assertThat(first.out()).contains("::error file=db/migration/V2__token $(touch PWNED-name)")
        .doesNotContain("V1__create_orders");
    assertThat(github.posts).hasValue(1);
    assertThat(github.patches).hasValue(0);
    assertThat(github.comments).hasSize(2);
    String body = github.ours();
    assertThat(body).startsWith(MARKER)
        .contains("### migsafe:", "pg-add-column-volatile-default",
            "Plan of <code>packets/rename/packet.yaml</code>")
        .doesNotContain("V1\\_\\_create")
        // Text from the pull request is escaped: no raw HTML, no mention, no cell break.
        .doesNotContain("<b>").doesNotContain("@org");
    assertThat(Files.readString(tmp.resolve("runner/migsafe/migsafe.sarif")))
        .contains("\"uri\" : \"db/migration/V2__token%20%24%28touch");

    CommandRun second = runAction(baseSha);
    assertThat(second.code()).as(second.err()).isEqualTo(1);
    assertThat(github.posts).as("a second run posts nothing new").hasValue(1);
    assertThat(github.patches).hasValue(1);
    assertThat(github.comments).hasSize(2);
    assertThat(github.ours()).isEqualTo(body);

    try (Stream<Path> all = Stream.concat(Files.walk(tmp), Files.walk(Path.of("")))) {
      assertThat(all.map(p -> p.getFileName().toString()))
          .as("files the hostile names would create").noneMatch(n -> n.startsWith("PWNED"));
    }
  }

  @Test
  void anUnknownBaseIsBadInput() throws Exception {
    CommandRun run = runAction("0123456789abcdef0123456789abcdef01234567");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("fetch-depth: 0");
    assertThat(github.posts).hasValue(0);
  }

  /**
   * The action itself: composite, its lint step is run.sh, SARIF goes to code scanning, and no
   * {@code run:} script has an expression pasted into it (GitHub substitutes {@code ${{ }}}
   * into the script's text before the shell reads it, so an input or event field there could
   * become code); values reach scripts through {@code env:}.
   */
  @Test
  @SuppressWarnings("unchecked")
  void theActionRunsTheScriptAndPassesValuesThroughTheEnvironment() throws Exception {
    Map<String, Object> action = YamlFiles.load("action.yml");
    Map<String, Object> runs = (Map<String, Object>) action.get("runs");
    assertThat(runs).containsEntry("using", "composite");
    List<Map<String, Object>> steps = (List<Map<String, Object>>) runs.get("steps");
    assertThat(steps).extracting(st -> String.valueOf(st.get("uses")))
        .anyMatch(u -> u.startsWith("github/codeql-action/upload-sarif@"))
        .anyMatch(u -> u.startsWith("actions/setup-java@"));
    assertThat(steps).extracting(st -> String.valueOf(st.get("run")))
        .anyMatch(r -> r.contains("ci/github/run.sh"))
        .allMatch(r -> !r.contains("${{"));
  }

  /** A fork's read-only token: the comment fails, the lint result stands, a warning says why. */
  @Test
  void aCommentThatCannotBePostedIsAWarning() throws Exception {
    CommandRun run = runAction(baseSha, "read-only-token");
    assertThat(run.code()).as(run.err()).isEqualTo(1);
    assertThat(run.out()).contains("::warning title=migsafe::the pull-request comment could not");
    assertThat(github.posts).hasValue(0);
  }

  private CommandRun runAction(String base) throws Exception {
    return runAction(base, "test-token");
  }

  private CommandRun runAction(String base, String token) throws Exception {
    Path runner = Files.createDirectories(tmp.resolve("runner"));
    ProcessBuilder pb = new ProcessBuilder(Path.of("ci/github/run.sh").toAbsolutePath()
        .toString()).directory(repo.dir().toFile());
    Map<String, String> env = pb.environment();
    env.put("MIGSAFE", GitRepository.migsafeCommand(tmp.resolve("bin")).toString());
    env.put("MIGSAFE_PATHS", "db/migration\n");
    env.put("MIGSAFE_BASE", base);
    env.put("MIGSAFE_PACKETS", "packets/*/packet.yaml");
    env.put("MIGSAFE_PR", "7");
    env.put("GITHUB_API_URL", "http://127.0.0.1:" + github.server.getAddress().getPort());
    env.put("GITHUB_REPOSITORY", "acme/shop");
    env.put("GITHUB_TOKEN", token);
    env.put("RUNNER_TEMP", runner.toString());
    env.put("GITHUB_OUTPUT", runner.resolve("output").toString());
    return CommandRun.of(pb, 300);
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : all.toList()) {
        Path dest = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(p, dest);
        }
      }
    }
  }

  /**
   * A stand-in for the GitHub REST API on the loopback interface, not GitHub: list, create and
   * update issue comments of pull request 7 of acme/shop, holding them in memory. It starts with
   * one comment by someone else, which the script must leave alone.
   */
  static final class GithubStandIn {
    private static final Pattern LIST = Pattern.compile("/repos/acme/shop/issues/7/comments");
    private static final Pattern ONE = Pattern.compile("/repos/acme/shop/issues/comments/(\\d+)");
    final HttpServer server;
    final Map<Long, String> comments = new TreeMap<>();
    final AtomicLong posts = new AtomicLong();
    final AtomicLong patches = new AtomicLong();
    private final AtomicLong ids = new AtomicLong(100);

    GithubStandIn() throws IOException {
      comments.put(ids.incrementAndGet(), "Looks good to me");
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext("/", this::handle);
      server.start();
    }

    String ours() {
      return comments.values().stream().filter(b -> b.startsWith(MARKER)).findFirst()
          .orElseThrow(() -> new AssertionError("no migsafe comment"));
    }

    private synchronized void handle(HttpExchange x) throws IOException {
      try (x) {
        if (!"Bearer test-token".equals(x.getRequestHeaders().getFirst("Authorization"))) {
          reply(x, 401, "{\"message\": \"Bad credentials\"}");
          return;
        }
        String path = x.getRequestURI().getPath();
        String query = String.valueOf(x.getRequestURI().getQuery());
        Matcher one = ONE.matcher(path);
        if (LIST.matcher(path).matches() && x.getRequestMethod().equals("GET")) {
          ArrayNode list = JSON.createArrayNode();
          if (Pattern.compile("(^|&)page=1(&|$)").matcher(query).find()) {
            comments.forEach((id, body) -> list.addObject().put("id", id).put("body", body));
          }
          reply(x, 200, list.toString());
        } else if (LIST.matcher(path).matches() && x.getRequestMethod().equals("POST")) {
          posts.incrementAndGet();
          long id = ids.incrementAndGet();
          comments.put(id, body(x));
          reply(x, 201, "{\"id\": " + id + "}");
        } else if (one.matches() && x.getRequestMethod().equals("PATCH")
            && comments.containsKey(Long.parseLong(one.group(1)))) {
          patches.incrementAndGet();
          comments.put(Long.parseLong(one.group(1)), body(x));
          reply(x, 200, "{\"id\": " + one.group(1) + "}");
        } else {
          reply(x, 404, "{\"message\": \"Not Found\"}");
        }
      }
    }

    private static String body(HttpExchange x) throws IOException {
      JsonNode json = JSON.readTree(x.getRequestBody().readAllBytes());
      return json.path("body").asText();
    }

    private static void reply(HttpExchange x, int status, String json) throws IOException {
      byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
      x.getResponseHeaders().set("Content-Type", "application/json");
      x.sendResponseHeaders(status, bytes.length);
      x.getResponseBody().write(bytes);
    }
  }
}
