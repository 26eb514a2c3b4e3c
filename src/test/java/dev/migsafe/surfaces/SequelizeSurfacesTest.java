package dev.migsafe.surfaces;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migsafe.internal.surfaces.SurfaceScan;
import dev.migsafe.internal.surfaces.SurfaceTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sequelize models and their uses: the outline-shares fixture (in the shape of Outline's
 * shares, see its README) for a drop and a rename of real columns, and files written for this
 * test for Model.init, sequelize.define and the naming rules.
 */
class SequelizeSurfacesTest {
  private static final Path OUTLINE = Path.of("src/test/resources/surfaces/outline-shares");

  @TempDir Path repo;

  @Test
  void aDropAndARenameOfOutlineShareColumnsFindTheModelAndItsInstances() throws IOException {
    String migration = "20260901000000-share-access.sql";
    List<SurfaceTarget> targets = SurfaceLines.migration(OUTLINE, migration);
    assertThat(targets).extracting(SurfaceTarget::display)
        .containsExactly("shares.lastAccessedAt", "shares.urlId");
    SurfaceScan.Report r = SurfaceScan.scan(List.of(OUTLINE), targets);
    // The drop: the presenter's typed share, and app.ts's update on a share it does not type
    // (likely); neither the presenter's own key nor shares.ts's local variable.
    assertThat(SurfaceLines.of(r.of(targets.get(0)))).containsExactly(
        "Share.ts:25:read-write:orm-mapping (sequelize):certain",
        "share.ts:10:read:orm-field (sequelize):certain",
        "app.ts:18:write:orm-field (sequelize):likely");
    // The rename: shareLoader's where object, built field by field before Share.findOne.
    assertThat(SurfaceLines.of(r.of(targets.get(1)))).containsExactly(
        "shareLoader.ts:10:read:orm-field (sequelize):certain",
        "Share.ts:32:read-write:orm-mapping (sequelize):certain",
        "share.ts:9:read:orm-field (sequelize):certain",
        "shares.ts:27:write:orm-field (sequelize):certain",
        "app.ts:10:read:orm-field (sequelize):likely");
  }

  @Test
  void staticCallsThroughScopesAreUsesOfTheTable() {
    assertThat(SurfaceLines.found(OUTLINE, SurfaceTarget.of("shares", null))).containsExactly(
        "shareLoader.ts:16:read:orm-field (sequelize):certain",
        "Share.ts:17:read-write:orm-mapping (sequelize):certain",
        "shares.ts:10:read:orm-field (sequelize):certain",
        "shares.ts:21:read:orm-field (sequelize):certain",
        "shares.ts:34:read:orm-field (sequelize):certain");
  }

