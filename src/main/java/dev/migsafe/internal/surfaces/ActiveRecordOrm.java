package dev.migsafe.internal.surfaces;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rails ActiveRecord: the models under {@code app/models} and the columns of their tables in
 * {@code db/schema.rb}, joined by table; their uses in Ruby ({@link ActiveRecordUses}).
 */
final class ActiveRecordOrm implements OrmRecogniser {
  @Override
  public Orm orm() {
    return Orm.ACTIVE_RECORD;
  }

  @Override
  public boolean readsMappings(String path, SourceLanguage language) {
    return language == SourceLanguage.RUBY
        && (RailsSchema.isSchema(path) || path.startsWith("app/models/")
            || path.contains("/app/models/"));
  }

  @Override
  public List<OrmModel> mappings(String path, SourceLanguage language, String text) {
    return RailsSchema.isSchema(path) ? RailsSchema.read(path, text)
        : RailsModels.read(path, text);
  }

  /**
   * Each model with its table's columns from the schema, less those it ignores, plus its
   * aliases. A column in {@code ignored_columns} is not the model's: Rails neither reads nor
   * writes it, which is how a team makes a column safe to drop, so it is no surface. A table
   * of the schema that no model maps is not an ORM mapping and is left out.
   */
  @Override
  public List<OrmModel> link(List<OrmModel> declared) {
    Map<String, OrmModel> tables = new HashMap<>();
    for (OrmModel m : declared) {
      if (RailsSchema.isSchema(m.path())) {
        tables.putIfAbsent(m.table(), m);
      }
    }
    List<OrmModel> out = new ArrayList<>();
    for (OrmModel m : declared) {
      if (RailsSchema.isSchema(m.path())) {
        continue;
      }
      Set<String> ignored = new HashSet<>();
      for (OrmModel.Field f : m.fields()) {
        if (f.name().equals(RailsModels.IGNORED)) {
          ignored.add(f.columnName());
        }
      }
      List<OrmModel.Field> fields = new ArrayList<>();
      OrmModel table = tables.get(m.table());
      for (OrmModel.Field f : table == null ? List.<OrmModel.Field>of() : table.fields()) {
        if (!ignored.contains(f.columnName())) {
          fields.add(f);
        }
      }
      for (OrmModel.Field f : m.fields()) {
        if (!f.name().equals(RailsModels.IGNORED) && !ignored.contains(f.columnName())) {
          fields.add(f);
        }
      }
      out.add(new OrmModel(m.orm(), m.name(), m.table(), m.path(), m.line(), m.column(),
          fields));
    }
    return out;
  }

  @Override
  public boolean mayUse(SourceLanguage language, String text, OrmModel model) {
    // The class, or a variable or association named after it (article, @articles).
    return language == SourceLanguage.RUBY && ModelNames.mentioned(text, model);
  }

  @Override
  public boolean mayUse(SourceLanguage language, String text, OrmModel model,
      List<SurfaceTarget> targets) {
    // A counter cache writes the parent's <children>_count without spelling it.
    return OrmRecogniser.super.mayUse(language, text, model, targets)
        || text.contains("counter_cache") && mayUse(language, text, model);
  }

  @Override
  public List<OrmUse> uses(String path, SourceLanguage language, String text,
      List<OrmModel> models) {
    return language == SourceLanguage.RUBY ? ActiveRecordUses.of(text, models) : List.of();
  }
}
