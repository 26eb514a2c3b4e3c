package dev.migsafe.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migsafe.api.MigsafeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigSearchTest {
  @TempDir Path tmp;
  private Path repo;
  private Path elsewhere;

  @BeforeEach
  void layout() throws IOException {
    repo = Files.createDirectories(tmp.resolve("outer/repo"));
    Files.createDirectories(repo.resolve(".git"));
    Files.createDirectories(repo.resolve("services/billing/db"));
    Files.createDirectories(repo.resolve("services/orders/db"));
    Files.writeString(repo.resolve("services/billing/db/V1__a.sql"), "SELECT 1;");
    elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
  }

  private Path config(Path dir) throws IOException {
    return Files.writeString(dir.resolve(ConfigLoader.FILE_NAME), "engineVersion: 15\n");
  }

  @Test
  void theRepositoryRootsConfigGovernsFilesDeepInside() throws IOException {
    Path root = config(repo);
    assertThat(ConfigSearch.forPaths(
        List.of(repo.resolve("services/billing/db/V1__a.sql").toString()), elsewhere))
        .contains(root);
    assertThat(ConfigSearch.forPaths(List.of(repo.resolve("services/orders/db").toString()),
        elsewhere)).contains(root);
  }

  @Test
  void theNearestConfigWins() throws IOException {
    config(repo);
    Path billing = config(repo.resolve("services/billing"));
    assertThat(ConfigSearch.forPaths(List.of(repo.resolve("services/billing/db").toString()),
        elsewhere)).contains(billing);
  }

  @Test
  void nothingAboveTheRepositoryRootIsRead() throws IOException {
    config(tmp.resolve("outer"));
    assertThat(ConfigSearch.forPaths(List.of(repo.resolve("services/billing/db").toString()),
        elsewhere)).isEmpty();
  }

  @Test
  void outsideARepositoryTheSearchStopsAtTheWorkingDirectory() throws IOException {
    Path work = Files.createDirectories(tmp.resolve("work/db"));
    Path mine = config(tmp.resolve("work"));
    config(tmp);
    assertThat(ConfigSearch.forPaths(List.of("db"), tmp.resolve("work"))).contains(mine);
    // A folder outside both: only its own configuration counts.
    assertThat(ConfigSearch.forPaths(List.of(work.toString()), elsewhere)).isEmpty();
  }

  @Test
  void standardInputUsesTheWorkingDirectorysConfig() throws IOException {
    Path cwd = config(elsewhere);
    assertThat(ConfigSearch.forPaths(List.of("-"), elsewhere)).contains(cwd);
  }

  @Test
  void pathsUnderTwoConfigsAreBadInput() throws IOException {
    config(repo.resolve("services/billing"));
    config(repo.resolve("services/orders"));
    assertThatThrownBy(() -> ConfigSearch.forPaths(List.of(
        repo.resolve("services/billing/db").toString(),
        repo.resolve("services/orders/db").toString()), elsewhere))
        .isInstanceOf(MigsafeException.class)
        .hasMessageContaining("--config")
        .hasMessageContaining("services/billing/.migsafe.yaml");
  }
}
