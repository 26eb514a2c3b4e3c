package dev.migsafe.internal.surfaces;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.treesitter.TSNode;

/**
 * SQL that a Go function assembles over several statements, read as the statements it can
 * run: a query variable declared from literals and other values ({@code query := `SELECT ` +
 * strings.Join(columns, ",") + ` FROM bookmark`}) and grown by appends later in the function
 * ({@code query += ` ORDER BY modified DESC`}), each in a branch of its own. Every piece keeps
 * where it is written, so that a name is reported at the literal that spells it: a column in
 * a slice of column names at that element, an ORDER BY at its append.
 *
 * <p>Each append is read on top of the declared value alone: appends in the branches of a
 * switch exclude each other, and most appends (a condition, an ORDER BY, a LIMIT) need only
 * the query they are added to. A value that is not a literal is a {@code ?} parameter; the
 * elements of a slice literal of strings declared in the function stand for {@code
 * strings.Join} over it.
 */
final class GoQueries {
  /** A part of an assembled query: the literal it is read from, or none for a parameter. */
  record Piece(String text, StringLiterals.Literal literal) {}

  /** One query a function can run, as the pieces it is assembled from. */
  record Assembled(List<Piece> pieces) {
    String text() {
      StringBuilder sb = new StringBuilder();
      pieces.forEach(p -> sb.append(p.text()));
      return sb.toString();
    }
  }

  private static final List<String> DECLARATIONS =
      List.of("short_var_declaration", "assignment_statement", "var_spec");
  private static final List<String> FUNCTIONS =
      List.of("function_declaration", "method_declaration", "func_literal");

  private final SyntaxNodes nodes;
  private final List<Assembled> out = new ArrayList<>();

  private GoQueries(String source) {
    this.nodes = new SyntaxNodes(source);
  }

  /**
   * The queries assembled from more than one literal in the file whose declared value has a
   * literal holding one of the words (lower-case table names). A query written as one literal,
   * or literals joined with {@code +}, is read by {@link StringLiterals} already: it is given
   * here only with its appends.
   *
   * @param lower the source in lower case
   */
  static List<Assembled> in(String source, String lower, List<String> words) {
    if (!lower.contains("+=") && !lower.contains("strings.join(")) {
      return List.of();
    }
    GoQueries q = new GoQueries(source);
    TSNode root = SyntaxTrees.parse(SourceLanguage.GO, source).getRootNode();
    for (TSNode declaration : SyntaxTrees.nodes(SourceLanguage.GO, root, DECLARATIONS)) {
      q.read(declaration, words);
    }
    return q.out;
  }

  private void read(TSNode declaration, List<String> words) {
    TSNode name = declared(declaration);
    TSNode value = value(declaration);
    if (name == null || value == null || !name.getType().equals("identifier")
        || !operator(declaration).matches(":=|=|") || !holdsWord(value, words)) {
      return;
    }
    TSNode body = body(declaration);
    List<Piece> base = pieces(value, body);
    // Literals alone (one, or joined with +) are read whole by StringLiterals.
    if (!base.stream().allMatch(p -> p.literal() != null)) {
      out.add(new Assembled(base));
    }
    if (body == null) {
      return;
    }
    String variable = nodes.text(name);
    for (TSNode later : SyntaxTrees.nodes(SourceLanguage.GO, body,
        List.of("assignment_statement"))) {
      if (TreeCalls.start(later) < TreeCalls.end(declaration)) {
        continue;
      }
      TSNode target = declared(later);
      if (target == null || !nodes.text(target).equals(variable)) {
        continue;
      }
      if (!operator(later).equals("+=")) {
        // The variable is given another value: later appends grow that one.
        break;
      }
      TSNode added = value(later);
      if (added != null) {
        List<Piece> grown = new ArrayList<>(base);
        grown.addAll(pieces(added, body));
        out.add(new Assembled(grown));
      }
    }
  }

  /** The pieces of a value: literals, joins with +, strings.Join over a slice literal. */
  private List<Piece> pieces(TSNode value, TSNode body) {
    List<Piece> out = new ArrayList<>();
    String type = value.getType();
    if (SourceLanguage.GO.isString(type)) {
      out.add(piece(value));
    } else if (type.equals("binary_expression") && operator(value).equals("+")) {
      out.addAll(pieces(SyntaxNodes.field(value, "left"), body));
      out.addAll(pieces(SyntaxNodes.field(value, "right"), body));
    } else if (type.equals("parenthesized_expression")
        && TreeCalls.namedChildCount(value) == 1) {
      out.addAll(pieces(TreeCalls.namedChild(value, 0), body));
    } else if (isJoinCall(value)) {
      out.addAll(joined(value, body));
    } else {
      out.add(new Piece("?", null));
    }
    return out;
  }

  /** A string literal as a piece: its text as the program sees it, and where it stands. */
  private Piece piece(TSNode string) {
    StringLiterals.Literal l = StringLiterals.one(SourceLanguage.GO, nodes.utf8(), string);
    return new Piece(l.text(), l);
  }

