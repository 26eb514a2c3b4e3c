package dev.migsafe.internal.surfaces;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The checks the script readers make on the text before asking the tree about a name: each
 * lets through every form the tree can turn out to be what is looked for.
 */
class ScriptTextChecksTest {

  private static boolean declares(String code, String name) {
    return ScriptTypes.mayDeclare(code, code.indexOf(name) + name.length());
  }

  @Test
  void aDeclarationThatSaysSomethingHasATypeOrAnInitialiserAfterItsName() {
    assertThat(declares("function f(share: Share) {}", "share")).isTrue();
    assertThat(declares("function f(share?: Share) {}", "share")).isTrue();
    assertThat(declares("class A { share!: Share; }", "share")).isTrue();
    assertThat(declares("class A { share ? : Share; }", "share")).isTrue();
    assertThat(declares("const share = await Share.findByPk(id);", "share")).isTrue();
    assertThat(declares("let share\n  = new Share();", "share")).isTrue();
    assertThat(declares("const share: Share | null = null;", "share")).isTrue();

    assertThat(declares("if (share == null) {}", "share")).isFalse();
    assertThat(declares("items.map(share => share.id)", "share")).isFalse();
    assertThat(declares("present(share);", "share")).isFalse();
    assertThat(declares("share.views += 1;", "share")).isFalse();
    assertThat(declares("return share", "share")).isFalse();
    assertThat(declares("const x = share?.id", "share")).isFalse();
  }

  private static boolean member(String code, String name) {
    return ScriptModelUses.afterDot(code, code.lastIndexOf(name));
  }

  @Test
  void aMembersPropertyHasADotBeforeIt() {
    assertThat(member("share.views", "views")).isTrue();
    assertThat(member("share?.views", "views")).isTrue();
    assertThat(member("share!.views", "views")).isTrue();
    assertThat(member("await Share\n  .findAll({})", "findAll")).isTrue();
    assertThat(member("share. views", "views")).isTrue();

    assertThat(member("const views = 1", "views")).isFalse();
    assertThat(member("{ views: 1 }", "views")).isFalse();
    assertThat(member("views", "views")).isFalse();
  }

  private static boolean declaresUsers(String code) {
    return SequelizeModels.mayDeclare(code, List.of(SurfaceTarget.of("users", "email")));
  }

  @Test
  void aSequelizeFileIsParsedForModelsOnlyWhenANameItSpellsCanBeTheTable() {
    assertThat(declaresUsers("@Table({ tableName: \"users\" })\nclass Account extends Model {}"))
        .isTrue();
    assertThat(declaresUsers("@Table\nexport class User extends Model {}")).isTrue();
    assertThat(declaresUsers("User.init({ email: DataTypes.STRING }, { sequelize })")).isTrue();
    assertThat(declaresUsers("sequelize.define('user', { email: DataTypes.STRING })")).isTrue();
    assertThat(declaresUsers("sequelize.define(\"users\", {}, { freezeTableName: true })"))
        .isTrue();
    assertThat(declaresUsers("Account.init({}, { sequelize, modelName: 'User' })")).isTrue();
    assertThat(declaresUsers("Account.init({}, { sequelize, \"tableName\": 'users' })")).isTrue();
    assertThat(SequelizeModels.mayDeclare("@Table({ underscored: true })\nclass UserAccount {}",
        List.of(SurfaceTarget.of("user_accounts", null)))).isTrue();

    assertThat(declaresUsers("@Table\nexport class Document extends Model {}")).isFalse();
    assertThat(declaresUsers("Sentry.init({ dsn })")).isFalse();
    assertThat(declaresUsers("class User {}")).isFalse();
  }
}
