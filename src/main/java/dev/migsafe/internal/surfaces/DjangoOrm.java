package dev.migsafe.internal.surfaces;

import java.util.List;

/**
 * Django: the models of each app's {@code models.py} ({@link DjangoModels}), their uses in
 * Python ({@link DjangoUses}).
 */
final class DjangoOrm implements OrmRecogniser {
  @Override
  public Orm orm() {
    return Orm.DJANGO;
  }

  @Override
  public boolean readsMappings(String path, SourceLanguage language) {
    return language == SourceLanguage.PYTHON && DjangoModels.isModelsFile(path);
  }

  @Override
  public List<OrmModel> mappings(String path, SourceLanguage language, String text) {
    return DjangoModels.read(path, text);
  }

  @Override
  public boolean mayUse(SourceLanguage language, String text, OrmModel model) {
    // The class, or a variable or lookup step named after it (order, order__email).
    return language == SourceLanguage.PYTHON && ModelNames.mentioned(text, model);
  }


  @Override
  public List<OrmUse> uses(String path, SourceLanguage language, String text,
      List<OrmModel> models) {
    return language == SourceLanguage.PYTHON ? DjangoUses.of(text, models) : List.of();
  }
}
