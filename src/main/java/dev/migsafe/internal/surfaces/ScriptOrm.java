package dev.migsafe.internal.surfaces;

import java.util.ArrayList;
import java.util.List;

/**
 * An ORM of JavaScript and TypeScript classes (TypeORM, Sequelize): its models are declared in
 * scripts, code reaches them by loading their modules, and a reader looks at a model's fields
 * only to report their uses. The tree and types of a file are made once for all its models.
 */
interface ScriptOrm extends OrmRecogniser {

  @Override
  default boolean readsMappings(String path, SourceLanguage language) {
    return isScript(language);
  }

  @Override
  default boolean usedThroughImports() {
    return true;
  }

  @Override
  default boolean readsFieldsOnlyForUses() {
    return true;
  }

  /** The uses of one model in a file. */
  List<OrmUse> uses(ScriptFile file, OrmModel model);

  @Override
  default List<OrmUse> uses(String path, SourceLanguage language, String text,
      List<OrmModel> models) {
    List<OrmUse> out = new ArrayList<>();
    ScriptFile file = new ScriptFile(language, text);
    for (OrmModel m : models) {
      out.addAll(uses(file, m));
    }
    return out;
  }

  static boolean isScript(SourceLanguage language) {
    return language == SourceLanguage.TYPESCRIPT || language == SourceLanguage.TSX
        || language == SourceLanguage.JAVASCRIPT;
  }
}
