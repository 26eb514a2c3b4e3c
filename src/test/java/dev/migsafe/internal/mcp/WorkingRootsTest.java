package dev.migsafe.internal.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The path check in process, for the cases a client over stdio does not reach easily. */
class WorkingRootsTest {
  @TempDir Path base;

  @Test
  void relativePathsStartAtTheWorkingDirectoryAndComeBackRelative() throws IOException {
    Path work = Files.createDirectories(base.resolve("work/sub"));
    Files.writeString(work.resolve("p.yaml"), "x");
    WorkingRoots roots = new WorkingRoots(base.resolve("work"));
    assertThat(roots.resolve("packet", "sub/p.yaml")).isEqualTo(Path.of("sub/p.yaml"));
    assertThat(roots.resolve("packet", "sub/../sub/p.yaml")).isEqualTo(Path.of("sub/p.yaml"));
  }

  @Test
  void withRootsElsewhereRelativePathsStartAtTheFirstRoot() throws IOException {
    Path work = Files.createDirectories(base.resolve("work"));
    Path root = Files.createDirectories(base.resolve("root"));
    Files.writeString(root.resolve("p.yaml"), "x");
    Files.writeString(work.resolve("w.yaml"), "x");
    WorkingRoots roots = new WorkingRoots(work);
    roots.declare(List.of(McpSchema.Root.builder(root.toUri().toString()).build()));
    assertThat(roots.resolve("packet", "p.yaml")).isEqualTo(root.toRealPath().resolve("p.yaml"));
    assertThatThrownBy(() -> roots.resolve("packet", work.resolve("w.yaml").toString()))
        .isInstanceOf(ToolFailure.class).hasMessageContaining("the client's roots");
  }

  @Test
  void rootsThatAreNotLocalFoldersLeaveTheWorkingDirectory() throws IOException {
    Path work = Files.createDirectories(base.resolve("work"));
    Files.writeString(work.resolve("w.yaml"), "x");
    WorkingRoots roots = new WorkingRoots(work);
    roots.declare(List.of(McpSchema.Root.builder("https://example.com/repo").build(),
        McpSchema.Root.builder(base.resolve("missing").toUri().toString()).build()));
    assertThat(roots.allowed()).containsExactly(work.toRealPath());
    assertThat(roots.resolve("packet", "w.yaml")).isEqualTo(Path.of("w.yaml"));
  }

  @Test
  void aMissingFileInsideIsMissingAndOutsideIsRefused() throws IOException {
    Path work = Files.createDirectories(base.resolve("work"));
    Files.createSymbolicLink(work.resolve("dangling"), work.resolve("gone"));
    WorkingRoots roots = new WorkingRoots(work);
    assertThatThrownBy(() -> roots.resolve("packet", "dangling"))
        .hasMessage("packet: dangling: no such file");
    assertThatThrownBy(() -> roots.resolve("packet", "../elsewhere/p.yaml"))
        .hasMessageContaining("refused");
    assertThatThrownBy(() -> roots.resolve("packet", "."))
        .hasMessage("packet: .: not a regular file");
    assertThatThrownBy(() -> roots.resolve("packet", "a\0b"))
        .hasMessageContaining("not a valid path");
    assertThat(roots.projectEntry("catalog")).isNull();
  }
}
