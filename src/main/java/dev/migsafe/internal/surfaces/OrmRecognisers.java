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
}
