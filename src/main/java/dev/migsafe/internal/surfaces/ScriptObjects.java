package dev.migsafe.internal.surfaces;

import java.util.ArrayList;
import java.util.List;
import org.treesitter.TSNode;

/**
 * The object literals of TypeScript and JavaScript as ORM calls take them ({@code { where: {
 * email }, select: ['id'] }}): their keys, values and the objects an array holds, read off the
 * tree-sitter nodes of the two grammars (which name them alike).
 */
final class ScriptObjects {
  /** One key of an object literal: its name, the node to report, its value (null if shorthand). */
  record Entry(String key, TSNode at, TSNode value) {}

  private final SyntaxNodes nodes;

  ScriptObjects(SyntaxNodes nodes) {
    this.nodes = nodes;
  }

  /** The entries of an object literal; none for anything else. */
  List<Entry> entries(TSNode object) {
    List<Entry> out = new ArrayList<>();
    if (object == null || !TreeCalls.type(object).equals("object")) {
      return out;
    }
    for (TSNode c : SyntaxNodes.children(object)) {
      if (TreeCalls.type(c).equals("shorthand_property_identifier")) {
        out.add(new Entry(nodes.text(c), c, null));
      } else if (TreeCalls.type(c).equals("pair")) {
        TSNode k = SyntaxNodes.field(c, "key");
        if (k != null) {
          out.add(new Entry(keyName(k), c, SyntaxNodes.field(c, "value")));
        }
      }
    }
    return out;
  }

  /** The entry of that key, or null. */
  Entry entry(TSNode object, String key) {
    for (Entry e : entries(object)) {
      if (e.key().equals(key)) {
        return e;
      }
    }
    return null;
  }

  /**
   * A key as the program names it: a bare or quoted name as written, a computed key
   * ({@code [Op.or]}) as its expression's last name ({@code or}).
   */
  private String keyName(TSNode key) {
    String t = nodes.text(key);
    if (TreeCalls.type(key).equals("string")) {
      return nodes.stringValue(key);
    }
    if (TreeCalls.type(key).equals("computed_property_name")) {
      String inner = t.substring(1, t.length() - 1).strip();
      return inner.substring(inner.lastIndexOf('.') + 1);
    }
    return t;
  }

  /** The object, or the objects of an array, a value holds. */
  static List<TSNode> objectsIn(TSNode value) {
    List<TSNode> list = new ArrayList<>();
    if (value == null) {
      return list;
    }
    if (TreeCalls.type(value).equals("object")) {
      list.add(value);
    } else if (TreeCalls.type(value).equals("array")) {
      list.addAll(SyntaxNodes.children(value, "object"));
    }
    return list;
  }

  /** The strings of a string or of an array of strings, each with its node. */
  List<Entry> strings(TSNode value) {
    List<Entry> out = new ArrayList<>();
    if (value == null) {
      return out;
    }
    List<TSNode> items = TreeCalls.type(value).equals("array") ? SyntaxNodes.children(value)
        : List.of(value);
    for (TSNode s : items) {
      if (TreeCalls.type(s).equals("string")) {
        out.add(new Entry(nodes.stringValue(s), s, null));
      } else if (TreeCalls.type(s).equals("array") && TreeCalls.namedChildCount(s) > 0) {
        // Sequelize's attributes: [['email', 'contact']] renames email in the result.
        TSNode first = TreeCalls.namedChild(s, 0);
        if (TreeCalls.type(first).equals("string")) {
          out.add(new Entry(nodes.stringValue(first), first, null));
        }
      }
    }
    return out;
  }

  /** A call of a method on an object: {@code object.method(arguments)}. */
  record MemberCall(TSNode call, TSNode object, TSNode methodNode, String method) {
    /** Read when asked: most calls of a file are not the ORM's. */
    List<TSNode> arguments() {
      return ScriptObjects.arguments(call);
    }
  }

  /** The call as {@code object.method(...)}, or null when it calls something else. */
  MemberCall memberCall(TSNode call) {
    if (!TreeCalls.type(call).equals("call_expression")) {
      return null;
    }
    TSNode fn = SyntaxNodes.field(call, "function");
    if (fn == null || !TreeCalls.type(fn).equals("member_expression")) {
      return null;
    }
    TSNode object = SyntaxNodes.field(fn, "object");
    TSNode method = SyntaxNodes.field(fn, "property");
    return object == null || method == null ? null
        : new MemberCall(call, object, method, nodes.text(method));
  }

  /** The arguments of a call. */
  static List<TSNode> arguments(TSNode call) {
    TSNode args = SyntaxNodes.field(call, "arguments");
    return args == null ? List.of() : SyntaxNodes.children(args);
  }
}
