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
 *
 * <p>A name's declarations are looked up the first time it is asked about, from where the
 * name stands in the text: a file declares hundreds of names and a reader asks about a few,
 * and collecting every declaration of a large file from the tree cost more than its parse.
 */
final class ScriptTypes {
  private final String source;
  private final TSNode root;
  private final SyntaxNodes nodes;
  /** Each declaration of a name: its annotated type as written, else its initialiser. */
  private record Declaration(String type, TSNode value) {}

  private final Map<String, List<Declaration>> declared = new HashMap<>();
  private final Set<String> resolving = new HashSet<>();

  ScriptTypes(String source, TSNode root, SyntaxNodes nodes) {
    this.source = source;
    this.root = root;
    this.nodes = nodes;
  }

  /** The declarations of a name, in the order they stand in the file. */
  private List<Declaration> declarations(String name) {
    List<Declaration> known = declared.get(name);
    if (known != null) {
      return known;
    }
    List<Declaration> out = new ArrayList<>();
    int length = nodes.byteLength(name);
    for (TSNode node : nodes.at(source, root, name,
        at -> mayDeclare(source, at + name.length()))) {
      if (TreeCalls.end(node) - TreeCalls.start(node) != length) {
        // The name is part of a larger node (a string, a comment): not a name of the code.
        continue;
      }
      TSNode parent = TreeCalls.parent(node);
      Declaration d = SyntaxNodes.present(parent) ? declaration(parent, node) : null;
      if (d != null) {
        out.add(d);
      }
    }
    declared.put(name, out);
    return out;
  }

  /**
   * Whether what follows a name can make it a declaration that says something: a type
   * ({@code share: Share}, {@code share?: Share}, {@code share!: Share}) or an initialiser
   * ({@code share = ...}, not {@code ==} or {@code =>}). Checked on the text before the tree
   * is asked: a model's instance name stands hundreds of times in a file, and looking up
   * each occurrence's node crosses into tree-sitter several times.
   */
  static boolean mayDeclare(String source, int end) {
    int i = skipSpaces(source, end);
    if (i < source.length() && (source.charAt(i) == '?' || source.charAt(i) == '!')) {
      i = skipSpaces(source, i + 1);
      return i < source.length() && source.charAt(i) == ':';
    }
    if (i >= source.length()) {
      return false;
    }
    char c = source.charAt(i);
    return c == ':' || c == '=' && (i + 1 >= source.length()
        || source.charAt(i + 1) != '=' && source.charAt(i + 1) != '>');
  }

  private static int skipSpaces(String source, int i) {
    while (i < source.length() && Character.isWhitespace(source.charAt(i))) {
      i++;
    }
    return i;
  }

  /** What a declaration node says of its name, when the name node is the one it declares. */
  private Declaration declaration(TSNode node, TSNode name) {
    TSNode declared = switch (TreeCalls.type(node)) {
      case "required_parameter", "optional_parameter" -> SyntaxNodes.field(node, "pattern");
      case "variable_declarator" -> SyntaxNodes.field(node, "name");
      case "public_field_definition", "field_definition" ->
          SyntaxNodes.name(node, "property_identifier");
      default -> null;
    };
    if (declared == null || !declared.equals(name)
        || !(TreeCalls.type(name).equals("identifier")
        || TreeCalls.type(name).equals("property_identifier"))) {
      return null;
    }
    TSNode type = SyntaxNodes.field(node, "type");
    TSNode value = TreeCalls.type(node).endsWith("parameter") ? null
        : SyntaxNodes.field(node, "value");
    if (type == null && value == null) {
      // An untyped parameter or a bare let says nothing: (share) => present(share) does not
      // untype the share the file types elsewhere.
      return null;
    }
    String t = null;
    if (type != null) {
      t = nodes.text(type).strip();
      t = t.startsWith(":") ? t.substring(1).strip() : t;
    }
    return new Declaration(t, value);
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
    if (TreeCalls.type(expression).equals("member_expression")) {
      TSNode object = SyntaxNodes.field(expression, "object");
      if (object == null || !TreeCalls.type(object).equals("this")) {
        return null;
      }
      name = SyntaxNodes.field(expression, "property");
    }
    if (name == null || !(TreeCalls.type(name).equals("identifier")
        || TreeCalls.type(name).equals("property_identifier"))) {
      return null;
    }
    String n = nodes.text(name);
    // const repo = repo.find(): a name typed by its own initialiser has no type.
    if (!resolving.add(n)) {
      return null;
    }
    try {
      String common = null;
      for (Declaration d : declarations(n)) {
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
    if (TreeCalls.type(value).equals("await_expression") && TreeCalls.namedChildCount(value) > 0) {
      value = TreeCalls.namedChild(value, 0);
    }
    if (TreeCalls.type(value).equals("new_expression")) {
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
