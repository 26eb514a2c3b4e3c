package dev.migsafe.internal.surfaces;

import java.util.List;

/**
 * One ORM's reader: the mappings a repository declares (first pass over every file), then the
 * uses of the mapped tables and columns through the ORM's names (second pass, only with the
 * models of the tables looked for). Both are called on every source file from several
 * threads, so each tests the text cheaply before it parses anything and keeps no state.
 */
interface OrmRecogniser {
  Orm orm();

  /**
   * Whether the first pass reads a file for mappings, by its name and language alone (the
   * first pass reads every file this accepts).
   */
  boolean readsMappings(String path, SourceLanguage language);

  /**
   * The models a file declares, or none.
   *
   * @param path the file, relative to the repository root, with forward slashes (Rails and
   *     Django name tables after where a model is)
   * @param language the file's language, or null for a file no grammar reads ({@code
   *     .prisma})
   */
  List<OrmModel> mappings(String path, SourceLanguage language, String text);

  /**
   * Whether the text can declare a model of one of the tables looked for, decided on the text
   * before {@link #mappings} parses it. By default it can: a reader whose models are joined
   * across files ({@link #link}) needs them all.
   */
  default boolean mayDeclare(String text, List<SurfaceTarget> targets) {
    return true;
  }

  /**
   * The models of the whole repository once every file is read: where a model's table or
   * columns are declared in another file than the model (Rails' {@code db/schema.rb}), they
   * are joined here. By default, as read.
   */
  default List<OrmModel> link(List<OrmModel> declared) {
    return declared;
  }

  /**
   * Whether the text may use a model through the ORM, decided on the text before any parse:
   * it names the model, its accessor or its table module.
   */
  boolean mayUse(SourceLanguage language, String text, OrmModel model);

  /**
   * Whether the text may use the model's part that is looked for: a reader whose uses name
   * the field (a hash key, a lookup, an attribute) can pass over a file that names the model
   * but none of the target columns' fields, which is most files of a large application. By
   * default, {@link #mayUse(SourceLanguage, String, OrmModel)} in a file that spells a target
   * field's name in some case ({@code getEmail()}, {@code email__iexact}, {@code u.Email});
   * a reader with uses that do not spell it (Rails' {@code counter_cache}) decides itself.
   */
  default boolean mayUse(SourceLanguage language, String text, OrmModel model,
      List<SurfaceTarget> targets) {
    return SourceFile.namesATargetField(SourceFile.lower(text), model, targets)
        && mayUse(language, text, model);
  }

  /**
   * What of a model the uses found for it depend on. Models with equal keys have the same uses
   * in any file, so the second pass looks for one of them: a repository that holds an
   * application twice (a vendored copy, a template, a fork kept side by side) declares each
   * model twice, and each file would otherwise be read once per copy. By default everything
   * but where the model and its fields are declared.
   */
  default Object useKey(OrmModel model) {
    return model.placeless();
  }

  /**
   * Whether code reaches a model only by loading the module that declares it (JavaScript and
   * TypeScript classes): then only files that load it, directly or through other modules,
   * are read for its uses. False by default: a Prisma model is reached through the generated
   * client, a Rails model by Rails' autoloading.
   */
  default boolean usedThroughImports() {
    return false;
  }

  /**
   * Whether the reader looks at a model's fields only to report their uses: then it is handed
   * only the fields of the columns looked for, and need not look for the others (a model
   * maps dozens of columns, and its {@code id} stands in every other line of a large file).
   * False by default: a reader may follow a relation field to another model.
   */
  default boolean readsFieldsOnlyForUses() {
    return false;
  }

  /** The uses in a file of the models (this ORM's, of the tables looked for). */
  List<OrmUse> uses(String path, SourceLanguage language, String text, List<OrmModel> models);
}
