package dev.migsafe.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.yaml.snakeyaml.Yaml;

/** Reads the CI templates (action.yml, GitLab job, pre-commit hooks) as their hosts would. */
public final class YamlFiles {
  private YamlFiles() {}

  /** The document as maps and lists; the caller states the shape it expects. */
  @SuppressWarnings("unchecked")
  public static <T> T load(String path) throws IOException {
    return (T) new Yaml().load(Files.readString(Path.of(path)));
  }
}