  @Test
  void initDefineAndTheirNamingRules() throws IOException {
    write("models/user.js", """
        const { Model, DataTypes, Op } = require('sequelize');
        class User extends Model {}
        User.init({
          firstName: DataTypes.STRING,
          emailAddress: { type: DataTypes.STRING, field: 'email' },
          fullName: { type: DataTypes.VIRTUAL, get() { return this.firstName; } },
        }, { sequelize, underscored: true });
        const Category = sequelize.define('Category', { label: DataTypes.STRING });
        const Person = sequelize.define('person', { nickName: DataTypes.STRING }, { freezeTableName: true });
        module.exports = { User, Category, Person };
        """);
    write("services/users.js", """
        const firstName = 'a variable';
        async function find(name) {
          const users = await User.findAll({
            where: { [Op.or]: [{ firstName: name }, { emailAddress: name }] },
            attributes: ['id', ['firstName', 'name']],
            order: [['emailAddress', 'DESC']],
          });
          await User.update({ firstName }, { where: { emailAddress: null } });
          const user = await User.findByPk(1);
          user.firstName = firstName;
          await user.increment('firstName');
          return Category.findAll({ where: { label: firstName } });
        }
        """);
    assertThat(SurfaceLines.found(repo, SurfaceTarget.of("users", null))).containsExactly(
        "user.js:3:read-write:orm-mapping (sequelize):certain",
        "users.js:3:read:orm-field (sequelize):certain",
        "users.js:8:write:orm-field (sequelize):certain",
        "users.js:9:read:orm-field (sequelize):certain");
    assertThat(SurfaceLines.found(repo, SurfaceTarget.of("users", "first_name"))).containsExactly(
        "user.js:4:read-write:orm-mapping (sequelize):certain",
        "users.js:4:read:orm-field (sequelize):certain",
        "users.js:5:read:orm-field (sequelize):certain",
        "users.js:8:write:orm-field (sequelize):certain",
        "users.js:10:write:orm-field (sequelize):certain",
        "users.js:11:write:orm-field (sequelize):certain");
    assertThat(SurfaceLines.found(repo, SurfaceTarget.of("users", "email"))).containsExactly(
        "user.js:5:read-write:orm-mapping (sequelize):certain",
        "users.js:4:read:orm-field (sequelize):certain",
        "users.js:6:read:orm-field (sequelize):certain",
        "users.js:8:read:orm-field (sequelize):certain");
    assertThat(SurfaceLines.found(repo, SurfaceTarget.of("users", "full_name"))).isEmpty();
    assertThat(SurfaceLines.found(repo, SurfaceTarget.of("\"Categories\"", "label"))).containsExactly(
        "user.js:8:read-write:orm-mapping (sequelize):certain",
        "users.js:12:read:orm-field (sequelize):certain");
    assertThat(SurfaceLines.found(repo, SurfaceTarget.of("person", "\"nickName\"")))
        .containsExactly("user.js:9:read-write:orm-mapping (sequelize):certain");
  }

  @Test
  void anObjectHeldInALocalVariableOfTheCallingFunctionIsReadAsTheWhereOrTheValues()
      throws IOException {
    write("models/user.js", """
        const { Model, DataTypes } = require('sequelize');
        class User extends Model {}
        User.init({ email: DataTypes.STRING, name: DataTypes.STRING }, { sequelize, tableName: 'users' });
        module.exports = { User };
        """);
    write("services/users.js", """
        async function find(address, all) {
          const where = { email: address };
          if (!all) {
            where.name = 'x';
          }
          return User.findOne({ where });
        }
        async function add(address) {
          const values = { email: address };
          values.name = address;
          const filter = { email: address };
          await User.create(values);
          return User.findAll({ where: filter });
        }
        function notPassed(address) {
          const where = { email: address };
          where.name = address;
          return Other.findOne({ where });
        }
        async function built(address) {
          const where = makeWhere(address);
          where.email = address;
          return User.findOne({ where });
        }
        async function twice(address, a) {
          let where = { email: address };
          if (a) {
            const where = { name: a };
            return User.findOne({ where });
          }
          return null;
        }
        async function replaced(address, other) {
          let where = { email: address };
          where = other;
          return User.findOne({ where });
        }
        """);
    // notPassed gives its object to another model, built's object is no literal of the
    // function, twice declares where twice and replaced assigns it another: none is followed.
    assertThat(SurfaceLines.found(repo, SurfaceTarget.of("users", "email"))).containsExactly(
        "user.js:3:read-write:orm-mapping (sequelize):certain",
        "users.js:2:read:orm-field (sequelize):certain",
        "users.js:9:write:orm-field (sequelize):certain",
        "users.js:11:read:orm-field (sequelize):certain");
    assertThat(SurfaceLines.found(repo, SurfaceTarget.of("users", "name"))).containsExactly(
        "user.js:3:read-write:orm-mapping (sequelize):certain",
        "users.js:4:read:orm-field (sequelize):certain",
        "users.js:10:write:orm-field (sequelize):certain");
  }

  private void write(String rel, String text) throws IOException {
    Path p = repo.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }
}
