package dev.migsafe.internal.surfaces;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.treesitter.TSNode;

/**
 * The SQLAlchemy mappings of a Python file:
 *
 * <ul>
 *   <li>declarative classes: the table of {@code __tablename__}, else, for a Flask-SQLAlchemy
 *       model ({@code db.Model}), the class name in snake case, for a SQLModel {@code table=True}
 *       class, the class name in lower case; each column attribute's column: the name given to
 *       {@code Column("name", ...)} or {@code mapped_column("name", ...)}, else the attribute's
 *       name; a bare annotation {@code x: Mapped[int]} (and any annotated field of a SQLModel
 *       table) is a column too; {@code relationship()} and {@code WriteOnlyMapped} hold none;
 *   <li>Core tables, {@code followers = Table("followers", metadata, Column("follower_id",
 *       ...))}, named by their variable.
 * </ul>
 *
 * Classes marked {@code __abstract__}, mixins and single-table subclasses without a table of
 * their own are not read.
 */
final class SqlAlchemyModels {
  private static final Set<String> COLUMNS = Set.of("Column", "mapped_column");
  private static final Set<String> NOT_COLUMNS = Set.of("WriteOnlyMapped", "DynamicMapped",
      "ClassVar");

  private SqlAlchemyModels() {}

  static List<OrmModel> read(String path, String text) {
    if (!text.contains("__tablename__") && !text.contains("Column(")
        && !text.contains("mapped_column") && !text.contains("Table(")
        && !text.contains("Mapped[") && !text.contains("table=True")) {
      return List.of();
    }
    SyntaxSource src = new SyntaxSource(SourceLanguage.PYTHON, text);
    List<OrmModel> out = new ArrayList<>();
    for (TSNode st : SyntaxSource.namedChildren(src.root())) {
      TSNode node = st.getType().equals("decorated_definition")
          ? SyntaxSource.field(st, "definition")
          : st.getType().equals("expression_statement") && st.getNamedChildCount() > 0
              ? st.getNamedChild(0) : st;
      OrmModel m = node == null ? null
          : node.getType().equals("class_definition") ? model(src, node, path)
          : node.getType().equals("assignment") ? coreTable(src, node, path) : null;
      if (m != null) {
        out.add(m);
      }
    }
    return out;
  }

  private static OrmModel model(SyntaxSource src, TSNode cls, String path) {
    TSNode abstractFlag = PythonNames.assigned(src, cls, "__abstract__");
    if (abstractFlag != null && src.text(abstractFlag).equals("True")) {
      return null;
    }
    String name = src.text(SyntaxSource.field(cls, "name"));
    boolean sqlModel = false;
    boolean flask = false;
    TSNode supers = SyntaxSource.field(cls, "superclasses");
    for (TSNode s : supers == null ? List.<TSNode>of() : SyntaxSource.namedChildren(supers)) {
      String t = src.text(s).replace(" ", "");
      sqlModel |= t.equals("table=True");
      flask |= t.equals("Model") || t.endsWith(".Model");
    }
    List<OrmModel.Field> fields = new ArrayList<>();
    for (TSNode st : PythonNames.statements(cls)) {
      OrmModel.Field f = st.getType().equals("assignment") ? field(src, st, path, sqlModel)
          : null;
      if (f != null) {
        fields.add(f);
      }
    }
    TSNode tableName = PythonNames.assigned(src, cls, "__tablename__");
    String table = tableName == null ? null : PythonNames.literal(src, tableName);
    if (table == null && sqlModel) {
      table = name.toLowerCase(Locale.ROOT);
    } else if (table == null && flask && !fields.isEmpty()) {
      table = PythonNames.snake(name);
    }
    return table == null ? null : new OrmModel(Orm.SQLALCHEMY, name, table, path,
        SyntaxSource.line(cls), src.column(cls), fields);
  }

  /** The column an attribute maps, or null for a relationship, a constant or a method. */
  private static OrmModel.Field field(SyntaxSource src, TSNode assignment, String path,
      boolean sqlModel) {
    TSNode left = SyntaxSource.field(assignment, "left");
    TSNode type = SyntaxSource.field(assignment, "type");
    TSNode right = SyntaxSource.field(assignment, "right");
    if (left == null || !left.getType().equals("identifier")
        || src.text(left).startsWith("__")) {
      return null;
    }
    String attr = src.text(left);
    String column = null;
    String typeText = type == null ? "" : src.text(type);
    boolean mappedType = typeText.contains("Mapped[")
        && NOT_COLUMNS.stream().noneMatch(typeText::contains);
    if (right != null && right.getType().equals("call")) {
      String fn = PythonNames.lastPart(src.text(SyntaxSource.field(right, "function")));
      TSNode args = SyntaxSource.field(right, "arguments");
      if (COLUMNS.contains(fn)) {
        TSNode first = args == null || args.getNamedChildCount() == 0 ? null
            : args.getNamedChild(0);
        String named = first == null ? null : PythonNames.literal(src, first);
        column = named != null ? named : attr;
      } else if (sqlModel && fn.equals("Field")) {
        column = attr;
      }
    } else if (right == null && (mappedType || sqlModel && type != null
        && NOT_COLUMNS.stream().noneMatch(typeText::contains))) {
      column = attr;
    }
    return column == null ? null
        : new OrmModel.Field(attr, column, path, SyntaxSource.line(left), src.column(left));
  }

  /** {@code followers = Table("followers", metadata, Column("follower_id", ...), ...)}. */
  private static OrmModel coreTable(SyntaxSource src, TSNode assignment, String path) {
    TSNode left = SyntaxSource.field(assignment, "left");
    TSNode right = SyntaxSource.field(assignment, "right");
    if (left == null || right == null || !left.getType().equals("identifier")
        || !right.getType().equals("call") || !PythonNames.lastPart(
            src.text(SyntaxSource.field(right, "function"))).equals("Table")) {
      return null;
    }
    List<TSNode> args = SyntaxSource.namedChildren(SyntaxSource.field(right, "arguments"));
    String table = args.isEmpty() ? null : PythonNames.literal(src, args.get(0));
    if (table == null) {
      return null;
    }
    List<OrmModel.Field> fields = new ArrayList<>();
    for (TSNode a : args) {
      TSNode fn = a.getType().equals("call") ? SyntaxSource.field(a, "function") : null;
      TSNode colArgs = fn == null ? null : SyntaxSource.field(a, "arguments");
      if (fn != null && colArgs != null && colArgs.getNamedChildCount() > 0
          && PythonNames.lastPart(src.text(fn)).equals("Column")) {
        String column = PythonNames.literal(src, colArgs.getNamedChild(0));
        if (column != null) {
          fields.add(new OrmModel.Field(column, column, path, SyntaxSource.line(a),
              src.column(a)));
        }
      }
    }
    return new OrmModel(Orm.SQLALCHEMY, src.text(left), table, path,
        SyntaxSource.line(assignment), src.column(assignment), fields);
  }
}
