package dev.migsafe.internal.surfaces;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which models the second pass looks for, and in which files. */
class ModelsLookedForTest {
  private static OrmModel model(Orm orm, String path) {
    return new OrmModel(orm, "Share", "shares", path, 3, 1,
        List.of(new OrmModel.Field("urlId", "\"urlId\"", path, 9, 3)));
  }

  private static ScriptModules.Links links(String path, String... loads) {
    return new ScriptModules.Links(path, List.of(loads), false, loads.length == 0, "");
  }

  @Test
  void aModelDeclaredAgainInACopyIsLookedForOnceAndReachedFromEitherCopy() {
    OrmModel first = model(Orm.SEQUELIZE, "a/server/models/Share.ts");
    OrmModel second = model(Orm.SEQUELIZE, "b/server/models/Share.ts");
    ScriptModules modules = new ScriptModules(List.of(
        links("a/server/models/Share.ts", "a/server/base.ts"),
        links("b/server/models/Share.ts", "b/server/base.ts"),
        links("a/server/routes.ts", "a/server/models/Share.ts"),
        links("b/server/routes.ts", "b/server/models/Share.ts"),
        links("b/app/Share.tsx", "b/app/models/Share.ts"),
        links("b/app/models/Share.ts", "b/app/base.ts"),
        links("scripts/global.js")));
    ModelsLookedFor looked = new ModelsLookedFor(List.of(first, second), modules);
    assertThat(looked.distinct()).containsExactly(first);
    // The copy's own route reaches its own declaration, which is looked for as the first.
    assertThat(looked.mayBeUsedIn("b/server/routes.ts", first)).isTrue();
    assertThat(looked.mayBeUsedIn("a/server/routes.ts", first)).isTrue();
    assertThat(looked.mayBeUsedIn("b/app/Share.tsx", first)).isFalse();
    assertThat(looked.mayBeUsedIn("scripts/global.js", first)).isTrue();
  }

  @Test
  void modelsThatDifferOrThatAnOrmTellsApartByFolderAreEachLookedFor() {
    OrmModel share = model(Orm.SEQUELIZE, "a/Share.ts");
    OrmModel renamed = new OrmModel(Orm.SEQUELIZE, "Share", "shares", "b/Share.ts", 3, 1,
        List.of(new OrmModel.Field("url", "\"urlId\"", "b/Share.ts", 9, 3)));
    // Go names a struct by its package, which is its folder.
    OrmModel goA = model(Orm.GO_STRUCT_TAGS, "users/user.go");
    OrmModel goB = model(Orm.GO_STRUCT_TAGS, "admin/user.go");
    OrmModel goSameFolder = model(Orm.GO_STRUCT_TAGS, "users/user_gen.go");
    ModelsLookedFor looked = new ModelsLookedFor(List.of(share, renamed, goA, goB,
        goSameFolder), new ScriptModules(List.of()));
    assertThat(looked.distinct()).containsExactly(share, renamed, goA, goB);
    // An ORM whose models are not modules is looked for in every file.
    assertThat(looked.mayBeUsedIn("anything.go", goA)).isTrue();
  }
}
