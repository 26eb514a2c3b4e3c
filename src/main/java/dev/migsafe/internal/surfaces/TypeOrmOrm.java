package dev.migsafe.internal.surfaces;

import java.util.List;

/**
 * TypeORM: the entities of TypeScript and JavaScript files ({@link TypeOrmEntities}) and their
 * uses through repositories, query builders and typed instances ({@link TypeOrmUses}).
 */
final class TypeOrmOrm implements ScriptOrm {
  @Override
  public Orm orm() {
    return Orm.TYPEORM;
  }

  @Override
  public List<OrmModel> mappings(String path, SourceLanguage language, String text) {
    return TypeOrmEntities.read(path, language, text);
  }

  @Override
  public boolean mayUse(SourceLanguage language, String text, OrmModel model) {
    return ScriptOrm.isScript(language) && CodeWords.contains(text, model.name());
  }

  @Override
  public List<OrmUse> uses(ScriptFile file, OrmModel model) {
    return TypeOrmUses.of(file, model);
  }
}
