package dev.migsafe.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migsafe.api.Change;
import dev.migsafe.internal.plan.PlanChange;
import dev.migsafe.internal.plan.PlanKnowledgeBase;
import dev.migsafe.internal.plan.Recipe;
import dev.migsafe.internal.plan.RecipeLibrary;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped selection rules pick the expected shipped recipe for each kind of change. */
class RecipeSelectionTest {

  @ParameterizedTest(name = "{0} -> {8}")
  @CsvSource(delimiter = '|', value = {
    // kind | version | notNull | default | volatile | rewrites | pk | unique | recipe
    "add-column|17|false||false|false|false|false|add-column-nullable",
    "add-column|17|false|'x'|false|false|false|false|add-column-constant-default",
    "add-column|17|true|0|false|false|false|false|add-column-constant-default",
    "add-column|10|false|'x'|false|false|false|false|add-column-volatile-default",
    "add-column|17|false|gen_random_uuid()|true|false|false|false|add-column-volatile-default",
    "add-column|17|true||false|false|false|false|add-column-not-null",
    "change-type|17|false||false|false|false|false|change-type-in-place",
    "change-type|17|false||false|true|true|false|change-type-primary-key",
    "change-type|17|true||false|true|false|false|change-type-new-column-not-null",
    "change-type|17|false||false|true|false|false|change-type-new-column",
    "rename-column|17|true||false|false|false|false|rename-column-not-null",
    "rename-column|17|false||false|false|false|false|rename-column",
    "add-index|17|false||false|false|false|true|add-unique-index",
    "add-index|17|false||false|false|false|false|add-index",
    "set-not-null|12|false||false|false|false|false|set-not-null",
    "add-foreign-key|17|false||false|false|false|false|add-foreign-key",
    "drop-table|17|false||false|false|false|false|drop-table",
    "remove-enum-value|17|false||false|false|false|false|remove-enum-value",
  })
  void choosesTheRecipe(String kind, int version, boolean notNull, String dflt,
      boolean volatileDefault, boolean rewrites, boolean pk, boolean unique, String recipe) {
    Change c = Change.of(kind, "orders").withId("c1").withColumn("x").withNotNull(notNull)
        .withDefault(dflt).withExpression(unique ? "unique" : null);
    PlanChange f = new PlanChange(c, version, 1_000_000, 10, 100, rewrites, pk, volatileDefault);
    PlanKnowledgeBase.shared().select(List.of(f));
    assertThat(f.getRecipe()).isEqualTo(recipe);
    Recipe r = RecipeLibrary.shared().get(recipe);
    assertThat(r.kinds()).contains(kind);
  }
}
