package dev.migsafe.internal.scaffold;

import java.nio.file.Path;

/**
 * Where a project keeps its migrations.
 *
 * @param tool the tool whose naming the files follow
 * @param folder the migrations folder, as {@code migsafe lint} takes it
 * @param newest the migration the tool applies last (an up migration, not a repeatable one)
 */
public record MigrationLayout(MigrationTool tool, Path folder, Path newest) {
  public String toolName() {
    return tool.displayName;
  }
}
