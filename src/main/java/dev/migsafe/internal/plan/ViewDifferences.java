package dev.migsafe.internal.plan;

import dev.migsafe.api.Plan;
import dev.migsafe.internal.schema.Schema;
import dev.migsafe.internal.schema.View;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * How the views a playbook leaves differ from the target's, in drift's words: a view the
 * playbook dropped to change a column under it and never created again is {@code
 * missing-view}. Bodies compare with their whitespace collapsed, as the model holds the text
 * the DDL wrote; the server's own comparison ({@code rehearse}, {@code drift}) uses {@code
 * pg_get_viewdef}.
 */
final class ViewDifferences {
  private ViewDifferences() {}

  static List<Plan.TargetDifference> of(Schema replayed, Schema target) {
    List<Plan.TargetDifference> out = new ArrayList<>();
    for (View wanted : target.views().values()) {
      View got = replayed.views().get(wanted.name());
      if (got == null) {
        out.add(new Plan.TargetDifference("missing-view", wanted.name(),
            "the playbook leaves no " + kind(wanted) + " " + wanted.name()
                + ", which the target has"));
        continue;
      }
      if (!Objects.equals(norm(got.body()), norm(wanted.body()))
          || !got.columnNames().equals(wanted.columnNames())
          || got.materialized() != wanted.materialized()) {
        out.add(new Plan.TargetDifference("view-definition", wanted.name(),
            "the playbook leaves " + wanted.name() + " with another definition than the "
                + "target's"));
      }
      if (!got.grants().equals(wanted.grants())) {
        out.add(new Plan.TargetDifference("view-grants", wanted.name(),
            "the playbook leaves " + wanted.name() + " granted " + describe(got)
                + " instead of " + describe(wanted)));
      }
    }
    for (View extra : replayed.views().values()) {
      if (!target.views().containsKey(extra.name())) {
        out.add(new Plan.TargetDifference("extra-view", extra.name(),
            "the playbook leaves " + kind(extra) + " " + extra.name()
                + ", which the target drops"));
      }
    }
    return out;
  }

  private static String kind(View v) {
    return v.materialized() ? "materialized view" : "view";
  }

  private static String describe(View v) {
    TreeSet<String> grants = new TreeSet<>();
    v.grants().forEach(g -> grants.add(g.privilege() + " to " + g.grantee()));
    return grants.isEmpty() ? "nothing" : String.join(", ", grants);
  }

  private static String norm(String body) {
    return body == null ? null : body.replaceAll("\\s+", " ").strip();
  }
}
