package dev.migsafe.internal.mcp;

import dev.migsafe.internal.yaml.Problems;
import dev.migsafe.internal.yaml.YamlDocument;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * What a packet path goes through before the façade loads it. The packet loader reports a bad
 * packet with the values it found, which is right for a packet and wrong for any other file:
 * {@code .env} named as a packet would come back quoted in the error. So a file is handed on
 * only when it is inside the allowed directories, parses, and says {@code apiVersion:
 * migsafe/v1} and {@code kind: MigrationPacket}; and every file the packet itself names
 * ({@code schema.current}, {@code schema.target}, {@code migration[].file}) must be inside
 * them too, because the loader reads those relative to the packet wherever they lead.
 */
final class PacketGate {
  /** Larger than any real packet; keeps a mistaken path to a log or dump from being read. */
  static final long MAX_BYTES = 16L * 1024 * 1024;
  private static final Pattern YAML_PLACE = Pattern.compile(":(\\d+):(\\d+): not valid YAML");

  private PacketGate() {}

  /** The packet's path, checked; throws {@link ToolFailure} naming path and reason only. */
  static Path check(WorkingRoots roots, String given) {
    Path packet = roots.resolve("packet", given);
    Node root = compose(packet, given);
    if (!(root instanceof MappingNode map)
        || !"migsafe/v1".equals(scalar(map, "apiVersion"))
        || !"MigrationPacket".equals(scalar(map, "kind"))) {
      throw new ToolFailure("packet: " + given + ": not a migration packet (a packet is YAML "
          + "or JSON with apiVersion: migsafe/v1 and kind: MigrationPacket)");
    }
    if (value(map, "schema") instanceof MappingNode schema) {
      for (String side : List.of("current", "target")) {
        String ref = scalar(schema, side);
        if (ref != null && !isInlineDdl(ref)) {
          roots.resolveBeside(packet, "packet schema." + side, ref);
        }
      }
    }
    if (value(map, "migration") instanceof SequenceNode steps) {
      for (Node step : steps.getValue()) {
        String ref = step instanceof MappingNode m ? scalar(m, "file") : null;
        if (ref != null) {
          roots.resolveBeside(packet, "packet migration file", ref);
        }
      }
    }
    return packet;
  }

  /** As the packet loader decides (packet-v1.md): DDL inline has a newline or a semicolon. */
  static boolean isInlineDdl(String value) {
    return value.contains("\n") || value.contains(";") || value.isBlank();
  }

  private static Node compose(Path packet, String given) {
    String text;
    try {
      long size = Files.size(packet);
      if (size > MAX_BYTES) {
        throw new ToolFailure("packet: " + given + ": " + size + " bytes is larger than the "
            + MAX_BYTES / (1024 * 1024) + " MiB a packet may be");
      }
      text = StandardCharsets.UTF_8.newDecoder().decode(
          java.nio.ByteBuffer.wrap(Files.readAllBytes(packet))).toString();
    } catch (CharacterCodingException e) {
      throw new ToolFailure("packet: " + given + ": not UTF-8 text");
    } catch (IOException e) {
      throw new ToolFailure("packet: " + given + ": cannot be read (" + e.getClass()
          .getSimpleName() + ")");
    }
    Problems problems = new Problems(given);
    Node root = YamlDocument.compose(text, problems);
    if (root == null) {
      // The parser's own message can quote the text it stumbled on: only the place is kept.
      Matcher m = problems.lines().isEmpty() ? null : YAML_PLACE.matcher(problems.lines().get(0));
      String place = m != null && m.find() ? ":" + m.group(1) + ":" + m.group(2) : "";
      throw new ToolFailure("packet: " + given + place + ": not valid YAML or JSON");
    }
    return root;
  }

  private static Node value(MappingNode map, String key) {
    for (NodeTuple t : map.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
        return t.getValueNode();
      }
    }
    return null;
  }

  private static String scalar(MappingNode map, String key) {
    return value(map, key) instanceof ScalarNode s ? s.getValue() : null;
  }
}
