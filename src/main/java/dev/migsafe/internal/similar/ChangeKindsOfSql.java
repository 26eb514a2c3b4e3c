package dev.migsafe.internal.similar;

import dev.migsafe.internal.model.ChangeKind;
import dev.migsafe.internal.sql.ColumnChange;
import dev.migsafe.internal.sql.ConstraintChange;
import dev.migsafe.internal.sql.ConstraintChange.ConstraintType;
import dev.migsafe.internal.sql.IndexChange;
import dev.migsafe.internal.sql.OperationKind;
import dev.migsafe.internal.sql.OperationRecord;
import dev.migsafe.internal.sql.PgStatementReader;
import dev.migsafe.internal.sql.SourceStatement;
import dev.migsafe.internal.sql.TableChange;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The change kinds of one statement, from the operations the PostgreSQL reader makes of it (the
 * reader lint uses): the reader names what a statement is ({@code add-constraint} of type
 * {@code foreign-key}), the catalog names what it changes ({@code add-foreign-key}).
 *
 * <p>MySQL forms the PostgreSQL reader cannot read ({@code MODIFY}, {@code CHANGE}, {@code ADD
 * INDEX}, {@code RENAME TABLE}, inline {@code ENUM(...)}) are recognised from their keywords:
 * migsafe has no MySQL reader, and for a search these few forms are all that is needed.
 */
final class ChangeKindsOfSql {
  // MySQL forms the PostgreSQL reader does not name.
  private static final Pattern MODIFY = Pattern.compile("\\bMODIFY\\s+(COLUMN\\s+)?");
  private static final Pattern CHANGE = Pattern.compile(
      "\\bCHANGE\\s+(?:COLUMN\\s+)?`?(\\w+)`?\\s+`?(\\w+)`?");
  private static final Pattern ENUM = Pattern.compile("\\bENUM\\s*\\(");
  private static final Pattern RENAME_TABLE = Pattern.compile("^\\s*RENAME\\s+TABLE\\b");
  private static final Pattern ADD_INDEX = Pattern.compile(
      "\\bADD\\s+(UNIQUE\\s+)?((?:FULLTEXT|SPATIAL)\\s+)?(INDEX|KEY)\\b");
  private static final Pattern DROP_INDEX = Pattern.compile("\\bDROP\\s+(INDEX|KEY)\\b");
  private static final Pattern PARTITION_BY = Pattern.compile("\\bPARTITION\\s+BY\\b");

  private ChangeKindsOfSql() {}

  static Set<ChangeKind> of(SourceStatement st, boolean mysql) {
    Set<ChangeKind> out = of(PgStatementReader.read(st).records(),
        st.tokens().stream().anyMatch(t -> t.is("SELECT")));
    if (mysql) {
      mysql(st.text().toUpperCase(Locale.ROOT), out);
    }
    return out;
  }

  /**
   * @param selects whether the statement reads rows with a query ({@code INSERT ... SELECT}
   *     copies data; {@code INSERT ... VALUES} does not)
   */
  static Set<ChangeKind> of(List<OperationRecord> records, boolean selects) {
    Set<ChangeKind> out = EnumSet.noneOf(ChangeKind.class);
    if (records.isEmpty()) {
      return out;
    }
    if (records.get(0) instanceof TableChange create
        && create.header().operationKind() == OperationKind.CREATE_TABLE) {
      // The columns and constraints of a new table are part of creating it, not changes of
      // their own, except a foreign key: it locks the table it references.
      out.add(ChangeKind.CREATE_TABLE);
      if (create.partitioned()) {
        out.add(ChangeKind.PARTITION_TABLE);
      }
      if (records.stream().anyMatch(r -> r instanceof ColumnChange c && references(c)
          || r instanceof ConstraintChange k && k.type() == ConstraintType.FOREIGN_KEY)) {
        out.add(ChangeKind.ADD_FOREIGN_KEY);
      }
      return out;
    }
    for (OperationRecord r : records) {
      add(r, selects, out);
    }
    return out;
  }

  private static boolean references(ColumnChange c) {
    return c.inline() != null && c.inline().references() != null;
  }

  private static void add(OperationRecord r, boolean selects, Set<ChangeKind> out) {
    OperationKind kind = r.header().operationKind();
    if (r instanceof ColumnChange c && kind == OperationKind.ADD_COLUMN) {
      // A generated column's expression stood where a default would (a STORED one even
      // beside a default PostgreSQL would reject).
      boolean generated = c.generated() != null
          && (c.generated().stored() || c.defaultValue() == null);
      out.add(generated ? ChangeKind.ADD_GENERATED_COLUMN : ChangeKind.ADD_COLUMN);
      // serial and identity columns have a sequence, not a written default.
      if (c.defaultValue() != null && !c.serial() && c.identity() == null) {
        out.add(ChangeKind.SET_DEFAULT);
      }
      if (references(c)) {
        out.add(ChangeKind.ADD_FOREIGN_KEY);
      }
      return;
    }
    switch (kind) {
      case CREATE_INDEX -> out.add(((IndexChange) r).unique() ? ChangeKind.ADD_UNIQUE
          : ChangeKind.ADD_INDEX);
      case ADD_CONSTRAINT -> {
        ConstraintType type = ((ConstraintChange) r).type();
        if (type != null) {
          switch (type) {
            case FOREIGN_KEY -> out.add(ChangeKind.ADD_FOREIGN_KEY);
            case PRIMARY_KEY -> out.add(ChangeKind.ADD_PRIMARY_KEY);
            case UNIQUE -> out.add(ChangeKind.ADD_UNIQUE);
            case CHECK -> out.add(ChangeKind.ADD_CHECK);
            default -> { }
          }
        }
      }
      case INSERT -> {
        if (selects) {
          out.add(ChangeKind.BACKFILL);
        }
      }
      default -> {
        // Decided by the kind alone; a plan-only kind (add-identity) is not the catalog's.
        ChangeKind k = kind.changeKind();
        if (k != null && k.inCatalog()) {
          out.add(k);
        }
      }
    }
  }

  private static void mysql(String s, Set<ChangeKind> out) {
    var change = CHANGE.matcher(s);
    if (change.find()) {
      out.add(change.group(1).equals(change.group(2)) ? ChangeKind.CHANGE_TYPE
          : ChangeKind.RENAME_COLUMN);
    }
    if (MODIFY.matcher(s).find()) {
      out.add(ChangeKind.CHANGE_TYPE);
    }
    if ((out.contains(ChangeKind.CHANGE_TYPE) || out.contains(ChangeKind.ADD_COLUMN))
        && ENUM.matcher(s).find()) {
      out.add(ChangeKind.CHANGE_ENUM);
    }
    if (RENAME_TABLE.matcher(s).find()) {
      out.add(ChangeKind.RENAME_TABLE);
    }
    // The PostgreSQL reader reads MySQL's ADD INDEX x / DROP INDEX x as a column named INDEX.
    var index = ADD_INDEX.matcher(s);
    if (index.find()) {
      out.remove(ChangeKind.ADD_COLUMN);
      out.remove(ChangeKind.SET_DEFAULT);
      out.add(index.group(1) != null ? ChangeKind.ADD_UNIQUE : ChangeKind.ADD_INDEX);
    }
    if (DROP_INDEX.matcher(s).find()) {
      out.remove(ChangeKind.DROP_COLUMN);
      out.add(ChangeKind.DROP_INDEX);
    }
    if (PARTITION_BY.matcher(s).find()) {
      out.add(ChangeKind.PARTITION_TABLE);
    }
  }
}