  /**
   * {@code strings.Join(names, sep)} where {@code names} is declared in the function as a
   * slice literal: its elements with the separator between them, or a parameter otherwise.
   */
  private List<Piece> joined(TSNode call, TSNode body) {
    List<TSNode> args = SyntaxNodes.children(SyntaxNodes.field(call, "arguments"));
    List<TSNode> elements = args.size() == 2 && args.get(0).getType().equals("identifier")
        && SourceLanguage.GO.isString(args.get(1).getType()) && body != null
        ? sliceElements(nodes.text(args.get(0)), call, body) : null;
    if (elements == null) {
      return List.of(new Piece("?", null));
    }
    String separator = StringLiterals.one(SourceLanguage.GO, nodes.utf8(), args.get(1)).text();
    List<Piece> out = new ArrayList<>();
    for (TSNode value : elements) {
      if (!out.isEmpty()) {
        out.add(new Piece(separator, null));
      }
      out.add(value != null && SourceLanguage.GO.isString(value.getType())
          ? piece(value) : new Piece("?", null));
    }
    return out;
  }

  /**
   * The values a slice holds at the call: the elements of the last slice literal given to the
   * variable before it, with what {@code append} adds to it after (in a branch or not: a
   * column list that may hold more is read with them all), or null when it is given another
   * kind of value. An element that is not one expression is null.
   */
  private List<TSNode> sliceElements(String variable, TSNode call, TSNode body) {
    List<TSNode> elements = null;
    for (TSNode d : SyntaxTrees.nodes(SourceLanguage.GO, body, DECLARATIONS)) {
      if (TreeCalls.start(d) >= TreeCalls.start(call)) {
        break;
      }
      TSNode name = declared(d);
      TSNode value = value(d);
      if (name == null || !nodes.text(name).equals(variable)) {
        continue;
      }
      if (value != null && value.getType().equals("composite_literal")
          && SyntaxNodes.field(value, "body") != null) {
        elements = new ArrayList<>();
        for (TSNode e : SyntaxNodes.children(SyntaxNodes.field(value, "body"),
            "literal_element")) {
          elements.add(TreeCalls.namedChildCount(e) == 1 ? TreeCalls.namedChild(e, 0) : null);
        }
      } else if (elements != null && isAppendTo(value, variable)) {
        List<TSNode> args = SyntaxNodes.children(SyntaxNodes.field(value, "arguments"));
        elements.addAll(args.subList(1, args.size()));
      } else {
        elements = null;
      }
    }
    return elements;
  }

  /** Whether the value is {@code append(variable, ...)}. */
  private boolean isAppendTo(TSNode value, String variable) {
    if (value == null || !value.getType().equals("call_expression")) {
      return false;
    }
    TSNode function = SyntaxNodes.field(value, "function");
    TSNode arguments = SyntaxNodes.field(value, "arguments");
    List<TSNode> args = arguments == null ? List.of() : SyntaxNodes.children(arguments);
    return function != null && nodes.text(function).equals("append") && !args.isEmpty()
        && nodes.text(args.get(0)).equals(variable);
  }

  private boolean isJoinCall(TSNode node) {
    if (!node.getType().equals("call_expression")) {
      return false;
    }
    TSNode function = SyntaxNodes.field(node, "function");
    return function != null && nodes.text(function).equals("strings.Join");
  }

  /**
   * Whether the value's text holds one of the words: a cheap test before its pieces are read;
   * whether the query names a target is the SQL parse's to say.
   */
  private boolean holdsWord(TSNode value, List<String> words) {
    String text = nodes.text(value).toLowerCase(Locale.ROOT);
    return words.stream().anyMatch(text::contains);
  }

  /** The one variable a declaration or assignment gives a value to, or null. */
  private static TSNode declared(TSNode declaration) {
    return single(SyntaxNodes.field(declaration,
        declaration.getType().equals("var_spec") ? "name" : "left"));
  }

  /** The one value a declaration or assignment gives, or null. */
  private static TSNode value(TSNode declaration) {
    return single(SyntaxNodes.field(declaration,
        declaration.getType().equals("var_spec") ? "value" : "right"));
  }

  /** The one expression of an expression list (or the node itself), else null. */
  private static TSNode single(TSNode node) {
    if (node == null) {
      return null;
    }
    if (!node.getType().equals("expression_list")) {
      return node;
    }
    return TreeCalls.namedChildCount(node) == 1 ? TreeCalls.namedChild(node, 0) : null;
  }

  /** An assignment's or binary expression's operator; empty for a var spec. */
  private String operator(TSNode node) {
    TSNode op = SyntaxNodes.field(node, "operator");
    if (op != null) {
      return nodes.text(op);
    }
    if (node.getType().equals("short_var_declaration")) {
      return ":=";
    }
    return "";
  }

  /** The body of the function the node is in, or null at package level. */
  private static TSNode body(TSNode node) {
    for (TSNode p = TreeCalls.parent(node); SyntaxNodes.present(p); p = TreeCalls.parent(p)) {
      if (FUNCTIONS.contains(p.getType())) {
        return SyntaxNodes.field(p, "body");
      }
    }
    return null;
  }
}
