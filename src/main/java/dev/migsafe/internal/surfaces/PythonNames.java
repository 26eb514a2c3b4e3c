package dev.migsafe.internal.surfaces;

import java.util.ArrayList;
import java.util.List;
import org.treesitter.TSNode;

/** What Python code spells as names in a tree-sitter parse: strings, keywords, class bodies. */
final class PythonNames {
  private PythonNames() {}

  /** The content of a plain string literal ({@code 'email'}, {@code "email"}), else null. */
  static String literal(SyntaxSource src, TSNode node) {
    if (!node.getType().equals("string")) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    for (TSNode c : SyntaxSource.namedChildren(node)) {
      switch (c.getType()) {
        case "string_start", "string_end" -> { }
        case "string_content" -> out.append(src.text(c));
        default -> {
          // An interpolation or escape: not a name.
          return null;
        }
      }
    }
    return out.toString();
  }

  /** The string literals of a list, tuple or set ({@code ['a', 'b']}), or of one string. */
  static List<TSNode> strings(TSNode node) {
    List<TSNode> out = new ArrayList<>();
    if (node.getType().equals("string")) {
      out.add(node);
    } else if (node.getType().equals("list") || node.getType().equals("tuple")
        || node.getType().equals("set") || node.getType().equals("parenthesized_expression")) {
      for (TSNode c : SyntaxSource.namedChildren(node)) {
        out.addAll(strings(c));
      }
    }
    return out;
  }

  /** The value of the keyword argument {@code name=} of a call's argument list, or null. */
  static TSNode keyword(SyntaxSource src, TSNode arguments, String name) {
    if (arguments == null) {
      return null;
    }
    for (TSNode a : SyntaxSource.namedChildren(arguments)) {
      if (a.getType().equals("keyword_argument")
          && src.text(SyntaxSource.field(a, "name")).equals(name)) {
        return SyntaxSource.field(a, "value");
      }
    }
    return null;
  }

  /** The statements of a class body: each expression statement's expression, or the node. */
  static List<TSNode> statements(TSNode classDefinition) {
    List<TSNode> out = new ArrayList<>();
    TSNode body = SyntaxSource.field(classDefinition, "body");
    for (TSNode st : body == null ? List.<TSNode>of() : SyntaxSource.namedChildren(body)) {
      out.add(st.getType().equals("expression_statement") && st.getNamedChildCount() > 0
          ? st.getNamedChild(0) : st);
    }
    return out;
  }

  /** The nested class of that name ({@code Meta}), or null. */
  static TSNode innerClass(SyntaxSource src, TSNode classDefinition, String name) {
    for (TSNode st : statements(classDefinition)) {
      if (st.getType().equals("class_definition")
          && src.text(SyntaxSource.field(st, "name")).equals(name)) {
        return st;
      }
    }
    return null;
  }

  /** The value assigned to {@code name} in a class body ({@code db_table = 'x'}), or null. */
  static TSNode assigned(SyntaxSource src, TSNode classDefinition, String name) {
    for (TSNode st : statements(classDefinition)) {
      TSNode left = st.getType().equals("assignment") ? SyntaxSource.field(st, "left") : null;
      if (left != null && left.getType().equals("identifier") && src.text(left).equals(name)) {
        return SyntaxSource.field(st, "right");
      }
    }
    return null;
  }

  /** The last part of a dotted name: {@code Model} of {@code models.Model}. */
  static String lastPart(String dotted) {
    return dotted.substring(dotted.lastIndexOf('.') + 1);
  }

  /** {@code order_item} of {@code OrderItem}, as Flask-SQLAlchemy and snake case spell it. */
  static String snake(String camel) {
    return RailsInflection.underscore(camel);
  }
}
