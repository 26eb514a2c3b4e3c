package dev.migsafe.internal.surfaces;

import dev.migsafe.api.Surface.Access;
import dev.migsafe.api.Surface.Certainty;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.treesitter.TSNode;

/**
 * Uses of SQLAlchemy mappings in Python, found through the mapping, not the word:
 *
 * <ul>
 *   <li>{@code User.email} (in {@code select(...)}, {@code where(...)}, {@code filter(...)},
 *       {@code order_by(...)}) reads the column; as a key of {@code values({...})} or
 *       {@code update({...})} it writes it; a Core table's {@code followers.c.follower_id}
 *       likewise;
 *   <li>{@code session.query(User)}, {@code select(User)}, {@code session.get(User, id)},
 *       {@code insert(User)}, {@code update(User)}, {@code delete(User)}, {@code User.query}
 *       and a Core table's {@code insert()}, ... use the table; {@code filter_by(email=...)}
 *       after {@code query(User)} or {@code select(User)} reads the column ({@code LIKELY}:
 *       after a join it filters the joined entity), {@code values(email=...)} after
 *       {@code insert(User)} or {@code update(User)} writes it;
 *   <li>{@code User(email=...)} writes the columns it names;
 *   <li>{@code self.email} in the class, {@code user.email} on a variable named after the
 *       model ({@link PythonAttributes}).
 * </ul>
 */
final class SqlAlchemyUses {
  /** Calls whose model arguments are a use of the model's table, and whether they write. */
  private static final Set<String> READ_CALLS = Set.of("query", "select", "get", "get_or_404",
      "scalars", "exists");
  private static final Set<String> WRITE_CALLS = Set.of("insert", "update", "delete");
  private static final Set<String> CORE_METHODS = Set.of("select", "insert", "update",
      "delete");

  private final SyntaxSource src;
  private final List<OrmModel> models;
  private final List<OrmUse> out = new ArrayList<>();

  private SqlAlchemyUses(SyntaxSource src, List<OrmModel> models) {
    this.src = src;
    this.models = models;
  }

  static List<OrmUse> of(String text, List<OrmModel> models) {
    SqlAlchemyUses u = new SqlAlchemyUses(new SyntaxSource(SourceLanguage.PYTHON, text),
        models);
    u.walk(u.src.root(), null);
    return u.out;
  }

  private void walk(TSNode node, OrmModel inClass) {
    OrmModel here = inClass;
    switch (node.getType()) {
      case "class_definition" -> here = named(src.text(SyntaxSource.field(node, "name")));
      case "call" -> call(node);
      case "attribute" -> attribute(node, here);
      default -> { }
    }
    for (TSNode c : SyntaxSource.namedChildren(node)) {
      walk(c, here);
    }
  }

  private void attribute(TSNode attr, OrmModel inClass) {
    TSNode object = SyntaxSource.field(attr, "object");
    String name = src.text(SyntaxSource.field(attr, "attribute"));
    OrmModel m = null;
    if (object == null) {
      return;
    }
    if (object.getType().equals("identifier")) {
      m = named(src.text(object));
      if (m != null && name.equals("query")) {
        // Flask-SQLAlchemy's User.query.
        add(m, null, attr, Access.READ, Certainty.CERTAIN);
        return;
      }
    } else if (object.getType().equals("attribute")) {
      // followers.c.follower_id
      TSNode table = SyntaxSource.field(object, "object");
      String c = src.text(SyntaxSource.field(object, "attribute"));
      if (table != null && table.getType().equals("identifier")
          && (c.equals("c") || c.equals("columns"))) {
        m = named(src.text(table));
      }
    }
    OrmModel.Field f = m == null ? null : m.field(name);
    if (f != null) {
      add(m, f.columnName(), attr, isWrittenKey(attr) ? Access.WRITE : Access.READ,
          Certainty.CERTAIN);
      return;
    }
    OrmUse u = PythonAttributes.of(src, attr, inClass, models);
    if (u != null) {
      out.add(u);
    }
  }

