package dev.migsafe.internal.rehearse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.migsafe.api.Plan;
import dev.migsafe.api.Rehearsal.EndState;
import dev.migsafe.api.Rehearsal.EndStateDifference;
import dev.migsafe.internal.pg.SchemaSnapshot;
import dev.migsafe.internal.pg.SchemaSnapshot.Column;
import dev.migsafe.internal.pg.SchemaSnapshot.Constraint;
import dev.migsafe.internal.pg.SchemaSnapshot.Table;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which end-state differences fail a rehearsal: those the plan does not declare. */
class EndStateCheckTest {
  /** The target: orders.currency NOT NULL. */
  private static final Map<String, SchemaSnapshot> TARGET = Map.of("public",
      schema(new Column("currency", "text", true, null, null, null, null)));
  /** What a PostgreSQL 11 playbook leaves: a nullable column and a validated CHECK. */
  private static final Map<String, SchemaSnapshot> WITH_CHECK = Map.of("public",
      schema(new Column("currency", "text", false, null, null, null, null),
          new Constraint("orders_currency_not_null", "check", "CHECK ((currency IS NOT NULL))",
              true)));

  private static SchemaSnapshot schema(Column currency, Constraint... constraints) {
    return new SchemaSnapshot("public", List.of(new Table("orders", false, List.of(
        new Column("id", "bigint", true, null, null, null, null), currency),
        List.of(constraints), List.of(), List.of())), List.of(), List.of(), List.of(),
        List.of());
  }

  @Test
  void differencesThePlanDeclaresAreListedWithTheirReasonAndPass() {
    EndState end = EndStateCheck.judge(TARGET, WITH_CHECK, List.of(
        new Plan.TargetDifference("column-nullability", "orders.currency",
            "SET NOT NULL scans the table under ACCESS EXCLUSIVE before PostgreSQL 12"),
        new Plan.TargetDifference("extra-constraint", "orders.orders_currency_not_null",
            "the validated CHECK stands in for NOT NULL")));
    assertThat(end.checked()).isTrue();
    assertThat(end.reached()).isTrue();
    assertThat(end.undeclared()).isEmpty();
    assertThat(end.differences())
        .extracting(EndStateDifference::kind, EndStateDifference::object,
            EndStateDifference::declared, EndStateDifference::reason)
        .containsExactly(
            tuple("column-nullability", "orders.currency", true,
                "SET NOT NULL scans the table under ACCESS EXCLUSIVE before PostgreSQL 12"),
            tuple("extra-constraint", "orders.orders_currency_not_null", true,
                "the validated CHECK stands in for NOT NULL"));
  }

  @Test
  void aDifferenceThePlanDoesNotDeclareFailsMatchingOnKindAndObject() {
    // Declared for another object and another kind: neither covers the difference.
    EndState end = EndStateCheck.judge(TARGET, WITH_CHECK, List.of(
        new Plan.TargetDifference("column-nullability", "orders.id", "unrelated"),
        new Plan.TargetDifference("extra-constraint", "orders.orders_currency_not_null",
            "the validated CHECK stands in for NOT NULL")));
    assertThat(end.reached()).isFalse();
    assertThat(end.undeclared()).singleElement().satisfies(d -> {
      assertThat(d.kind()).isEqualTo("column-nullability");
      assertThat(d.object()).isEqualTo("orders.currency");
      assertThat(d.expected()).isEqualTo("NOT NULL");
      assertThat(d.actual()).isEqualTo("nullable");
      assertThat(d.reason()).isNull();
    });
    assertThat(end.reason()).startsWith("1 difference from the target schema that the plan "
        + "does not declare");
  }

  @Test
  void theSameSchemaReachesTheTarget() {
    EndState end = EndStateCheck.judge(TARGET, TARGET, List.of());
    assertThat(end.reached()).isTrue();
    assertThat(end.differences()).isEmpty();
  }
}
