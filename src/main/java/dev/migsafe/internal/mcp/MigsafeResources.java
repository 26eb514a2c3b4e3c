package dev.migsafe.internal.mcp;

import dev.migsafe.Migsafe;
import dev.migsafe.api.RuleInfo;
import dev.migsafe.internal.catalog.CatalogLocation;
import dev.migsafe.internal.rules.RuleBase;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code migsafe://} resources: every rule's doc, recipe, decision tree and catalog record,
 * listed one by one and readable through one URI template per {@link ResourceKind}. Rules and
 * the library are migsafe's own; the catalog is {@code catalog/} of the working directory when
 * there is one (as for the {@code similar} and {@code report} tools), else the shipped one.
 */
final class MigsafeResources {
  /**
   * Catalog records listed per folder. A team's catalog can hold 100,000 records, too many for
   * one {@code resources/list}; past this many the templates still read every record.
   */
  static final int LISTED_RECORDS = 1000;
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");
  private static final String LIBRARY = "migsafe/library/";

  private final ClientRoots roots;
  private final Migsafe migsafe = Migsafe.builder().build();

  MigsafeResources(ClientRoots roots) {
    this.roots = roots;
  }

  List<McpServerFeatures.SyncResourceSpecification> resources() {
    List<McpServerFeatures.SyncResourceSpecification> out = new ArrayList<>();
    // Rule docs are found by their files, not through the rule base: building it takes a
    // second or two, which the listing should not add to the server's start.
    for (String dialect : List.of("postgresql", "common", "mysql")) {
      for (String id : ids(RuleBase.resourceFiles("migsafe/rules/" + dialect, ".md"), ".md")) {
        out.add(resource(ResourceKind.RULE, id));
      }
    }
    for (String id : ids(RuleBase.resourceFiles(LIBRARY + "recipes", ".yaml"), ".yaml")) {
      out.add(resource(ResourceKind.RECIPE, id));
    }
    for (String id : ids(RuleBase.resourceFiles(LIBRARY + "decision-trees", ".yaml"), ".yaml")) {
      out.add(resource(ResourceKind.DECISION_TREE, id));
    }
    CatalogLocation catalog = CatalogLocation.resolve(null);
    for (String id : ids(catalog.files(CatalogLocation.MIGRATIONS), ".yaml").stream()
        .limit(LISTED_RECORDS).toList()) {
      out.add(resource(ResourceKind.CATALOG_MIGRATION, id));
    }
    for (String id : ids(catalog.files(CatalogLocation.VALIDATIONS), ".yaml").stream()
        .limit(LISTED_RECORDS).toList()) {
      out.add(resource(ResourceKind.CATALOG_VALIDATION, id));
    }
    return out;
  }

  List<McpServerFeatures.SyncResourceTemplateSpecification> templates() {
    return Arrays.stream(ResourceKind.values()).map(k ->
        new McpServerFeatures.SyncResourceTemplateSpecification(
            McpSchema.ResourceTemplate.builder(k.uriTemplate(), k.name().toLowerCase()
                    .replace('_', '-'))
                .title(k.title())
                .description(k.description())
                .mimeType(k.mimeType())
                .build(),
            (exchange, request) -> read(k, request.uri(), exchange))).toList();
  }

  private McpServerFeatures.SyncResourceSpecification resource(ResourceKind kind, String id) {
    return new McpServerFeatures.SyncResourceSpecification(
        McpSchema.Resource.builder(kind.uri(id), id)
            .title(kind.title() + " " + id)
            .description(kind.description())
            .mimeType(kind.mimeType())
            .build(),
        (exchange, request) -> read(kind, request.uri(), exchange));
  }

  private McpSchema.ReadResourceResult read(ResourceKind kind, String uri,
      io.modelcontextprotocol.server.McpSyncServerExchange exchange) {
    String id = kind.id(uri);
    if (id == null || !ID.matcher(id).matches()) {
      throw notFound(uri);
    }
    String text = switch (kind) {
      case RULE -> ruleText(id);
      case RECIPE -> RuleBase.resourceText(LIBRARY + "recipes/" + id + ".yaml");
      case DECISION_TREE -> RuleBase.resourceText(LIBRARY + "decision-trees/" + id + ".yaml");
      case CATALOG_MIGRATION -> record(CatalogLocation.MIGRATIONS, id, roots.current(exchange));
      case CATALOG_VALIDATION -> record(CatalogLocation.VALIDATIONS, id, roots.current(exchange));
    };
    if (text == null) {
      throw notFound(uri);
    }
    return McpSchema.ReadResourceResult.builder(List.of(
        McpSchema.TextResourceContents.builder(uri, text).mimeType(kind.mimeType()).build()))
        .build();
  }

  private String ruleText(String id) {
    RuleInfo info = migsafe.rules().stream().filter(r -> r.id().equals(id)).findFirst()
        .orElse(null);
    String doc = migsafe.ruleDoc(id).orElse(null);
    return info == null && doc == null ? null
        : dev.migsafe.internal.render.RuleListRenderer.explain(info, doc);
  }

  /** A catalog record's text; a record of the working directory's catalog is read guarded. */
  private static String record(String folder, String id, WorkingRoots allowed) {
    CatalogLocation catalog = CatalogLocation.resolve(null);
    if (catalog.isShipped()) {
      return RuleBase.resourceText("migsafe/catalog/" + folder + "/" + id + ".yaml");
    }
    String name = catalog.root().resolve(folder).resolve(id + ".yaml").toString();
    Path checked;
    try {
      checked = allowed.projectEntry(name);
    } catch (ToolFailure e) {
      throw McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS).message(e.getMessage()).build();
    }
    if (checked == null || !Files.isRegularFile(checked)) {
      return null;
    }
    try {
      if (Files.size(checked) > PacketGate.MAX_BYTES) {
        throw McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS)
            .message(name + ": too large to read as a catalog record").build();
      }
      return Files.readString(checked, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw McpError.builder(McpSchema.ErrorCodes.INTERNAL_ERROR)
          .message(name + ": cannot be read (" + e.getClass().getSimpleName() + ")").build();
    }
  }

  /** The ids of the files that end in {@code suffix}, by file name; others are left out. */
  private static List<String> ids(List<Path> files, String suffix) {
    return files.stream().map(p -> p.getFileName().toString())
        .filter(n -> n.endsWith(suffix))
        .map(n -> n.substring(0, n.length() - suffix.length()))
        .filter(id -> ID.matcher(id).matches()).toList();
  }

  private static McpError notFound(String uri) {
    return McpError.builder(McpSchema.ErrorCodes.RESOURCE_NOT_FOUND)
        .message("no such resource: " + uri).build();
  }
}
