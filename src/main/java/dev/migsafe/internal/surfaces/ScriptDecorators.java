package dev.migsafe.internal.surfaces;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.treesitter.TSNode;

/**
 * The decorators on a TypeScript or JavaScript class or field ({@code @Entity('article')},
 * {@code @Column({ name: 'fav' })}), as TypeORM and sequelize-typescript declare their mapping.
 * A class's decorators may sit on its {@code export} statement.
 */
final class ScriptDecorators {
  /** One decorator: its name ({@code Column}) and its call's arguments (none when not called). */
  record Decorator(String name, List<TSNode> arguments) {}

  private ScriptDecorators() {}

  static List<Decorator> of(TSNode declaration, SyntaxNodes nodes) {
    List<Decorator> out = new ArrayList<>();
    add(declaration, nodes, out);
    TSNode parent = TreeCalls.parent(declaration);
    if (TreeCalls.type(declaration).contains("class") && SyntaxNodes.present(parent)
        && TreeCalls.type(parent).equals("export_statement")) {
      add(parent, nodes, out);
    }
    return out;
  }

  /** A field of a class body and the node naming it. */
  record ClassField(TSNode member, TSNode name) {}

  /** The fields of a class body (TypeScript's and JavaScript's node names). */
  static List<ClassField> fields(TSNode body) {
    List<ClassField> out = new ArrayList<>();
    for (TSNode member : SyntaxNodes.children(body, "public_field_definition",
        "field_definition")) {
      TSNode name = SyntaxNodes.field(member, "name");
      if (name == null) {
        name = SyntaxNodes.field(member, "property");
      }
      if (name != null) {
        out.add(new ClassField(member, name));
      }
    }
    return out;
  }

  private static void add(TSNode node, SyntaxNodes nodes, List<Decorator> out) {
    for (TSNode d : SyntaxNodes.children(node, "decorator")) {
      if (TreeCalls.namedChildCount(d) == 0) {
        continue;
      }
      TSNode e = TreeCalls.namedChild(d, 0);
      if (TreeCalls.type(e).equals("call_expression")) {
        TSNode fn = SyntaxNodes.field(e, "function");
        out.add(new Decorator(fn == null ? "" : lastName(nodes.text(fn)),
            ScriptObjects.arguments(e)));
      } else {
        out.add(new Decorator(lastName(nodes.text(e)), List.of()));
      }
    }
  }

  private static String lastName(String expression) {
    return expression.substring(expression.lastIndexOf('.') + 1);
  }

  /** The decorator of one of the names, or null. */
  static Decorator find(List<Decorator> decorators, Set<String> names) {
    for (Decorator d : decorators) {
      if (names.contains(d.name())) {
        return d;
      }
    }
    return null;
  }

  /**
   * A name given to a decorator: its first string argument, else the {@code key} of its first
   * object argument that has it; null if neither.
   */
  static String name(Decorator d, String key, SyntaxNodes nodes, ScriptObjects objects,
      boolean firstString) {
    for (TSNode a : d.arguments()) {
      if (firstString && TreeCalls.type(a).equals("string")) {
        return nodes.stringValue(a);
      }
      ScriptObjects.Entry e = objects.entry(a, key);
      if (e != null && e.value() != null && e.value().getType().equals("string")) {
        return nodes.stringValue(e.value());
      }
    }
    return null;
  }
}
