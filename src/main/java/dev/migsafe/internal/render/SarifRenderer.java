package dev.migsafe.internal.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.migsafe.api.FileResult;
import dev.migsafe.api.Finding;
import dev.migsafe.api.LintResult;
import dev.migsafe.api.RuleInfo;
import dev.migsafe.api.Severity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0 (OASIS), the format code-scanning services ingest. Each migsafe rule that has a
 * finding becomes a {@code reportingDescriptor}; severities map to SARIF levels (blocker and
 * high: error, medium: warning, low and info: note) and travel unchanged in {@code
 * properties.severity}.
 */
public final class SarifRenderer {
  private SarifRenderer() {}

  public static String render(LintResult result, List<RuleInfo> rules, String toolVersion) {
    Map<String, RuleInfo> byId = new LinkedHashMap<>();
    rules.forEach(r -> byId.put(r.id(), r));
    ObjectNode root = Json.object();
    root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "migsafe");
    driver.put("version", toolVersion);
    driver.put("informationUri", "https://github.com/migsafe/migsafe");
    ArrayNode ruleArray = driver.putArray("rules");
    Map<String, Integer> ruleIndex = new LinkedHashMap<>();
    for (FileResult f : result.files()) {
      for (Finding x : f.findings()) {
        if (!ruleIndex.containsKey(x.rule())) {
          ruleIndex.put(x.rule(), ruleIndex.size());
          RuleInfo info = byId.get(x.rule());
          ObjectNode r = ruleArray.addObject();
          r.put("id", x.rule());
          r.putObject("shortDescription").put("text",
              info != null && info.summary() != null ? info.summary() : x.rule());
          r.putObject("help").put("text", "migsafe rules explain " + x.rule());
          Severity def = info != null && info.severity() != null ? info.severity() : x.severity();
          r.putObject("defaultConfiguration").put("level", level(def));
        }
      }
    }
    ArrayNode results = run.putArray("results");
    for (FileResult f : result.files()) {
      for (Finding x : f.findings()) {
        ObjectNode r = results.addObject();
        r.put("ruleId", x.rule());
        r.put("ruleIndex", ruleIndex.get(x.rule()));
        r.put("level", level(x.severity()));
        r.putObject("message").put("text", x.message());
        ObjectNode phys = r.putArray("locations").addObject().putObject("physicalLocation");
        phys.putObject("artifactLocation").put("uri", uri(f.path()));
        ObjectNode region = phys.putObject("region");
        region.put("startLine", Math.max(1, x.line()));
        region.put("startColumn", Math.max(1, x.column()));
        ObjectNode props = r.putObject("properties");
        props.put("severity", x.severity().id());
        if (x.why() != null) {
          props.put("why", x.why());
        }
        if (x.saferAlternative() != null) {
          props.put("saferAlternative", x.saferAlternative());
        }
      }
    }
    return Json.write(root);
  }

  static String level(Severity s) {
    return switch (s) {
      case BLOCKER, HIGH -> "error";
      case MEDIUM -> "warning";
      case LOW, INFO -> "note";
    };
  }

  /** A relative URI reference with forward slashes; spaces and the like percent-encoded. */
  static String uri(String path) {
    if (path.equals("-")) {
      return "stdin";
    }
    String p = path.replace('\\', '/');
    StringBuilder sb = new StringBuilder();
    for (char c : p.toCharArray()) {
      if (Character.isLetterOrDigit(c) || "/._-~".indexOf(c) >= 0) {
        sb.append(c);
      } else {
        for (byte b : String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
          sb.append('%').append(String.format("%02X", b & 0xff));
        }
      }
    }
    return sb.toString();
  }
}
