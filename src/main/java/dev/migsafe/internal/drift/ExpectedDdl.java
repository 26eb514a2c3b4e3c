package dev.migsafe.internal.drift;

import dev.migsafe.api.MigrationPacket;
import dev.migsafe.api.MigsafeException;
import dev.migsafe.internal.plan.PacketLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The expected schema as DDL text, and the name its statements' places are reported under.
 *
 * @param source a file name for {@code FILE:LINE:COLUMN} messages and the report
 */
public record ExpectedDdl(String text, String source) {

  /** A DDL file. */
  public static ExpectedDdl file(Path file) {
    if (!Files.isRegularFile(file)) {
      throw MigsafeException.badInput(file + ": no such file");
    }
    try {
      return new ExpectedDdl(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw MigsafeException.badInput(file + ": cannot be read: " + e.getMessage());
    }
  }

  /**
   * A packet's {@code schema.current} or {@code schema.target}; a schema given as a file is
   * named by its path beside the packet, an inline one as {@code PACKET#schema.PHASE}.
   */
  public static ExpectedDdl packet(Path packetFile, String phase) {
    MigrationPacket packet = PacketLoader.load(packetFile);
    MigrationPacket.SchemaTexts schema = packet.schema();
    boolean current = "current".equals(phase);
    String text = current ? schema.current() : schema.target();
    String source = current ? schema.currentSource() : schema.targetSource();
    if (text == null) {
      throw MigsafeException.badInput(packetFile + ": schema." + phase + " is not given; "
          + "drift compares with DDL, so name the schema file or use the other phase");
    }
    if (source == null || "inline".equals(source)) {
      return new ExpectedDdl(text, packetFile + "#schema." + phase);
    }
    Path dir = packetFile.getParent();
    return new ExpectedDdl(text, (dir == null ? Path.of(source) : dir.resolve(source))
        .normalize().toString());
  }
}
