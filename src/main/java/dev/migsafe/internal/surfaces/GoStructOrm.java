package dev.migsafe.internal.surfaces;

import java.util.List;

/**
 * Go structs mapped by their tags: gorm models ({@code gorm:} tags, {@code gorm.Model}) and
 * sqlx or sqlc rows ({@code db:} tags), and their uses in Go code.
 */
final class GoStructOrm implements OrmRecogniser {
  @Override
  public Orm orm() {
    return Orm.GO_STRUCT_TAGS;
  }

  @Override
  public boolean readsMappings(String path, SourceLanguage language) {
    return language == SourceLanguage.GO;
  }

  @Override
  public List<OrmModel> mappings(String path, SourceLanguage language, String text) {
    // Most Go files declare no tagged struct: parse only those that may.
    if (!text.contains("db:\"") && !text.contains("gorm:\"") && !text.contains("gorm.Model")) {
      return List.of();
    }
    return GoStructs.read(path, text);
  }

  @Override
  public boolean mayUse(SourceLanguage language, String text, OrmModel model) {
    return language == SourceLanguage.GO && text.contains(model.name());
  }

  /** A struct's uses depend on its package too: {@code users.User} is not {@code posts.User}. */
  @Override
  public Object useKey(OrmModel model) {
    return List.of(model.placeless(), GoFieldUses.folder(model.path()));
  }

  @Override
  public List<OrmUse> uses(String path, SourceLanguage language, String text,
      List<OrmModel> models) {
    return language == SourceLanguage.GO ? GoFieldUses.of(path, text, models) : List.of();
  }
}
