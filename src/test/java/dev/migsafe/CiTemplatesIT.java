package dev.migsafe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migsafe.testing.CommandRun;
import dev.migsafe.testing.GitRepository;
import dev.migsafe.testing.YamlFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pre-commit hook and the GitLab CI job, run here as their hosts would run them: neither
 * pre-commit (a Python package) nor a GitLab runner can be installed on this machine, so the
 * test reads their YAML and does what the host does with it. Each runs in a repository whose
 * base holds a migration with findings and whose change adds another: only the new one may be
 * reported, while both are replayed.
 */
class CiTemplatesIT {
  private static final String EXAMPLES = "examples/lint-flyway/db/migration";
  private static final String VERSION = System.getProperty("migsafe.version", "0.1.0-SNAPSHOT");

  @TempDir Path tmp;

  @BeforeEach
  void tools() {
    for (String tool : List.of("bash", "git", "curl", "tar")) {
      Assumptions.assumeTrue(GitRepository.onPath(tool), tool + " is needed");
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void thePreCommitHookLintsTheStagedMigrationsWithTheirFolderReplayed() throws Exception {
    List<Map<String, Object>> hooks = YamlFiles.load(".pre-commit-hooks.yaml");
    assertThat(hooks).hasSize(1);
    Map<String, Object> hook = hooks.get(0);
    assertThat(hook).containsEntry("id", "migsafe-lint").containsEntry("language", "script")
        .containsKeys("name", "entry", "files");
    Pattern files = Pattern.compile((String) hook.get("files"));
    assertThat(files.matcher("db/migration/V1__a.sql").find()).isTrue();
    assertThat(files.matcher("docs/a.sqlite").find()).isFalse();
    // language: script runs the entry from the hook repository (this checkout).
    Path entry = Path.of((String) hook.get("entry")).toAbsolutePath();
    assertThat(entry).isExecutable();

    GitRepository repo = GitRepository.init(tmp.resolve("repo"));
    // The first commit: no HEAD, the staged files are linted alone.
    repo.copy(EXAMPLES + "/V1__create_orders.sql", "db/migration/V1__create_orders.sql");
    repo.git("add", "-A");
    CommandRun first = preCommit(repo, hook, files);
    assertThat(first.code()).as(first.out() + first.err()).isZero();
    repo.commitAll("V1");

    repo.copy(EXAMPLES + "/V2__orders_token.sql", "db/migration/V2__orders_token.sql");
    Files.writeString(repo.dir().resolve("notes.txt"), "not SQL");
    repo.git("add", "-A");
    CommandRun second = preCommit(repo, hook, files);
    assertThat(second.code()).as(second.err()).isEqualTo(1);
    assertThat(second.out()).contains("db/migration/V2__orders_token.sql:2:20: high "
        + "pg-add-column-volatile-default").doesNotContain("V1__create_orders.sql:")
        .contains("2 files");
  }

  /** Runs the hook as pre-commit does: entry, args, then the staged files its pattern takes. */
  private CommandRun preCommit(GitRepository repo, Map<String, Object> hook, Pattern files)
      throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of((String) hook.get("entry")).toAbsolutePath().toString()));
    Arrays.stream(repo.git("diff", "--cached", "--name-only", "-z").split("\0"))
        .filter(f -> !f.isEmpty() && files.matcher(f).find()).forEach(command::add);
    ProcessBuilder pb = new ProcessBuilder(command).directory(repo.dir().toFile());
    pb.environment().put("MIGSAFE", GitRepository.migsafeCommand(tmp.resolve("bin")).toString());
    return CommandRun.of(pb, 120);
  }

  /**
   * The job's script with its variables, in a clone of a repository with a target branch, and
   * migsafe from the jar archive that mvn package made (curl reads the file: URL as it would a
   * release URL).
   */
  @Test
  @SuppressWarnings("unchecked")
  void theGitlabJobWritesACodeQualityReportOfTheMergeRequestsFindings() throws Exception {
    Map<String, Object> yaml = YamlFiles.load("ci/gitlab/migsafe.gitlab-ci.yml");
    Map<String, Object> job = (Map<String, Object>) yaml.get("migsafe");
    assertThat(job).containsKeys("script", "artifacts", "variables");
    assertThat(((Map<String, Object>) ((Map<String, Object>) job.get("artifacts"))
        .get("reports"))).containsEntry("codequality", "gl-code-quality-report.json");
    String script = String.join("\n", (List<String>) job.get("script"));

    GitRepository origin = GitRepository.init(tmp.resolve("origin"));
    origin.copy(EXAMPLES + "/V1__create_orders.sql", "db/migration/V1__create_orders.sql");
    origin.copy(EXAMPLES + "/V2__orders_token.sql", "db/migration/V2__orders_token.sql");
    origin.commitAll("base");
    GitRepository clone = new GitRepository(tmp.resolve("clone"));
    origin.git("clone", "-q", origin.dir().toString(), clone.dir().toString());
    clone.git("checkout", "-q", "-b", "feature");
    clone.copy(EXAMPLES + "/V3__orders_email_not_null.sql",
        "db/migration/V3__orders_email_not_null.sql");
    clone.commitAll("merge request");

    ProcessBuilder pb = new ProcessBuilder("bash", "-c", script).directory(clone.dir().toFile());
    Map<String, String> env = pb.environment();
    ((Map<String, Object>) job.get("variables")).forEach((k, v) -> env.put(k, String.valueOf(v)));
    Path archive = Path.of("target/migsafe-" + VERSION + ".tar.gz").toAbsolutePath();
    env.put("MIGSAFE_ARCHIVE_URL", archive.toUri().toString());
    env.put("CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "main");
    env.put("CI_PROJECT_DIR", clone.dir().toString());
    env.put("HOME", Files.createDirectories(tmp.resolve("home")).toString());
    CommandRun run = CommandRun.of(pb, 300);
    assertThat(run.code()).as(run.out() + run.err()).isEqualTo(1);
    assertThat(run.out()).contains("V3__orders_email_not_null.sql:").doesNotContain("V2__");

    JsonNode report = new ObjectMapper().readTree(
        clone.dir().resolve("gl-code-quality-report.json").toFile());
    assertThat(report.isArray()).isTrue();
    assertThat(report).isNotEmpty();
    for (JsonNode issue : report) {
      assertThat(issue.path("location").path("path").asText())
          .isEqualTo("db/migration/V3__orders_email_not_null.sql");
      assertThat(issue.path("location").path("lines").path("begin").asInt()).isPositive();
      assertThat(issue.path("fingerprint").asText()).matches("[0-9a-f]{32}");
      assertThat(issue.path("severity").asText())
          .isIn("info", "minor", "major", "critical", "blocker");
      assertThat(issue.path("description").asText()).isNotBlank();
      assertThat(issue.path("check_name").asText()).startsWith("pg-");
    }
  }
}