  /** The key of a dictionary given to {@code values(...)} or {@code update(...)}. */
  private boolean isWrittenKey(TSNode attr) {
    TSNode pair = attr.getParent();
    TSNode key = pair == null || pair.isNull() || !pair.getType().equals("pair") ? null
        : SyntaxSource.field(pair, "key");
    if (key == null || key.getStartByte() != attr.getStartByte()) {
      return false;
    }
    for (TSNode n = pair.getParent(); n != null && !n.isNull(); n = n.getParent()) {
      if (n.getType().equals("call")) {
        String fn = PythonNames.lastPart(src.text(SyntaxSource.field(n, "function")));
        return fn.equals("values") || fn.equals("update");
      }
    }
    return false;
  }

  private void call(TSNode call) {
    TSNode fn = SyntaxSource.field(call, "function");
    TSNode args = SyntaxSource.field(call, "arguments");
    if (fn == null || args == null || !args.getType().equals("argument_list")) {
      return;
    }
    String fnText = src.text(fn);
    String method = PythonNames.lastPart(fnText);
    if (fn.getType().equals("identifier") && named(fnText) != null) {
      // User(username=...): a new row.
      OrmModel m = named(fnText);
      add(m, null, call, Access.WRITE, Certainty.CERTAIN);
      keywords(m, args, Access.WRITE, Certainty.CERTAIN);
      return;
    }
    if (READ_CALLS.contains(method) || WRITE_CALLS.contains(method)) {
      Access access = WRITE_CALLS.contains(method) ? Access.WRITE : Access.READ;
      for (TSNode a : SyntaxSource.namedChildren(args)) {
        OrmModel m = a.getType().equals("identifier") ? named(src.text(a)) : null;
        if (m != null) {
          add(m, null, a, access, Certainty.CERTAIN);
        }
      }
    }
    if (fn.getType().equals("attribute") && CORE_METHODS.contains(method)) {
      TSNode object = SyntaxSource.field(fn, "object");
      OrmModel table = object != null && object.getType().equals("identifier")
          ? named(src.text(object)) : null;
      if (table != null && table.field(method) == null) {
        add(table, null, call, method.equals("select") ? Access.READ : Access.WRITE,
            Certainty.CERTAIN);
      }
    }
    if (fn.getType().equals("attribute") && (method.equals("filter_by")
        || method.equals("values"))) {
      TSNode root = root(SyntaxSource.field(fn, "object"));
      String rootCall = root == null ? "" : PythonNames.lastPart(src.text(
          SyntaxSource.field(root, "function")));
      OrmModel m = root == null ? null : firstModel(SyntaxSource.field(root, "arguments"));
      if (m != null && method.equals("filter_by")
          && (rootCall.equals("query") || rootCall.equals("select"))) {
        keywords(m, args, Access.READ, Certainty.LIKELY);
      } else if (m != null && method.equals("values") && WRITE_CALLS.contains(rootCall)) {
        keywords(m, args, Access.WRITE, Certainty.CERTAIN);
      }
    }
  }

  /** The first call of a chain: {@code query(User)} of {@code query(User).filter(...)}. */
  private TSNode root(TSNode node) {
    TSNode root = null;
    for (TSNode n = node; n != null && n.getType().equals("call"); ) {
      root = n;
      TSNode fn = SyntaxSource.field(n, "function");
      n = fn != null && fn.getType().equals("attribute") ? SyntaxSource.field(fn, "object")
          : null;
    }
    return root;
  }

  private OrmModel firstModel(TSNode args) {
    if (args == null || args.getNamedChildCount() == 0) {
      return null;
    }
    TSNode first = args.getNamedChild(0);
    return first.getType().equals("identifier") ? named(src.text(first)) : null;
  }

  private void keywords(OrmModel m, TSNode args, Access access, Certainty certainty) {
    for (TSNode a : SyntaxSource.namedChildren(args)) {
      if (a.getType().equals("keyword_argument")) {
        TSNode name = SyntaxSource.field(a, "name");
        OrmModel.Field f = m.field(src.text(name));
        if (f != null) {
          add(m, f.columnName(), name, access, certainty);
        }
      }
    }
  }

  private void add(OrmModel m, String column, TSNode at, Access access, Certainty certainty) {
    out.add(new OrmUse(m, column, SyntaxSource.line(at), src.column(at), access, certainty));
  }


  private OrmModel named(String className) {
    return ModelNames.byClass(models, className);
  }
}
