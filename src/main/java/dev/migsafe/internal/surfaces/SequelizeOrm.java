package dev.migsafe.internal.surfaces;

import java.util.List;

/**
 * Sequelize: the models of TypeScript and JavaScript files ({@link SequelizeModels}) and their
 * uses through static calls and instances ({@link SequelizeUses}).
 */
final class SequelizeOrm implements ScriptOrm {
  @Override
  public Orm orm() {
    return Orm.SEQUELIZE;
  }

  @Override
  public List<OrmModel> mappings(String path, SourceLanguage language, String text) {
    return SequelizeModels.read(path, language, text);
  }

  @Override
  public boolean mayDeclare(String text, List<SurfaceTarget> targets) {
    return SequelizeModels.mayDeclare(text, targets);
  }

  @Override
  public boolean mayUse(SourceLanguage language, String text, OrmModel model) {
    // An instance the file does not type is known by its name (share for Share).
    return ScriptOrm.isScript(language) && (CodeWords.contains(text, model.name())
        || CodeWords.contains(text, SequelizeUses.instanceName(model)));
  }

  @Override
  public List<OrmUse> uses(ScriptFile file, OrmModel model) {
    return SequelizeUses.of(file, model);
  }
}
