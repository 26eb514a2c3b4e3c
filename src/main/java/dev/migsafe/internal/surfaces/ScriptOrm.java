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

  /**
   * Also, for a column looked for, the file spells one of its fields' names (or the column's)
   * as a whole word in its case: JavaScript's names are case-sensitive, and every use a script
   * reader reports of a column stands at a key, a property or a string that spells it ({@code
   * title:}, {@code doc.title}, {@code 'title'}). {@code Title} and {@code subtitle}, which the
   * default check lets through, are most of what it passes in a large application.
   */
  @Override
  default boolean mayUse(SourceLanguage language, String text, OrmModel model,
      List<SurfaceTarget> targets) {
    return OrmRecogniser.super.mayUse(language, text, model, targets)
        && spellsATargetField(text, model, targets);
  }

  private static boolean spellsATargetField(String text, OrmModel model,
      List<SurfaceTarget> targets) {
    for (SurfaceTarget t : targets) {
      if (!t.matchesTable(model.table())) {
        continue;
      }
      if (t.column() == null || CodeWords.contains(text, t.column())) {
        return true;
      }
      for (OrmModel.Field f : model.fieldsOf(t.column())) {
        if (CodeWords.contains(text, f.name())) {
          return true;
        }
      }
    }
    return false;
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
