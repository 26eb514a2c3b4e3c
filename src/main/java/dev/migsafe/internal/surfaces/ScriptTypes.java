package dev.migsafe.internal.surfaces;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.treesitter.TSNode;

/**
 * What a TypeScript or JavaScript file says about the type of its names: parameters, variables
 * and class fields with a type annotation ({@code article: ArticleEntity}, {@code private
 * readonly repo: Repository<ArticleEntity>}), and variables without one by their initialiser
 * ({@code new ArticleEntity()}, or a call an ORM's reader types, such as {@code await
 * repo.findOne(...)}). Names are file-wide: a name declared more than once is typed only when
 * every declaration gives it the same type ({@code let article = await repo.findOne(...)} in
 * each of a service's methods), declarations that say nothing (an untyped parameter) aside; a
 * name the file does not declare is not typed.
 */
final class ScriptTypes {
  private final SyntaxNodes nodes;
  /** Each declaration of a name: its annotated type as written, else its initialiser. */
  private record Declaration(String type, TSNode value) {}

  private final Map<String, List<Declaration>> declared = new HashMap<>();
  private final Set<String> resolving = new HashSet<>();

  ScriptTypes(SourceLanguage language, TSNode root, SyntaxNodes nodes) {
    this.nodes = nodes;
    for (TSNode node : SyntaxTrees.nodes(language, root, List.of("required_parameter",
        "optional_parameter", "variable_declarator", "public_field_definition",
        "field_definition"))) {
      declaration(node);
    }
  }

  private void declaration(TSNode node) {
    switch (node.getType()) {
      case "required_parameter", "optional_parameter" ->
          declare(SyntaxNodes.field(node, "pattern"), SyntaxNodes.field(node, "type"), null);
      case "variable_declarator" -> declare(SyntaxNodes.field(node, "name"),
          SyntaxNodes.field(node, "type"), SyntaxNodes.field(node, "value"));
      case "public_field_definition", "field_definition" -> declare(
          SyntaxNodes.name(node, "property_identifier"), SyntaxNodes.field(node, "type"),
          SyntaxNodes.field(node, "value"));
      default -> { }
    }
  }

  private void declare(TSNode name, TSNode type, TSNode value) {
    if (name == null || !(name.getType().equals("identifier")
        || name.getType().equals("property_identifier"))) {
      return;
    }
    if (type == null && value == null) {
      // An untyped parameter or a bare let says nothing: (share) => present(share) does not
      // untype the share the file types elsewhere.
      return;
    }
    String t = null;
    if (type != null) {
      t = nodes.text(type).strip();
      t = t.startsWith(":") ? t.substring(1).strip() : t;
    }
    declared.computeIfAbsent(nodes.text(name), k -> new ArrayList<>())
        .add(new Declaration(t, value));
  }

  /**
   * The type of an expression as written ({@code ArticleEntity}, {@code
   * Repository<ArticleEntity>}), or null when the file does not say: a name, or {@code
   * this.name} for a class field or a constructor's parameter property.
   *
   * @param ofCall the type of an initialiser that is not {@code new X()} (an ORM's call), or
   *     null
   */
  String of(TSNode expression, Function<TSNode, String> ofCall) {
    TSNode name = expression;
    if (expression.getType().equals("member_expression")) {
      TSNode object = SyntaxNodes.field(expression, "object");
      if (object == null || !object.getType().equals("this")) {
        return null;
      }
      name = SyntaxNodes.field(expression, "property");
    }
    if (name == null || !(name.getType().equals("identifier")
        || name.getType().equals("property_identifier"))) {
      return null;
    }
    String n = nodes.text(name);
    // const repo = repo.find(): a name typed by its own initialiser has no type.
    if (!resolving.add(n)) {
      return null;
    }
    try {
      String common = null;
      for (Declaration d : declared.getOrDefault(n, List.of())) {
        String t = d.type() != null ? d.type()
            : d.value() == null ? null : ofValue(d.value(), ofCall);
        if (t == null || common != null && !common.equals(t)) {
          return null;
        }
        common = t;
      }
      return common;
    } finally {
      resolving.remove(n);
    }
  }

  private String ofValue(TSNode value, Function<TSNode, String> ofCall) {
    if (value.getType().equals("await_expression") && value.getNamedChildCount() > 0) {
      value = value.getNamedChild(0);
    }
    if (value.getType().equals("new_expression")) {
      TSNode c = SyntaxNodes.field(value, "constructor");
      return c == null ? null : nodes.text(c);
    }
    return ofCall == null ? null : ofCall.apply(value);
  }

  /** Whether a type as written is the class itself ({@code Order}, {@code Order | null}). */
  static boolean is(String type, String className) {
    if (type == null) {
      return false;
    }
    for (String part : type.split("\\|")) {
      if (part.strip().equals(className)) {
        return true;
      }
    }
    return false;
  }

  /** The first type argument of a generic type as written, or null. */
  static String argument(String type) {
    if (type == null) {
      return null;
    }
    int lt = type.indexOf('<');
    int gt = type.lastIndexOf('>');
    if (lt < 0 || gt < lt) {
      return null;
    }
    String inner = type.substring(lt + 1, gt);
    int comma = inner.indexOf(',');
    return (comma < 0 ? inner : inner.substring(0, comma)).strip();
  }
}
