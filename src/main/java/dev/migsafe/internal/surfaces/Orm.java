package dev.migsafe.internal.surfaces;

import java.util.Locale;

/** The ORMs whose mappings and field uses {@code surfaces} reads. */
public enum Orm {
  PRISMA,
  /** JPA / Hibernate entities in Java or Kotlin. */
  JPA,
  /** Rails: {@code db/schema.rb} and the models under {@code app/models}. */
  ACTIVE_RECORD,
  DJANGO,
  SQLALCHEMY,
  /** Go structs mapped by their {@code db:} (sqlx, sqlc) or {@code gorm:} tags. */
  GO_STRUCT_TAGS,
  TYPEORM,
  SEQUELIZE,
  /** diesel's {@code table!} schema in Rust. */
  DIESEL;

  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
