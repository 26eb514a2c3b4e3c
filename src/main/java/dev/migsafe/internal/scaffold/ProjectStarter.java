package dev.migsafe.internal.scaffold;

import dev.migsafe.api.MigsafeException;
import dev.migsafe.internal.io.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code .migsafe.yaml}, a packet skeleton and the packet's JSON Schema for a project.
 * Nothing is written unless every file can be: an existing file is refused as a whole (its
 * owner may have edited it) unless {@code force}, and each file is written atomically.
 */
public final class ProjectStarter {
  static final String CONFIG = ".migsafe.yaml";
  private static final String SCHEMA_RESOURCE = "migsafe/schema/packet.schema.json";

  private ProjectStarter() {}

  /**
   * What was written, and the layout the packet was made from.
   *
   * @param layout the migrations found, or null when the folder has none
   */
  public record Started(MigrationLayout layout, List<Path> written, List<Path> unchanged) {}

  public static Started start(Path project, Path packet, boolean force) {
    if (!Files.isDirectory(project)) {
      throw MigsafeException.badInput(project + ": no such directory");
    }
    MigrationLayout layout = LayoutDetector.find(project).orElse(null);
    Path packetFile = packet != null ? packet : project.resolve("packet.yaml");
    Path schema = packetFile.toAbsolutePath().getParent().resolve(StarterFiles.PACKET_SCHEMA);
    Map<Path, byte[]> files = new LinkedHashMap<>();
    files.put(project.resolve(CONFIG), bytes(StarterFiles.config(layout, project)));
    files.put(packetFile, bytes(StarterFiles.packet(layout, packetFile)));
    files.put(schema, schemaBytes());
    List<Path> written = new ArrayList<>();
    List<Path> unchanged = new ArrayList<>();
    List<String> existing = new ArrayList<>();
    files.forEach((path, content) -> {
      if (Files.exists(path)) {
        if (same(path, content)) {
          unchanged.add(path);
        } else if (!force) {
          existing.add(path + ": exists; pass --force to overwrite it");
        }
      }
    });
    if (!existing.isEmpty()) {
      throw MigsafeException.badInput(String.join("\n", existing));
    }
    files.forEach((path, content) -> {
      if (!unchanged.contains(path)) {
        createParent(path);
        AtomicFiles.write(path, content);
        written.add(path);
      }
    });
    return new Started(layout, written, unchanged);
  }

  private static boolean same(Path path, byte[] content) {
    try {
      return Files.isRegularFile(path) && Arrays.equals(Files.readAllBytes(path), content);
    } catch (IOException e) {
      return false;
    }
  }

  private static void createParent(Path path) {
    Path parent = path.toAbsolutePath().getParent();
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw MigsafeException.badInput(parent + ": cannot be created: " + e.getMessage());
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  private static byte[] schemaBytes() {
    try (InputStream in = ProjectStarter.class.getClassLoader()
        .getResourceAsStream(SCHEMA_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(SCHEMA_RESOURCE + " is missing from the build");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
