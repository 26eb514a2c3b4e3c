package dev.migsafe.internal.surfaces;

import java.util.List;

/**
 * One class or model an ORM maps to a table, with the columns its fields map to, as declared
 * in one file of a repository.
 *
 * @param orm the ORM that maps it
 * @param name the name code uses for it (a class, a model, a diesel table module)
 * @param table the table, folded as PostgreSQL folds an unquoted name (a quoted name as
 *     written)
 * @param path the declaring file, relative to the repository root, with forward slashes
 * @param line 1-based line of the declaration of the table
 * @param column 1-based column there
 * @param fields the mapped fields; an ORM that reads its columns from the database (Rails)
 *     lists those its schema file declares
 * @param parent the class it extends, whose mapped fields its table holds too (JPA's {@code
 *     @MappedSuperclass}; joined by the ORM's {@code link}), or null
 */
public record OrmModel(Orm orm, String name, String table, String path, int line, int column,
    List<Field> fields, String parent) {

  public OrmModel {
    fields = List.copyOf(fields);
  }

  /** A model that extends nothing mapped. */
  public OrmModel(Orm orm, String name, String table, String path, int line, int column,
      List<Field> fields) {
    this(orm, name, table, path, line, column, fields, null);
  }

  /**
   * A field and the column it maps to.
   *
   * @param name the name code uses (a Java field, a Prisma field, a Ruby attribute)
   * @param columnName the column, folded
   * @param path the file that declares it, relative to the repository root (the model's own,
   *     but Rails declares columns in {@code db/schema.rb})
   * @param line 1-based line of its declaration there
   * @param column 1-based column there
   * @param type its type as declared, when the ORM needs it once every file is read (a Prisma
   *     field whose type is a model of another file is a relation, not a column); else null
   */
  public record Field(String name, String columnName, String path, int line, int column,
      String type) {

    /** A field whose type does not matter after the first pass. */
    public Field(String name, String columnName, String path, int line, int column) {
      this(name, columnName, path, line, column, null);
    }
  }

  /** This model with only the fields that pass. */
  public OrmModel withFields(java.util.function.Predicate<Field> keep) {
    return new OrmModel(orm, name, table, path, line, column,
        fields.stream().filter(keep).toList(), parent);
  }

  /**
   * This model without where it and its fields are declared: two declarations of one model
   * with the same names, table and columns give equal values.
   */
  public OrmModel placeless() {
    return new OrmModel(orm, name, table, "", 0, 0, fields.stream()
        .map(f -> new Field(f.name(), f.columnName(), "", 0, 0, f.type())).toList(), parent);
  }

  /** The field of that name, or null. */
  public Field field(String fieldName) {
    for (Field f : fields) {
      if (f.name().equals(fieldName)) {
        return f;
      }
    }
    return null;
  }

  /** The fields that map to a column. */
  public List<Field> fieldsOf(String columnName) {
    return fields.stream().filter(f -> f.columnName().equals(columnName)).toList();
  }
}
