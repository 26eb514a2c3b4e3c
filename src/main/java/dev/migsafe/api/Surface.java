package dev.migsafe.api;

/**
 * One place in a code repository that reads or writes a table or column: what {@code migsafe
 * surfaces} finds and what a consumer of a migration must change before the migration removes
 * or renames what it uses.
 *
 * @param root the repository root it was found under, as given
 * @param path the file, relative to {@code root}, with forward slashes
 * @param line 1-based line where the code that uses the table or column starts
 * @param column 1-based column there
 * @param snippet that code, one line, cut at 200 characters
 * @param table the table, as PostgreSQL folds its name
 * @param columnName the column, or null when the code uses the table as a whole
 * @param access whether it reads or writes
 * @param recognisedBy how migsafe recognised it
 * @param certainty how sure migsafe is that it refers to this table or column
 * @param orm the ORM whose mapping or field it is ({@code prisma}, {@code jpa}, ...), or null
 *     for SQL
 */
public record Surface(
    String root,
    String path,
    int line,
    int column,
    String snippet,
    String table,
    String columnName,
    Access access,
    RecognisedBy recognisedBy,
    Certainty certainty,
    String orm) {

  /** A use in SQL, which no ORM maps. */
  public Surface(String root, String path, int line, int column, String snippet, String table,
      String columnName, Access access, RecognisedBy recognisedBy, Certainty certainty) {
    this(root, path, line, column, snippet, table, columnName, access, recognisedBy, certainty,
        null);
  }

  /** How it was recognised, with the ORM: {@code orm-field (prisma)}, {@code sql-string}. */
  public String how() {
    return orm == null ? recognisedBy.id() : recognisedBy.id() + " (" + orm + ")";
  }

  /** What the code does with the table or column. */
  public enum Access {
    READ,
    WRITE,
    /** An ORM mapping: the ORM reads and writes every column it maps. */
    READ_WRITE;

    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  /** How the use was recognised. */
  public enum RecognisedBy {
    /** SQL in a string literal of a program, read with migsafe's SQL parser. */
    SQL_STRING,
    /** A statement of a {@code .sql} file. */
    SQL_FILE,
    /** A statement of a MyBatis XML mapper ({@code <select>}, {@code <update>}, ...). */
    MYBATIS_MAPPER,
    /**
     * An ORM's declaration of the table or column: an entity, a model, a struct's tags, a
     * schema file.
     */
    ORM_MAPPING,
    /**
     * A use through the ORM's name for it (a client call's key, a getter, an attribute, a query
     * on the model), found through the mapping.
     */
    ORM_FIELD;

    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  /** How sure migsafe is. */
  public enum Certainty {
    /** The SQL names the table, or the column qualified or in a one-table statement. */
    CERTAIN,
    /**
     * An unqualified column of a statement over several tables, one of which is this one; a
     * call that looks like the ORM's on a receiver migsafe cannot type.
     */
    LIKELY,
    /** The SQL could not be parsed; the name appears in it as a word. */
    NAME_ONLY;

    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }
}
