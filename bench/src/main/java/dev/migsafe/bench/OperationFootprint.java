package dev.migsafe.bench;

import dev.migsafe.internal.sql.Operation;
import dev.migsafe.internal.sql.PgStatementReader;
import dev.migsafe.internal.sql.SqlSplitter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.openjdk.jol.info.GraphLayout;

/**
 * Bytes one operation of a statement holds, as the reader and the fact it becomes (lint keeps a
 * window of them): everything reachable from the {@code Operation} except what all operations
 * share (enum constants, empty lists). It uses only what every build since the 55-field bean
 * has ({@code PgStatementReader.read(...).operations()}), so the same class measures an older
 * jar put on the class path instead of this checkout's.
 *
 * <p>{@code javac -d OUT -cp target/migsafe.jar:JOL bench/src/main/java/dev/migsafe/bench/OperationFootprint.java},
 * then {@code java -Djdk.attach.allowAttachSelf=true -cp OUT:JAR:JOL
 * dev.migsafe.bench.OperationFootprint} with JAR this build's or an older one's.
 * JOL is {@code org.openjdk.jol:jol-core:0.17}.
 */
public final class OperationFootprint {
  private static final String[] STATEMENTS = {
    "ALTER TABLE t_1 ADD COLUMN c_1 int",
    "ALTER TABLE orders ADD COLUMN total numeric DEFAULT 0 NOT NULL",
    "UPDATE orders SET a = 1 WHERE id < 5",
    "CREATE INDEX CONCURRENTLY i ON orders (a)",
    "CREATE TABLE t (id bigint PRIMARY KEY)",
    "ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (c) REFERENCES customers (id) NOT VALID",
  };

  /** Enum types of either build whose constants every operation shares. */
  private static final String[] SHARED_ENUMS = {
    "dev.migsafe.internal.sql.OperationKind", "dev.migsafe.internal.model.ChangeKind",
    "dev.migsafe.api.LockMode", "dev.migsafe.internal.sql.Volatility$Kind",
    "dev.migsafe.internal.sql.ColumnDefault$Source",
    "dev.migsafe.internal.sql.ColumnChange$IdentityGeneration",
    "dev.migsafe.internal.sql.ConstraintChange$ConstraintType",
    "dev.migsafe.internal.sql.TableChange$CreateForm",
    "dev.migsafe.internal.sql.TableChange$Persistence",
    "dev.migsafe.internal.sql.SessionStatement$Scope",
  };

  private OperationFootprint() {}

  public static void main(String[] args) throws Exception {
    List<Object> shared = new ArrayList<>(List.of(List.of(),
        Class.forName("dev.migsafe.internal.model.LockFacts").getField("NONE").get(null)));
    for (String name : SHARED_ENUMS) {
      try {
        shared.addAll(Arrays.asList(Class.forName(name).getEnumConstants()));
      } catch (ClassNotFoundException absentInThisBuild) {
        // an older build has fewer enums
      }
    }
    GraphLayout sharedLayout = GraphLayout.parseInstance(shared.toArray());
    System.out.println("| statement | bytes | objects |");
    System.out.println("|---|---:|---:|");
    for (String sql : STATEMENTS) {
      Operation op = PgStatementReader.read(SqlSplitter.split(sql).get(0)).operations().get(0);
      GraphLayout own = GraphLayout.parseInstance(op).subtract(sharedLayout);
      System.out.println("| `" + sql + "` | " + own.totalSize() + " | " + own.totalCount()
          + " |");
    }
  }
}
