package dev.migsafe.internal.surfaces;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.treesitter.TSNode;

/**
 * The Django models of a {@code models.py} (or of a {@code models/} package): each class with
 * fields ({@code name = models.CharField(...)}) or based on {@code models.Model}, not
 * {@code abstract}; its table ({@code Meta.db_table}, else {@code <app label>_<model name in
 * lower case>}, the app label being {@code Meta.app_label} or the app's folder); each field's
 * column ({@code db_column=}, else the field's name, {@code <name>_id} for a {@code
 * ForeignKey} or {@code OneToOneField}). A {@code ManyToManyField} holds no column of the
 * model's table.
 */
final class DjangoModels {
  private DjangoModels() {}

  static boolean isModelsFile(String path) {
    return !path.contains("/migrations/")
        && (path.equals("models.py") || path.endsWith("/models.py")
            || path.contains("/models/") || path.startsWith("models/"));
  }

  /** The app's folder: {@code articles} of {@code conduit/apps/articles/models.py}. */
  static String appLabel(String path) {
    int models = path.equals("models.py") || path.endsWith("/models.py")
        ? path.length() - "models.py".length() : path.lastIndexOf("models/");
    String app = path.substring(0, Math.max(0, models - 1));
    return app.substring(app.lastIndexOf('/') + 1);
  }

  static List<OrmModel> read(String path, String text) {
    if (!text.contains("models")) {
      return List.of();
    }
    SyntaxSource src = new SyntaxSource(SourceLanguage.PYTHON, text);
    List<OrmModel> out = new ArrayList<>();
    for (TSNode st : SyntaxSource.namedChildren(src.root())) {
      TSNode cls = st.getType().equals("decorated_definition")
          ? SyntaxSource.field(st, "definition") : st;
      if (cls != null && cls.getType().equals("class_definition")) {
        OrmModel m = model(src, cls, path);
        if (m != null) {
          out.add(m);
        }
      }
    }
    return out;
  }

  private static OrmModel model(SyntaxSource src, TSNode cls, String path) {
    String name = src.text(SyntaxSource.field(cls, "name"));
    TSNode meta = PythonNames.innerClass(src, cls, "Meta");
    if (meta != null && isTrue(src, PythonNames.assigned(src, meta, "abstract"))) {
      return null;
    }
    List<OrmModel.Field> fields = new ArrayList<>();
    for (TSNode st : PythonNames.statements(cls)) {
      TSNode left = st.getType().equals("assignment") ? SyntaxSource.field(st, "left") : null;
      TSNode right = left == null ? null : SyntaxSource.field(st, "right");
      if (left == null || right == null || !left.getType().equals("identifier")
          || !right.getType().equals("call")) {
        continue;
      }
      String kind = PythonNames.lastPart(src.text(SyntaxSource.field(right, "function")));
      if (kind.equals("ManyToManyField") || !isFieldClass(kind)) {
        continue;
      }
      String field = src.text(left);
      TSNode args = SyntaxSource.field(right, "arguments");
      TSNode dbColumn = PythonNames.keyword(src, args, "db_column");
      boolean relation = kind.equals("ForeignKey") || kind.equals("OneToOneField");
      String column = dbColumn != null && PythonNames.literal(src, dbColumn) != null
          ? PythonNames.literal(src, dbColumn) : relation ? field + "_id" : field;
      int line = SyntaxSource.line(left);
      int col = src.column(left);
      fields.add(new OrmModel.Field(field, column, path, line, col));
      if (relation) {
        // author_id is the attribute of the key itself: filter(author_id=...).
        fields.add(new OrmModel.Field(field + "_id", column, path, line, col));
      }
    }
    boolean basedOnModel = false;
    TSNode supers = SyntaxSource.field(cls, "superclasses");
    for (TSNode s : supers == null ? List.<TSNode>of() : SyntaxSource.namedChildren(supers)) {
      basedOnModel |= src.text(s).equals("models.Model");
    }
    if (fields.isEmpty() && !basedOnModel) {
      return null;
    }
    String label = appLabel(path);
    String table = label + "_" + name.toLowerCase(Locale.ROOT);
    if (meta != null) {
      String appLabel = literal(src, PythonNames.assigned(src, meta, "app_label"));
      String dbTable = literal(src, PythonNames.assigned(src, meta, "db_table"));
      table = dbTable != null ? dbTable
          : appLabel != null ? appLabel + "_" + name.toLowerCase(Locale.ROOT) : table;
    }
    return new OrmModel(Orm.DJANGO, name, table, path, SyntaxSource.line(cls), src.column(cls),
        fields);
  }

  /** Django's field classes: {@code CharField}, {@code ForeignKey}, {@code OneToOneField}. */
  private static boolean isFieldClass(String kind) {
    return kind.endsWith("Field") || kind.equals("ForeignKey");
  }

  private static boolean isTrue(SyntaxSource src, TSNode value) {
    return value != null && src.text(value).equals("True");
  }

  private static String literal(SyntaxSource src, TSNode value) {
    return value == null ? null : PythonNames.literal(src, value);
  }
}
