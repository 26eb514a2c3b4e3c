package dev.migsafe.internal.surfaces;

import java.util.ArrayList;
import java.util.List;

/**
 * TypeORM: the entities of TypeScript and JavaScript files ({@link TypeOrmEntities}) and their
 * uses through repositories, query builders and typed instances ({@link TypeOrmUses}).
 */
final class TypeOrmOrm implements OrmRecogniser {
  @Override
  public Orm orm() {
    return Orm.TYPEORM;
  }

  @Override
  public boolean readsMappings(String path, SourceLanguage language) {
    return isScript(language);
  }

  @Override
  public List<OrmModel> mappings(String path, SourceLanguage language, String text) {
    return TypeOrmEntities.read(path, language, text);
  }

  @Override
  public boolean mayUse(SourceLanguage language, String text, OrmModel model) {
    return isScript(language) && CodeWords.contains(text, model.name());
  }

  @Override
  public List<OrmUse> uses(String path, SourceLanguage language, String text,
      List<OrmModel> models) {
    List<OrmUse> out = new ArrayList<>();
    for (OrmModel m : models) {
      out.addAll(TypeOrmUses.of(language, text, m));
    }
    return out;
  }

  static boolean isScript(SourceLanguage language) {
    return language == SourceLanguage.TYPESCRIPT || language == SourceLanguage.TSX
        || language == SourceLanguage.JAVASCRIPT;
  }
}
