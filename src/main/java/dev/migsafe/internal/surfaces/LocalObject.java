package dev.migsafe.internal.surfaces;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.treesitter.TSNode;

/**
 * An object literal a TypeScript or JavaScript function holds in a local variable before
 * passing it on ({@code const where = { published: true }; where.urlId = id;
 * Share.findOne({ where })}): the literal, and the fields assigned to the variable afterwards
 * in the same function. Only a variable declared in the function with an object literal, and
 * never declared or assigned again in it, is followed; nested functions are not read (they may shadow
 * the name). Read only for a variable an ORM call is given, so most files never walk a body.
 */
record LocalObject(TSNode literal, List<TSNode> assigned) {
  private static final Set<String> FUNCTIONS = Set.of("function_declaration",
      "function_expression", "function", "arrow_function", "method_definition",
      "generator_function_declaration", "generator_function");

  /** The object {@code name} holds where {@code use} stands, or null when it is not known. */
  static LocalObject of(SyntaxNodes nodes, TSNode use, String name) {
    TSNode fn = use;
    while (SyntaxNodes.present(fn) && !FUNCTIONS.contains(TreeCalls.type(fn))) {
      fn = TreeCalls.parent(fn);
    }
    TSNode body = SyntaxNodes.present(fn) ? SyntaxNodes.field(fn, "body") : null;
    if (body == null) {
      return null;
    }
    List<TSNode> declared = new ArrayList<>();
    List<TSNode> assigned = new ArrayList<>();
    collect(nodes, body, name, declared, assigned);
    if (declared.size() != 1) {
      return null;
    }
    TSNode value = SyntaxNodes.field(declared.get(0), "value");
    if (value == null || !TreeCalls.type(value).equals("object")
        || declared.get(0).getStartByte() > TreeCalls.start(use)) {
      return null;
    }
    assigned.removeIf(f -> TreeCalls.start(f) > TreeCalls.start(use));
    return new LocalObject(value, assigned);
  }

  private static void collect(SyntaxNodes nodes, TSNode node, String name,
      List<TSNode> declared, List<TSNode> assigned) {
    for (TSNode c : SyntaxNodes.children(node)) {
      String type = TreeCalls.type(c);
      if (FUNCTIONS.contains(type)) {
        continue;
      }
      if (type.equals("variable_declarator")) {
        TSNode n = SyntaxNodes.field(c, "name");
        if (n != null && nodes.text(n).equals(name)) {
          declared.add(c);
        }
      } else if (type.equals("assignment_expression")) {
        TSNode left = SyntaxNodes.field(c, "left");
        TSNode object = left == null || !TreeCalls.type(left).equals("member_expression") ? null
            : SyntaxNodes.field(left, "object");
        TSNode property = left == null ? null : SyntaxNodes.field(left, "property");
        if (object != null && property != null && TreeCalls.type(object).equals("identifier")
            && nodes.text(object).equals(name)) {
          assigned.add(property);
        } else if (left != null && TreeCalls.type(left).equals("identifier")
            && nodes.text(left).equals(name)) {
          // where = other: the variable holds another object, which is not known.
          declared.add(c);
        }
      }
      collect(nodes, c, name, declared, assigned);
    }
  }
}
