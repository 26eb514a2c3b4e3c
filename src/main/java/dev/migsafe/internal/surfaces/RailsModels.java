package dev.migsafe.internal.surfaces;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.treesitter.TSNode;

/**
 * The ActiveRecord models of a Ruby file: each {@code class User < ApplicationRecord} (or
 * {@code < ActiveRecord::Base}) that is not {@code self.abstract_class = true}, its table
 * ({@code self.table_name = "..."}, else Rails' name for the class), the columns it declares
 * ignored ({@code self.ignored_columns = [...]} or {@code +=}) and its {@code alias_attribute}s.
 * The model's columns are not here: Rails reads them from the database, and {@link
 * ActiveRecordOrm#link} takes them from {@code db/schema.rb}.
 *
 * <p>Until then, the model's fields carry what the class says of its columns: an alias as
 * the field {@code new} of the column {@code old}, an ignored column as a field with an empty
 * name ({@link #IGNORED}).
 */
final class RailsModels {
  /** The field name that marks a column the model ignores, until {@code link}. */
  static final String IGNORED = "";

  private static final Set<String> BASES = Set.of("ApplicationRecord", "ActiveRecord::Base",
      "::ActiveRecord::Base");

  private RailsModels() {}

  static List<OrmModel> read(String path, String text) {
    if (!text.contains("Record")) {
      return List.of();
    }
    SyntaxSource src = new SyntaxSource(SourceLanguage.RUBY, text);
    List<OrmModel> out = new ArrayList<>();
    collect(src, src.root(), path, out);
    return out;
  }

  /** The class's name as code writes it: {@code User}, or {@code User} of {@code Admin::User}. */
  static String className(SyntaxSource src, TSNode classNode) {
    String name = src.text(SyntaxSource.field(classNode, "name"));
    return name.substring(name.lastIndexOf(':') + 1);
  }

  /** Whether a class declares an ActiveRecord model by its superclass. */
  static boolean isModelClass(SyntaxSource src, TSNode classNode) {
    TSNode sup = SyntaxSource.field(classNode, "superclass");
    return sup != null && sup.getNamedChildCount() > 0
        && BASES.contains(src.text(sup.getNamedChild(0)));
  }

  private static void collect(SyntaxSource src, TSNode node, String path, List<OrmModel> out) {
    if (node.getType().equals("class") && isModelClass(src, node)) {
      model(src, node, path, out);
    }
    for (TSNode c : SyntaxSource.namedChildren(node)) {
      collect(src, c, path, out);
    }
  }

  private static void model(SyntaxSource src, TSNode cls, String path, List<OrmModel> out) {
    String name = className(src, cls);
    String table = RailsInflection.tableOf(name);
    List<OrmModel.Field> fields = new ArrayList<>();
    TSNode body = SyntaxSource.field(cls, "body");
    for (TSNode st : body == null ? List.<TSNode>of() : SyntaxSource.namedChildren(body)) {
      String setting = selfSetting(src, st);
      TSNode right = SyntaxSource.field(st, "right");
      if ("abstract_class".equals(setting) && src.text(right).equals("true")) {
        return;
      }
      if ("table_name".equals(setting) && RubyNames.literal(src, right) != null) {
        table = RubyNames.literal(src, right);
      } else if ("ignored_columns".equals(setting)) {
        for (String c : RubyNames.array(src, right)) {
          fields.add(new OrmModel.Field(IGNORED, c, path, SyntaxSource.line(st),
              src.column(st)));
        }
      } else if (st.getType().equals("call") && SyntaxSource.field(st, "receiver") == null
          && src.text(SyntaxSource.field(st, "method")).equals("alias_attribute")) {
        List<TSNode> args = SyntaxSource.namedChildren(SyntaxSource.field(st, "arguments"));
        if (args.size() == 2 && RubyNames.literal(src, args.get(0)) != null
            && RubyNames.literal(src, args.get(1)) != null) {
          fields.add(new OrmModel.Field(RubyNames.literal(src, args.get(0)),
              RubyNames.literal(src, args.get(1)), path, SyntaxSource.line(st),
              src.column(st)));
        }
      }
    }
    out.add(new OrmModel(Orm.ACTIVE_RECORD, name, table, path, SyntaxSource.line(cls),
        src.column(cls), fields));
  }

  /** {@code x} of {@code self.x = ...} or {@code self.x += ...}, else null. */
  private static String selfSetting(SyntaxSource src, TSNode statement) {
    if (!statement.getType().equals("assignment")
        && !statement.getType().equals("operator_assignment")) {
      return null;
    }
    TSNode left = SyntaxSource.field(statement, "left");
    if (left == null || !left.getType().equals("call")) {
      return null;
    }
    TSNode receiver = SyntaxSource.field(left, "receiver");
    return receiver != null && receiver.getType().equals("self")
        ? src.text(SyntaxSource.field(left, "method")) : null;
  }
}
