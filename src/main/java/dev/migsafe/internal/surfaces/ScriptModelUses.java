package dev.migsafe.internal.surfaces;

import dev.migsafe.api.Surface.Access;
import dev.migsafe.api.Surface.Certainty;
import java.util.ArrayList;
import java.util.List;
import org.treesitter.TSNode;

/**
 * What the TypeScript and JavaScript ORM readers share: the model, the file's nodes, objects
 * and declared types, and the uses found, with the ways a use is read off an argument (the
 * keys of an object, the strings of an array) and off an instance ({@code article.title}).
 */
abstract class ScriptModelUses {
  final SyntaxNodes nodes;
  final ScriptObjects objects;
  final ScriptTypes types;
  final OrmModel model;
  final List<OrmUse> out = new ArrayList<>();

  ScriptModelUses(String source, TSNode root, OrmModel model) {
    this.nodes = new SyntaxNodes(source);
    this.objects = new ScriptObjects(nodes);
    this.types = new ScriptTypes(root, nodes);
    this.model = model;
  }

  /** Visits every node; a subclass reads calls, this reads property accesses. */
  void walk(TSNode node) {
    if (node.getType().equals("call_expression")) {
      ScriptObjects.MemberCall c = objects.memberCall(node);
      if (c != null) {
        call(c);
      }
    } else if (node.getType().equals("member_expression")) {
      property(node);
    }
    for (TSNode c : SyntaxNodes.children(node)) {
      walk(c);
    }
  }

  abstract void call(ScriptObjects.MemberCall call);

  /**
   * How sure a receiver is an instance of the model (not {@code this}, never the model
   * class), or null when it is not known to be one.
   */
  abstract Certainty instance(TSNode receiver);

  /** {@code article.title} on an instance of the model; written when assigned. */
  private void property(TSNode member) {
    TSNode parent = member.getParent();
    TSNode object = SyntaxNodes.field(member, "object");
    TSNode property = SyntaxNodes.field(member, "property");
    if (object == null || property == null || object.getType().equals("this")
        || parent != null && parent.getType().equals("call_expression")
        && member.equals(SyntaxNodes.field(parent, "function"))) {
      return;
    }
    OrmModel.Field f = model.field(nodes.text(property));
    Certainty c = f == null ? null : instance(object);
    if (c != null) {
      out.add(use(f.columnName(), property,
          ScriptAssignments.isWritten(member) ? Access.WRITE : Access.READ, c));
    }
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
    return node.getType().equals("identifier") && nodes.text(node).equals(model.name());
  }

  OrmUse use(String columnName, TSNode at, Access access, Certainty certainty) {
    return new OrmUse(model, columnName, SyntaxNodes.line(at), nodes.column(at), access,
        certainty);
  }
}
