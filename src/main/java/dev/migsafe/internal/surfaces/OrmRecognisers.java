package dev.migsafe.internal.surfaces;

import java.util.List;

/** Every ORM reader, in the order their surfaces are reported when they tie. */
final class OrmRecognisers {
  static final List<OrmRecogniser> ALL = List.of(
      new PrismaOrm(),
      new GoStructOrm(),
      new DieselOrm(),
      new JpaOrm(),
      new TypeOrmOrm(),
      new SequelizeOrm(),
      new ActiveRecordOrm(),
      new DjangoOrm(),
      new SqlAlchemyOrm());

  private OrmRecognisers() {}

  /** The reader of a model's ORM. */
  static OrmRecogniser of(OrmModel m) {
    for (OrmRecogniser r : ALL) {
      if (r.orm() == m.orm()) {
        return r;
      }
    }
    throw new IllegalStateException("no reader for " + m.orm());
  }
}
