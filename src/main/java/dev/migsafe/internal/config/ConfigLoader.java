package dev.migsafe.internal.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.migsafe.api.MigsafeException;
import dev.migsafe.api.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Loads {@code .migsafe.yaml} strictly: unknown keys, bad values and unknown rule ids are all
 * reported at once as {@code FILE:LINE:COLUMN: message}. Jackson's YAML reader builds only the
 * declared record, never arbitrary objects, so loading is safe.
 */
public final class ConfigLoader {
  public static final String FILE_NAME = ".migsafe.yaml";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private ConfigLoader() {}

  /**
   * Loads the file and checks rule ids against {@code knownRules}.
   *
   * @throws MigsafeException bad input, with every problem listed
   */
  public static ProjectConfig load(Path file, Set<String> knownRules) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw MigsafeException.badInput(file + ": cannot be read: " + e.getMessage());
    }
    if (text.isBlank()) {
      return ProjectConfig.empty();
    }
    ProjectConfig config;
    try {
      config = YAML.readValue(text, ProjectConfig.class);
    } catch (UnrecognizedPropertyException e) {
      // Jackson's YAML locations point past the key; find the key's own line instead.
      throw MigsafeException.badInput(keyPosition(file, text, e.getPropertyName()) + path(e)
          + "unknown key; the keys are engineVersion, failOn, transaction, disable, severity, "
          + "ai (with allow-remote)");
    } catch (JsonMappingException e) {
      throw MigsafeException.badInput(where(file, e.getLocation()) + path(e) + e.getOriginalMessage()
          .split("\\R")[0].replaceAll(" \\(class [^)]*\\)", ""));
    } catch (JsonProcessingException e) {
      throw MigsafeException.badInput(where(file, e.getLocation()) + e.getOriginalMessage()
          .split("\\R")[0]);
    }
    if (config == null) {
      return ProjectConfig.empty();
    }
    List<String> problems = new ArrayList<>();
    String at = file + ":1:1: ";
    if (config.engineVersion() != null
        && (config.engineVersion() < 10 || config.engineVersion() > 17)) {
      problems.add(at + "engineVersion: " + config.engineVersion()
          + " is not a supported PostgreSQL major version (10 to 17)");
    }
    if (config.failOn() != null) {
      check(problems, at + "failOn: ", () -> Severity.parse(config.failOn()));
    }
    if (config.transaction() != null
        && !Set.of("auto", "always", "never").contains(config.transaction())) {
      problems.add(at + "transaction: '" + config.transaction()
          + "' is not one of auto, always, never");
    }
    for (String id : config.disable()) {
      if (!knownRules.contains(id)) {
        problems.add(at + "disable: '" + id + "' is not a rule id");
      }
    }
    config.severity().forEach((id, sev) -> {
      if (!knownRules.contains(id)) {
        problems.add(at + "severity." + id + ": '" + id + "' is not a rule id");
      }
      check(problems, at + "severity." + id + ": ", () -> Severity.parse(sev));
    });
    if (!problems.isEmpty()) {
      throw MigsafeException.badInput(String.join("\n", problems));
    }
    return config;
  }

  private static void check(List<String> problems, String prefix, Runnable r) {
    try {
      r.run();
    } catch (IllegalArgumentException e) {
      problems.add(prefix + e.getMessage());
    }
  }

  private static String keyPosition(Path file, String text, String key) {
    String[] lines = text.split("\\R", -1);
    java.util.regex.Pattern p = java.util.regex.Pattern.compile(
        "^(\\s*)" + java.util.regex.Pattern.quote(key) + "\\s*:");
    for (int i = 0; i < lines.length; i++) {
      java.util.regex.Matcher m = p.matcher(lines[i]);
      if (m.find()) {
        return file + ":" + (i + 1) + ":" + (m.group(1).length() + 1) + ": ";
      }
    }
    return file + ":1:1: ";
  }

  private static String where(Path file, JsonLocation loc) {
    if (loc == null) {
      return file + ":1:1: ";
    }
    return file + ":" + Math.max(1, loc.getLineNr()) + ":" + Math.max(1, loc.getColumnNr()) + ": ";
  }

  private static String path(JsonMappingException e) {
    String p = e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining(".")).replace(".[", "[");
    return p.isEmpty() ? "" : p + ": ";
  }
}
