package dev.migsafe.internal.surfaces;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.treesitter.TSNode;

/**
 * diesel's mappings in one Rust file: each {@code table!} (or {@code diesel::table!}) macro of
 * a {@code schema.rs}, a model named after its table module ({@code users}) with one field per
 * column ({@code #[sql_name = "..."]} naming the SQL table or column when it differs), and each
 * struct with {@code #[diesel(table_name = users)]} (also inside {@code cfg_attr}, or diesel
 * 1's {@code #[table_name = "users"]}), a model named after the struct whose fields are columns
 * by name or {@code #[diesel(column_name = ...)]}. A struct's table and columns are its
 * module's names until {@link DieselOrm#link} joins them to the schema.
 */
final class DieselSchema {
  private final String path;
  private final ParsedSource source;
  private final List<OrmModel> out = new ArrayList<>();

  private DieselSchema(String path, String text) {
    this.path = path;
    this.source = new ParsedSource(SourceLanguage.RUST, text);
  }

  static List<OrmModel> read(String path, String text) {
    DieselSchema s = new DieselSchema(path, text);
    s.walk(s.source.root);
    return s.out;
  }

  /** A table module's name is snake case; a struct's is not. */
  static boolean isTableModule(OrmModel model) {
    return Character.isLowerCase(model.name().charAt(0));
  }

  private void walk(TSNode node) {
    if (node.getType().equals("macro_invocation")) {
      TSNode macro = ParsedSource.field(node, "macro");
      String name = macro == null ? "" : source.text(macro);
      if (name.equals("table") || name.equals("diesel::table")) {
        for (int i = 0; i < node.getNamedChildCount(); i++) {
          if (node.getNamedChild(i).getType().equals("token_tree")) {
            tables(node.getNamedChild(i));
          }
        }
      }
      return;
    }
    if (node.getType().equals("struct_item")) {
      struct(node);
      return;
    }
    for (int i = 0; i < node.getNamedChildCount(); i++) {
      walk(node.getNamedChild(i));
    }
  }

  /**
   * The tables of one {@code table!} body: {@code [#[sql_name = "t"]] name (key) { columns }},
   * after any {@code use ...;}.
   */
  private void tables(TSNode body) {
    String sqlName = null;
    TSNode name = null;
    for (int i = 0; i < body.getChildCount(); i++) {
      TSNode t = body.getChild(i);
      switch (t.getType()) {
        case "use" -> {
          while (i < body.getChildCount() && !body.getChild(i).getType().equals(";")) {
            i++;
          }
        }
        case "token_tree" -> {
          String open = source.text(t.getChild(0));
          if (open.equals("[")) {
            String value = attribute(t, "sql_name");
            sqlName = value != null ? value : sqlName;
          } else if (open.equals("{") && name != null) {
            String table = fold(sqlName != null ? sqlName : source.text(name));
            out.add(new OrmModel(Orm.DIESEL, source.text(name), table, path,
                ParsedSource.line(name), source.column(name), columns(t)));
            name = null;
            sqlName = null;
          }
        }
        case "identifier" -> name = t;
        default -> { }
      }
    }
  }

  /** {@code [#[sql_name = "c"]] name -> Type,} */
  private List<OrmModel.Field> columns(TSNode block) {
    List<OrmModel.Field> fields = new ArrayList<>();
    String sqlName = null;
    for (int i = 0; i < block.getChildCount(); i++) {
      TSNode t = block.getChild(i);
      if (t.getType().equals("token_tree") && source.text(t.getChild(0)).equals("[")) {
        String value = attribute(t, "sql_name");
        sqlName = value != null ? value : sqlName;
      } else if (t.getType().equals("identifier") && i + 1 < block.getChildCount()
          && block.getChild(i + 1).getType().equals("->")) {
        fields.add(new OrmModel.Field(source.text(t),
            fold(sqlName != null ? sqlName : source.text(t)), path, ParsedSource.line(t),
            source.column(t)));
        sqlName = null;
        // Skip the type: its tokens up to the next comma at this level.
        while (i + 1 < block.getChildCount() && !block.getChild(i + 1).getType().equals(",")) {
          i++;
        }
      }
    }
    return fields;
  }

  private void struct(TSNode item) {
    String module = null;
    for (TSNode a = item.getPrevNamedSibling(); a != null && !a.isNull()
        && (a.getType().equals("attribute_item") || a.getType().endsWith("_comment"));
        a = a.getPrevNamedSibling()) {
      String value = a.getType().equals("attribute_item") ? attribute(a, "table_name") : null;
      module = value != null ? value : module;
    }
    TSNode name = ParsedSource.field(item, "name");
    TSNode body = ParsedSource.field(item, "body");
    if (module == null || name == null || body == null
        || !body.getType().equals("field_declaration_list")) {
      return;
    }
    List<OrmModel.Field> fields = new ArrayList<>();
    String columnName = null;
    boolean embedded = false;
    for (int i = 0; i < body.getNamedChildCount(); i++) {
      TSNode c = body.getNamedChild(i);
      if (c.getType().equals("attribute_item")) {
        String value = attribute(c, "column_name");
        columnName = value != null ? value : columnName;
        embedded |= hasToken(c, "embed");
      } else if (c.getType().equals("field_declaration")) {
        TSNode field = ParsedSource.field(c, "name");
        if (field != null && !embedded) {
          fields.add(new OrmModel.Field(source.text(field),
              fold(columnName != null ? columnName : source.text(field)), path,
              ParsedSource.line(field), source.column(field)));
        }
        columnName = null;
        embedded = false;
      }
    }
    out.add(new OrmModel(Orm.DIESEL, source.text(name), fold(module), path,
        ParsedSource.line(name), source.column(name), fields));
  }

  /**
   * The value of {@code key = value} anywhere in an attribute's tokens: a string's content,
   * or the last segment of a path ({@code crate::schema::users} is {@code users}); else null.
   */
  private String attribute(TSNode attribute, String key) {
    List<TSNode> tokens = new ArrayList<>();
    leaves(attribute, tokens);
    for (int i = 0; i + 2 < tokens.size(); i++) {
      if (source.text(tokens.get(i)).equals(key) && source.text(tokens.get(i + 1)).equals("=")) {
        TSNode value = tokens.get(i + 2);
        if (value.getType().equals("string_content")) {
          return source.text(value);
        }
        if (value.getType().equals("\"") && i + 3 < tokens.size()) {
          return source.text(tokens.get(i + 3));
        }
        String last = source.text(value);
        for (int j = i + 3; j + 1 < tokens.size() && source.text(tokens.get(j)).equals("::");
            j += 2) {
          last = source.text(tokens.get(j + 1));
        }
        return last;
      }
    }
    return null;
  }

  private boolean hasToken(TSNode attribute, String word) {
    List<TSNode> tokens = new ArrayList<>();
    leaves(attribute, tokens);
    return tokens.stream().anyMatch(t -> source.text(t).equals(word));
  }

  private static void leaves(TSNode node, List<TSNode> out) {
    if (node.getChildCount() == 0) {
      out.add(node);
      return;
    }
    for (int i = 0; i < node.getChildCount(); i++) {
      leaves(node.getChild(i), out);
    }
  }

  private static String fold(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
