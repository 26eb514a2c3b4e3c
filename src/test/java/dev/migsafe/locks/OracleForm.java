package dev.migsafe.locks;

import java.util.List;

/**
 * One statement form of {@code lock-oracle/forms.yaml}.
 *
 * @param name what it is
 * @param setup SQL run and committed before the form, after the shared setup
 * @param sql the form; several statements are allowed and their facts merged
 * @param versions a major-version filter such as {@code >=12} or {@code <12}
 * @param nonTransactional the form cannot run in a transaction block
 * @param check what to compare: locks, rewrite, scan, fails (default all)
 * @param tables compare the locks of these tables only (default all tables of the setup)
 */
public record OracleForm(
    String name,
    String setup,
    String sql,
    String versions,
    boolean nonTransactional,
    List<String> check,
    List<String> tables) {

  boolean appliesTo(int major) {
    if (versions == null || versions.isBlank()) {
      return true;
    }
    String v = versions.trim();
    if (v.startsWith(">=")) {
      return major >= Integer.parseInt(v.substring(2).trim());
    }
    if (v.startsWith("<")) {
      return major < Integer.parseInt(v.substring(1).trim());
    }
    return major == Integer.parseInt(v);
  }

  boolean checks(String what) {
    return check == null || check.isEmpty() || check.contains(what);
  }

  /** The oracle file: a shared setup and the forms. */
  public record File(String setup, List<OracleForm> forms) {}
}
