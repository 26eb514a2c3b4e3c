package dev.migsafe.internal.surfaces;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * diesel: the {@code table!} schema and the structs derived for its tables, and the query DSL
 * and struct literals that use them in Rust.
 */
final class DieselOrm implements OrmRecogniser {
  @Override
  public Orm orm() {
    return Orm.DIESEL;
  }

  @Override
  public boolean readsMappings(String path, SourceLanguage language) {
    return language == SourceLanguage.RUST;
  }

  @Override
  public List<OrmModel> mappings(String path, SourceLanguage language, String text) {
    if (!text.contains("table!") && !text.contains("table_name")) {
      return List.of();
    }
    return DieselSchema.read(path, text);
  }

  /**
   * A struct's table and columns are its module's, in SQL as the schema names them; a field
   * the schema does not list (computed, or of another table) maps no column. A struct whose
   * module no schema declares keeps the module's names.
   */
  @Override
  public List<OrmModel> link(List<OrmModel> declared) {
    Map<String, OrmModel> modules = new HashMap<>();
    for (OrmModel m : declared) {
      if (DieselSchema.isTableModule(m)) {
        modules.put(m.name(), m);
      }
    }
    List<OrmModel> out = new ArrayList<>();
    for (OrmModel m : declared) {
      OrmModel module = modules.get(m.table());
      if (DieselSchema.isTableModule(m) || module == null) {
        out.add(m);
        continue;
      }
      List<OrmModel.Field> fields = new ArrayList<>();
      for (OrmModel.Field f : m.fields()) {
        OrmModel.Field column = module.field(f.columnName());
        if (column != null) {
          fields.add(new OrmModel.Field(f.name(), column.columnName(), f.path(), f.line(),
              f.column()));
        }
      }
      out.add(new OrmModel(m.orm(), m.name(), module.table(), m.path(), m.line(), m.column(),
          fields));
    }
    return out;
  }

  /**
   * A table's module is reached through a path or an import, both of which write
   * {@code users::} ({@code users::email}, {@code schema::users::dsl::*}), or named by a
   * {@code joinable!}; a struct is named as a word.
   */
  @Override
  public boolean mayUse(SourceLanguage language, String text, OrmModel model) {
    if (language != SourceLanguage.RUST) {
      return false;
    }
    if (DieselSchema.isTableModule(model)) {
      return text.contains(model.name() + "::")
          || (text.contains("joinable!") && hasWord(text, model.name()));
    }
    return hasWord(text, model.name());
  }

  /** Whether the word stands whole in the text, in its case (Rust names are). */
  private static boolean hasWord(String text, String word) {
    for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      if (SourceFile.isWordAt(text, at, at + word.length())) {
        return true;
      }
    }
    return false;
  }

  @Override
  public List<OrmUse> uses(String path, SourceLanguage language, String text,
      List<OrmModel> models) {
    return language == SourceLanguage.RUST ? DieselUses.of(text, models) : List.of();
  }
}
