package dev.migsafe.internal.sql;

import dev.migsafe.internal.model.ChangeKind;
import java.util.HashMap;
import java.util.Map;

/**
 * What an {@link Operation} does, as the PostgreSQL reader names it: {@code add-column},
 * {@code create-index}, {@code update}. The rules keep comparing the name ({@code kind ==
 * "add-column"} in DRL reads {@link Operation#getKind()}); Java code switches on this enum, and
 * {@link #changeKind()} gives the change kind the catalog, plan and similar use, decided here
 * once instead of by each of them. Where an operation's fields decide the change kind (an
 * index is unique or not, a constraint is a foreign key or a check), {@code changeKind()} is
 * the kind without them, or null.
 */
public enum OperationKind {
  ADD_COLUMN("add-column", ChangeKind.ADD_COLUMN),
  ADD_CONSTRAINT("add-constraint"),
  ADD_ENUM_VALUE("add-enum-value", ChangeKind.ADD_ENUM_VALUE),
  ADD_IDENTITY("add-identity", ChangeKind.ADD_IDENTITY),
  ALTER_COLUMN_TYPE("alter-column-type", ChangeKind.CHANGE_TYPE),
  ALTER_CONSTRAINT("alter-constraint"),
  ALTER_DOMAIN("alter-domain"),
  ALTER_INDEX("alter-index"),
  ALTER_SCHEMA("alter-schema"),
  ALTER_TABLE_OTHER("alter-table-other"),
  ALTER_TYPE("alter-type"),
  ANALYZE("analyze"),
  ATTACH_PARTITION("attach-partition", ChangeKind.ATTACH_PARTITION),
  BEGIN("begin"),
  CALL("call"),
  CLUSTER("cluster", ChangeKind.REWRITE_TABLE),
  CLUSTER_ON("cluster-on"),
  COMMENT("comment"),
  COMMIT("commit"),
  COPY("copy"),
  CREATE_AGGREGATE("create-aggregate"),
  CREATE_CAST("create-cast"),
  CREATE_COLLATION("create-collation"),
  CREATE_DATABASE("create-database"),
  CREATE_DOMAIN("create-domain"),
  CREATE_ENUM("create-enum", ChangeKind.CREATE_ENUM),
  CREATE_EXTENSION("create-extension"),
  CREATE_FUNCTION("create-function"),
  CREATE_INDEX("create-index", ChangeKind.ADD_INDEX),
  CREATE_MATERIALIZED_VIEW("create-materialized-view", ChangeKind.CREATE_VIEW),
  CREATE_POLICY("create-policy"),
  CREATE_PUBLICATION("create-publication"),
  CREATE_ROLE("create-role"),
  CREATE_RULE("create-rule"),
  CREATE_SCHEMA("create-schema"),
  CREATE_SEQUENCE("create-sequence"),
  CREATE_SERVER("create-server"),
  CREATE_STATISTICS("create-statistics"),
  CREATE_SUBSCRIPTION("create-subscription"),
  CREATE_TABLE("create-table", ChangeKind.CREATE_TABLE),
  CREATE_TABLESPACE("create-tablespace"),
  CREATE_TRIGGER("create-trigger", ChangeKind.ADD_TRIGGER),
  CREATE_TYPE("create-type"),
  CREATE_USER("create-user"),
  CREATE_VIEW("create-view", ChangeKind.CREATE_VIEW),
  DELETE("delete", ChangeKind.DELETE_ROWS),
  DETACH_PARTITION("detach-partition", ChangeKind.DETACH_PARTITION),
  DETACH_PARTITION_FINALIZE("detach-partition-finalize", ChangeKind.DETACH_PARTITION),
  DISABLE_RLS("disable-rls"),
  DISABLE_RULE("disable-rule"),
  DISABLE_TRIGGER("disable-trigger"),
  DO_BLOCK("do-block"),
  DROP_COLUMN("drop-column", ChangeKind.DROP_COLUMN),
  DROP_CONSTRAINT("drop-constraint", ChangeKind.DROP_CONSTRAINT),
  DROP_DEFAULT("drop-default", ChangeKind.DROP_DEFAULT),
  DROP_DOMAIN("drop-domain"),
  DROP_EXPRESSION("drop-expression"),
  DROP_EXTENSION("drop-extension"),
  DROP_FOREIGN_TABLE("drop-foreign-table"),
  DROP_FUNCTION("drop-function"),
  DROP_IDENTITY("drop-identity", ChangeKind.DROP_IDENTITY),
  DROP_INDEX("drop-index", ChangeKind.DROP_INDEX),
  DROP_MATERIALIZED_VIEW("drop-materialized-view"),
  DROP_NOT_NULL("drop-not-null", ChangeKind.DROP_NOT_NULL),
  DROP_POLICY("drop-policy"),
  DROP_RULE("drop-rule"),
  DROP_SCHEMA("drop-schema"),
  DROP_SEQUENCE("drop-sequence"),
  DROP_TABLE("drop-table", ChangeKind.DROP_TABLE),
  DROP_TRIGGER("drop-trigger", ChangeKind.DROP_TRIGGER),
  DROP_TYPE("drop-type"),
  DROP_VIEW("drop-view"),
  ENABLE_RLS("enable-rls"),
  ENABLE_RULE("enable-rule"),
  ENABLE_TRIGGER("enable-trigger"),
  FORCE_RLS("force-rls"),
  GRANT("grant"),
  INHERIT("inherit"),
  INSERT("insert"),
  LOCK_TABLE("lock-table"),
  MERGE("merge", ChangeKind.BACKFILL),
  NO_INHERIT("no-inherit"),
  NOT_OF_TYPE("not-of-type"),
  OF_TYPE("of-type"),
  OWNER_TO("owner-to"),
  REFRESH_MATERIALIZED_VIEW("refresh-materialized-view"),
  REINDEX("reindex", ChangeKind.REINDEX),
  RENAME_COLUMN("rename-column", ChangeKind.RENAME_COLUMN),
  RENAME_CONSTRAINT("rename-constraint"),
  RENAME_ENUM_VALUE("rename-enum-value", ChangeKind.RENAME_ENUM_VALUE),
  RENAME_INDEX("rename-index"),
  RENAME_TABLE("rename-table", ChangeKind.RENAME_TABLE),
  RENAME_TYPE("rename-type"),
  REPLICA_IDENTITY("replica-identity"),
  RESET("reset"),
  RESET_STORAGE_PARAMS("reset-storage-params"),
  REVOKE("revoke"),
  ROLLBACK("rollback"),
  ROLLBACK_TO_SAVEPOINT("rollback-to-savepoint"),
  SAVEPOINT("savepoint"),
  SELECT("select"),
  SET("set"),
  SET_ACCESS_METHOD("set-access-method"),
  SET_COLUMN_OPTIONS("set-column-options"),
  SET_COMPRESSION("set-compression"),
  SET_DEFAULT("set-default", ChangeKind.SET_DEFAULT),
  SET_IDENTITY("set-identity"),
  SET_LOGGED("set-logged", ChangeKind.REWRITE_TABLE),
  SET_NOT_NULL("set-not-null", ChangeKind.SET_NOT_NULL),
  SET_ROLE("set-role"),
  SET_SCHEMA("set-schema"),
  SET_STATISTICS("set-statistics"),
  SET_STORAGE("set-storage"),
  SET_STORAGE_PARAMS("set-storage-params"),
  SET_TABLESPACE("set-tablespace", ChangeKind.REWRITE_TABLE),
  SET_TRANSACTION("set-transaction"),
  SET_UNLOGGED("set-unlogged", ChangeKind.REWRITE_TABLE),
  SET_WITHOUT_CLUSTER("set-without-cluster"),
  SET_WITHOUT_OIDS("set-without-oids"),
  TABLE("table"),
  TRUNCATE("truncate", ChangeKind.TRUNCATE),
  UNKNOWN("unknown"),
  UPDATE("update", ChangeKind.BACKFILL),
  VACUUM("vacuum"),
  VACUUM_FULL("vacuum-full", ChangeKind.REWRITE_TABLE),
  VALIDATE_CONSTRAINT("validate-constraint", ChangeKind.VALIDATE_CONSTRAINT),
  VALUES("values"),
  /** A form the reader names but this list does not (ALTER or DROP of a rarer object). */
  OTHER(null);

  private static final Map<String, OperationKind> BY_ID = new HashMap<>();

  static {
    for (OperationKind k : values()) {
      if (k.id != null) {
        BY_ID.put(k.id, k);
      }
    }
  }

  private final String id;
  private final ChangeKind changeKind;

  OperationKind(String id) {
    this(id, null);
  }

  OperationKind(String id, ChangeKind changeKind) {
    this.id = id;
    this.changeKind = changeKind;
  }

  /** The reader's name, as DRL compares it; null for {@link #OTHER}. */
  public String id() {
    return id;
  }

  /** The change kind every operation of this kind makes, or null (none, or it depends). */
  public ChangeKind changeKind() {
    return changeKind;
  }

  /** The kind named {@code id}, or {@link #OTHER}. */
  public static OperationKind of(String id) {
    return BY_ID.getOrDefault(id, OTHER);
  }
}
