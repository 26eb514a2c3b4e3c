package dev.migsafe.internal.schema;

import dev.migsafe.internal.sql.Operation;
import dev.migsafe.internal.sql.PgStatementReader;
import dev.migsafe.internal.sql.SourceStatement;
import dev.migsafe.internal.sql.SqlSplitter;
import java.util.Iterator;

/** Builds a {@link Schema} from DDL text by replaying every statement's operations. */
public final class SchemaReader {
  private SchemaReader() {}

  public static Schema read(String ddl) {
    Schema schema = new Schema();
    apply(schema, ddl);
    return schema;
  }

  /** Replays the DDL over an existing schema. */
  public static void apply(Schema schema, String ddl) {
    for (Iterator<SourceStatement> it = SqlSplitter.iterate(ddl); it.hasNext(); ) {
      for (Operation op : PgStatementReader.read(it.next()).operations()) {
        schema.apply(op);
      }
    }
  }
}
