package dev.migsafe.internal.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.migsafe.api.FileResult;
import dev.migsafe.api.Finding;
import dev.migsafe.api.LintResult;
import dev.migsafe.api.Severity;
import dev.migsafe.api.SuppressedFinding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0 (OASIS), the format code-scanning services ingest, shaped for GitHub code
 * scanning: each rule with a result becomes a {@code reportingDescriptor} with its summary, the
 * doc's "Problem" as {@code fullDescription}, the whole doc as {@code help.markdown} and its web
 * page as {@code helpUri}; file locations are relative to {@code %SRCROOT%} (the repository
 * root, given in {@code originalUriBaseIds}), as GitHub needs; findings an ignore comment
 * accepted are kept with an {@code inSource} suppression and its reason, which GitHub shows as
 * dismissed. Severities map to SARIF levels (blocker and high: error, medium: warning, low and
 * info: note) and travel unchanged in {@code properties.severity}.
 */
public final class SarifRenderer {
  /** The base id GitHub and other consumers resolve relative locations against. */
  static final String SRCROOT = "%SRCROOT%";

  private SarifRenderer() {}

  /**
   * SARIF for a streamed run. The rules a run reports come before its results in the document,
   * so nothing can be written before the last file is judged; what is kept until then is only
   * each file's findings, never its statements.
   */
  public static LintStream stream(Writer out, RuleDocs docs, String toolVersion,
      Path sourceRoot, String dialect, int engineVersion) {
    List<FileResult> files = new ArrayList<>();
    return new FileFindingsStream() {
      @Override
      void file(String path, boolean rollback, boolean inTransaction, List<Finding> findings,
          List<SuppressedFinding> suppressed) {
        files.add(new FileResult(path, rollback, inTransaction, List.of(), findings,
            suppressed));
      }

      @Override
      public void finish() {
        try {
          out.write(render(new LintResult(dialect, engineVersion, files), docs, toolVersion,
              sourceRoot));
          out.flush();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
  }

  /**
   * @param sourceRoot the repository root that locations are made relative to; files outside it
   *     keep absolute {@code file:} URIs
   */
  public static String render(LintResult result, RuleDocs docs, String toolVersion,
      Path sourceRoot) {
    Path root = sourceRoot.toAbsolutePath().normalize();
    ObjectNode top = Json.object();
    top.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    top.put("version", "2.1.0");
    ObjectNode run = top.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "migsafe");
    driver.put("version", toolVersion);
    driver.put("informationUri", "https://github.com/migsafe/migsafe");
    ArrayNode ruleArray = driver.putArray("rules");
    Map<String, Integer> ruleIndex = new LinkedHashMap<>();
    for (FileResult f : result.files()) {
      f.findings().forEach(x -> addRule(ruleArray, ruleIndex, docs, x));
      f.suppressed().forEach(s -> addRule(ruleArray, ruleIndex, docs, s.finding()));
    }
    run.putObject("originalUriBaseIds").putObject(SRCROOT)
        .put("uri", directoryUri(root))
        .putObject("description").put("text", "The root of the repository the migrations are in");
    ArrayNode results = run.putArray("results");
    for (FileResult f : result.files()) {
      for (Finding x : f.findings()) {
        addResult(results, ruleIndex, f.path(), root, x);
      }
      for (SuppressedFinding s : f.suppressed()) {
        ObjectNode r = addResult(results, ruleIndex, f.path(), root, s.finding());
        ObjectNode sup = r.putArray("suppressions").addObject();
        sup.put("kind", "inSource");
        sup.put("justification", s.reason());
      }
    }
    return Json.write(top);
  }

  private static void addRule(ArrayNode ruleArray, Map<String, Integer> ruleIndex, RuleDocs docs,
      Finding x) {
    if (ruleIndex.containsKey(x.rule())) {
      return;
    }
    ruleIndex.put(x.rule(), ruleIndex.size());
    ObjectNode r = ruleArray.addObject();
    r.put("id", x.rule());
    r.putObject("shortDescription").put("text", docs.summary(x.rule()));
    r.putObject("fullDescription").put("text", docs.problem(x.rule()));
    String url = docs.url(x.rule());
    r.put("helpUri", url);
    ObjectNode help = r.putObject("help");
    help.put("text", docs.problem(x.rule()) + "\n\nmigsafe rules explain " + x.rule() + "\n" + url);
    docs.markdown(x.rule()).ifPresent(md -> help.put("markdown", md));
    Severity def = docs.info(x.rule()).map(i -> i.severity()).orElse(x.severity());
    r.putObject("defaultConfiguration").put("level", level(def == null ? x.severity() : def));
    docs.info(x.rule()).ifPresent(i -> r.putObject("properties").putArray("tags")
        .add("migsafe").add(i.dialect()));
  }

  private static ObjectNode addResult(ArrayNode results, Map<String, Integer> ruleIndex,
      String path, Path root, Finding x) {
    ObjectNode r = results.addObject();
    r.put("ruleId", x.rule());
    r.put("ruleIndex", ruleIndex.get(x.rule()));
    r.put("level", level(x.severity()));
    r.putObject("message").put("text", x.message());
    ObjectNode phys = r.putArray("locations").addObject().putObject("physicalLocation");
    artifact(phys.putObject("artifactLocation"), path, root);
    ObjectNode region = phys.putObject("region");
    region.put("startLine", Math.max(1, x.line()));
    region.put("startColumn", Math.max(1, x.column()));
    // GitHub underlines the region; a point (a suppression comment) has no end of its own.
    if (x.endLine() > x.line() || x.endLine() == x.line() && x.endColumn() > x.column()) {
      region.put("endLine", x.endLine());
      region.put("endColumn", x.endColumn());
    }
    ObjectNode props = r.putObject("properties");
    props.put("severity", x.severity().id());
    if (x.why() != null) {
      props.put("why", x.why());
    }
    if (x.saferAlternative() != null) {
      props.put("saferAlternative", x.saferAlternative());
    }
    return r;
  }

  static String level(Severity s) {
    return switch (s) {
      case BLOCKER, HIGH -> "error";
      case MEDIUM -> "warning";
      case LOW, INFO -> "note";
    };
  }

  /**
   * A file under the root as a relative URI against {@code %SRCROOT%}; standard input as {@code
   * stdin}; anything else as an absolute {@code file:} URI.
   */
  private static void artifact(ObjectNode location, String path, Path root) {
    if (path.equals("-")) {
      location.put("uri", "stdin");
      return;
    }
    Path abs = Path.of(path).toAbsolutePath().normalize();
    if (abs.startsWith(root)) {
      location.put("uri", uri(root.relativize(abs).toString()));
      location.put("uriBaseId", SRCROOT);
    } else {
      location.put("uri", abs.toUri().toString());
    }
  }

  private static String directoryUri(Path dir) {
    String u = dir.toUri().toString();
    return u.endsWith("/") ? u : u + "/";
  }

  /** A relative URI reference with forward slashes; spaces and the like percent-encoded. */
  static String uri(String path) {
    String p = path.replace('\\', '/');
    StringBuilder sb = new StringBuilder();
    p.codePoints().forEach(c -> {
      if (c < 0x80 && (Character.isLetterOrDigit(c) || "/._-~".indexOf(c) >= 0)) {
        sb.append((char) c);
      } else {
        for (byte b : Character.toString(c).getBytes(StandardCharsets.UTF_8)) {
          sb.append('%').append(String.format("%02X", b & 0xff));
        }
      }
    });
    return sb.toString();
  }
}
