package dev.migsafe.internal.surfaces;

import java.util.List;

/**
 * SQLAlchemy (and Flask-SQLAlchemy, SQLModel): declarative classes and Core tables in any
 * Python file ({@link SqlAlchemyModels}), their uses ({@link SqlAlchemyUses}).
 */
final class SqlAlchemyOrm implements OrmRecogniser {
  @Override
  public Orm orm() {
    return Orm.SQLALCHEMY;
  }

  @Override
  public boolean readsMappings(String path, SourceLanguage language) {
    // Models live anywhere (models.py, db/tables.py, app/models/user.py); the reader tests
    // the text for a mapping before it parses. Alembic migrations declare tables they change,
    // not the application's mapping.
    return language == SourceLanguage.PYTHON && !path.contains("/versions/")
        && !path.contains("/migrations/");
  }

  @Override
  public List<OrmModel> mappings(String path, SourceLanguage language, String text) {
    return SqlAlchemyModels.read(path, text);
  }

  @Override
  public boolean mayUse(SourceLanguage language, String text, OrmModel model) {
    return language == SourceLanguage.PYTHON && ModelNames.mentioned(text, model);
  }


  @Override
  public List<OrmUse> uses(String path, SourceLanguage language, String text,
      List<OrmModel> models) {
    return language == SourceLanguage.PYTHON ? SqlAlchemyUses.of(text, models) : List.of();
  }
}
