package dev.migsafe.internal.surfaces;

import dev.migsafe.api.Surface.Access;
import dev.migsafe.api.Surface.Certainty;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.treesitter.TSNode;

/**
 * What the TypeScript and JavaScript ORM readers share: the model, the file's nodes, objects
 * and declared types, and the uses found, with the ways a use is read off an argument (the
 * keys of an object, the strings of an array) and off an instance ({@code article.title}).
 */
abstract class ScriptModelUses {
  final ScriptFile file;
  final SyntaxNodes nodes;
  final ScriptObjects objects;
  final OrmModel model;
  final List<OrmUse> out = new ArrayList<>();

  ScriptModelUses(ScriptFile file, OrmModel model) {
    this.file = file;
    this.nodes = file.nodes;
    this.objects = file.objects;
    this.model = model;
  }

  /**
   * Reads each call of one of the methods (in a subclass) and each access to a field of the
   * model (here). They are found from where their names stand in the text, each name's node
   * looked up in the tree: a file has thousands of calls and property accesses, and visiting
   * each from Java costs several times the parse.
   */
  void walk(Set<String> methods) {
    String source = file.source;
    Set<String> names = new HashSet<>(methods);
    model.fields().forEach(f -> names.add(f.name()));
    Set<Integer> seen = new HashSet<>();
    for (String name : names) {
      for (TSNode node : nodes.at(source, file.root, name, at -> afterDot(source, at))) {
        TSNode member = TreeCalls.parent(node);
        if (!SyntaxNodes.present(member) || !TreeCalls.type(member).equals("member_expression")
            || !seen.add(TreeCalls.start(member) * 31 + TreeCalls.end(member))) {
          continue;
        }
        TSNode parent = TreeCalls.parent(member);
        ScriptObjects.MemberCall c = SyntaxNodes.present(parent) ? objects.memberCall(parent)
            : null;
        if (c != null && c.methodNode().equals(node)) {
          if (methods.contains(name)) {
            call(c);
          }
        } else {
          property(member);
        }
      }
    }
  }

  /**
   * Whether a dot stands before the name, spaces and line breaks aside ({@code share.views},
   * {@code share?.views}, a chained {@code .findAll} on a line of its own): a member's
   * property always has one. Most occurrences of a method's or field's name are something
   * else ({@code const update = ...}), and the text says so without asking the tree.
   */
  static boolean afterDot(String source, int at) {
    int i = at - 1;
    while (i >= 0 && Character.isWhitespace(source.charAt(i))) {
      i--;
    }
    return i >= 0 && source.charAt(i) == '.';
  }

  abstract void call(ScriptObjects.MemberCall call);

  ScriptTypes types() {
    return file.types();
  }

  /**
   * How sure a receiver is an instance of the model (not {@code this}, never the model
   * class), or null when it is not known to be one.
   */
  abstract Certainty instance(TSNode receiver);

  /** {@code article.title} on an instance of the model; written when assigned. */
  private void property(TSNode member) {
    // The property's name first: most member accesses of a file name no field of the model.
    TSNode property = SyntaxNodes.field(member, "property");
    OrmModel.Field f = property == null ? null : model.field(nodes.text(property));
    if (f == null) {
      return;
    }
    TSNode parent = TreeCalls.parent(member);
    TSNode object = SyntaxNodes.field(member, "object");
    if (object == null || TreeCalls.type(object).equals("this")
        || parent != null && TreeCalls.type(parent).equals("call_expression")
        && member.equals(SyntaxNodes.field(parent, "function"))) {
      return;
    }
    Certainty c = instance(object);
    if (c != null) {
      out.add(use(f.columnName(), property,
          ScriptAssignments.isWritten(member) ? Access.WRITE : Access.READ, c));
    }
  }

  @SafeVarargs
  static Set<String> union(Set<String>... sets) {
    Set<String> all = new HashSet<>();
    for (Set<String> s : sets) {
      all.addAll(s);
    }
    return Set.copyOf(all);
  }

  /** Each key of an object that names a field. */
  void keys(TSNode object, Access access, Certainty certainty) {
    for (ScriptObjects.Entry e : objects.entries(object)) {
      OrmModel.Field f = model.field(e.key());
      if (f != null) {
        out.add(use(f.columnName(), e.at(), access, certainty));
      }
    }
  }

  /** Each string (of an array) that names a field. */
  void strings(TSNode value, Access access, Certainty certainty) {
    for (ScriptObjects.Entry e : objects.strings(value)) {
      OrmModel.Field f = model.field(e.key());
      if (f != null) {
        out.add(use(f.columnName(), e.at(), access, certainty));
      }
    }
  }

  /** {@code Article} itself. */
  boolean isModel(TSNode node) {
    return TreeCalls.type(node).equals("identifier") && nodes.text(node).equals(model.name());
  }

  OrmUse use(String columnName, TSNode at, Access access, Certainty certainty) {
    return new OrmUse(model, columnName, SyntaxNodes.line(at), nodes.column(at), access,
        certainty);
  }
}
