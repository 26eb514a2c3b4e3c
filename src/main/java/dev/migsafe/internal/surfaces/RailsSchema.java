package dev.migsafe.internal.surfaces;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.treesitter.TSNode;

/**
 * The tables of a Rails schema dump ({@code db/schema.rb}, or {@code db/NAME_schema.rb} of a
 * second database): each {@code create_table "users" do |t|} with its columns, {@code t.string
 * "email"}, {@code t.references "user"} ({@code user_id}, and {@code user_type} when
 * polymorphic) and {@code t.timestamps}. A table is an {@link OrmModel} named after the table;
 * {@link ActiveRecordOrm#link} gives its columns to the models that map it.
 */
final class RailsSchema {
  private static final Pattern SCHEMA_FILE = Pattern.compile("(^|.*/)db/(\\w+_)?schema\\.rb");
  /** The calls on the table in a {@code create_table} block that declare no column. */
  private static final Set<String> NOT_COLUMNS = Set.of("index", "check_constraint",
      "exclusion_constraint", "unique_constraint", "foreign_key");

  private RailsSchema() {}

  static boolean isSchema(String path) {
    return SCHEMA_FILE.matcher(path).matches();
  }

  static List<OrmModel> read(String path, String text) {
    if (!text.contains("create_table")) {
      return List.of();
    }
    SyntaxSource src = new SyntaxSource(SourceLanguage.RUBY, text);
    List<OrmModel> out = new ArrayList<>();
    collect(src, src.root(), path, out);
    return out;
  }

  private static void collect(SyntaxSource src, TSNode node, String path, List<OrmModel> out) {
    if (node.getType().equals("call") && isCreateTable(src, node)) {
      TSNode name = SyntaxSource.namedChildren(SyntaxSource.field(node, "arguments")).get(0);
      List<OrmModel.Field> fields = new ArrayList<>();
      TSNode block = SyntaxSource.field(node, "block");
      if (block != null) {
        columns(src, block, path, fields);
      }
      String table = RubyNames.literal(src, name);
      out.add(new OrmModel(Orm.ACTIVE_RECORD, table, table, path, SyntaxSource.line(node),
          src.column(node), fields));
      return;
    }
    for (TSNode c : SyntaxSource.namedChildren(node)) {
      collect(src, c, path, out);
    }
  }

  private static boolean isCreateTable(SyntaxSource src, TSNode call) {
    TSNode method = SyntaxSource.field(call, "method");
    TSNode args = SyntaxSource.field(call, "arguments");
    return method != null && src.text(method).equals("create_table") && args != null
        && args.getNamedChildCount() > 0
        && RubyNames.literal(src, args.getNamedChild(0)) != null;
  }

  private static void columns(SyntaxSource src, TSNode node, String path,
      List<OrmModel.Field> fields) {
    if (node.getType().equals("call") && SyntaxSource.field(node, "receiver") != null) {
      String method = src.text(SyntaxSource.field(node, "method"));
      TSNode args = SyntaxSource.field(node, "arguments");
      int line = SyntaxSource.line(node);
      int col = src.column(node);
      if (method.equals("timestamps")) {
        fields.add(new OrmModel.Field("created_at", "created_at", path, line, col));
        fields.add(new OrmModel.Field("updated_at", "updated_at", path, line, col));
      } else if (args != null && !NOT_COLUMNS.contains(method)) {
        for (TSNode a : SyntaxSource.namedChildren(args)) {
          String name = RubyNames.literal(src, a);
          if (name == null) {
            continue;
          }
          if (method.equals("references") || method.equals("belongs_to")) {
            fields.add(new OrmModel.Field(name + "_id", name + "_id", path, line, col));
            if (src.text(args).contains("polymorphic: true")) {
              fields.add(new OrmModel.Field(name + "_type", name + "_type", path, line, col));
            }
          } else {
            fields.add(new OrmModel.Field(name, name, path, line, col));
          }
        }
      }
      return;
    }
    for (TSNode c : SyntaxSource.namedChildren(node)) {
      columns(src, c, path, fields);
    }
  }
}
