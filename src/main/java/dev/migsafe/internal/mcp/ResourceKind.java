package dev.migsafe.internal.mcp;

/**
 * What the server publishes under {@code migsafe://}: each kind is one URI template,
 * {@code migsafe://PATH/{id}}, and one folder its documents come from.
 */
enum ResourceKind {
  RULE("rules", "text/markdown", "Rule documentation",
      "A lint rule's documentation: the problem, why it is dangerous, the safer alternative."),
  RECIPE("recipes", "application/yaml", "Recipe",
      "A recipe of the plan library: the safe steps for one kind of change, as YAML."),
  DECISION_TREE("decision-trees", "application/yaml", "Decision tree",
      "A decision tree of the plan library: which recipe applies to a change, as YAML."),
  CATALOG_MIGRATION("catalog/migrations", "application/yaml", "Past migration",
      "A past migration of the catalog: what changed, its outcome and lesson, as YAML."),
  CATALOG_VALIDATION("catalog/validations", "application/yaml", "Validation template",
      "A validation template of the catalog: a query tied to a business invariant, as YAML.");

  private final String path;
  private final String mimeType;
  private final String title;
  private final String description;

  ResourceKind(String path, String mimeType, String title, String description) {
    this.path = path;
    this.mimeType = mimeType;
    this.title = title;
    this.description = description;
  }

  String uri(String id) {
    return prefix() + id;
  }

  String uriTemplate() {
    return prefix() + "{id}";
  }

  /** The id a URI of this kind names, or null when the URI is of another kind. */
  String id(String uri) {
    return uri.startsWith(prefix()) ? uri.substring(prefix().length()) : null;
  }

  String mimeType() {
    return mimeType;
  }

  String title() {
    return title;
  }

  String description() {
    return description;
  }

  private String prefix() {
    return "migsafe://" + path + "/";
  }
}
