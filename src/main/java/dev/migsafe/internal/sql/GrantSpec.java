package dev.migsafe.internal.sql;

import java.util.List;

/**
 * The privileges and grantees of a {@code GRANT} or {@code REVOKE} on a relation.
 *
 * @param privileges keywords, upper case ({@code SELECT}, {@code ALL}): only words of letters are
 *     kept, so a privilege is safe to write back into SQL; column privileges ({@code SELECT
 *     (a)}) are left out
 * @param relations the tables and views it is on, normalised like table names
 * @param grantees role names, folded; {@link #PUBLIC} for the keyword {@code PUBLIC}
 */
public record GrantSpec(List<String> privileges, List<String> relations, List<String> grantees) {
  /** The grantee {@code PUBLIC}, every role. A role cannot be named {@code public}. */
  public static final String PUBLIC = "PUBLIC";
}
