package dev.migsafe.surfaces;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migsafe.api.Surface;
import dev.migsafe.internal.surfaces.SurfaceScan;
import dev.migsafe.internal.surfaces.SurfaceTarget;
import dev.migsafe.internal.surfaces.SurfaceTargets;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rails ActiveRecord surfaces: the fixture in the shape of the RealWorld Rails application
 * ({@code surfaces/rails-realworld}) for a rename and a drop of its columns, and small
 * repositories written here for Rails' naming rules and {@code ignored_columns}.
 */
class ActiveRecordSurfacesTest {
  private static final Path APP = Path.of("src/test/resources/surfaces/rails-realworld");

  @TempDir Path repo;


  @Test
  void aRenameAndADropOfTheApplicationsColumnsFindEveryUseThroughTheModels() {
    List<SurfaceTarget> targets = SurfaceTargets.of("V2__users.sql", """
        ALTER TABLE users RENAME COLUMN username TO handle;
        ALTER TABLE articles DROP COLUMN favorites_count;
        """);
    SurfaceScan.Report r = SurfaceScan.scan(List.of(APP), targets);

    // The lambda's parameter username and params[:username] are not uses.
    assertThat(OrmFixtures.places(r, targets.get(0))).containsExactly(
        "app/controllers/profiles_controller.rb:3:read:orm-field (active-record):certain",
        "app/controllers/users_controller.rb:13:write:orm-field (active-record):likely",
        "app/models/article.rb:6:read:orm-field (active-record):certain",
        "app/models/article.rb:7:read:orm-field (active-record):certain",
        "app/models/user.rb:5:read:orm-field (active-record):certain",
        "db/schema.rb:30:read-write:orm-mapping (active-record):certain");
    // Only the counter cache writes it: no query names the column.
    assertThat(OrmFixtures.places(r, targets.get(1))).containsExactly(
        "app/models/favorite.rb:3:write:orm-field (active-record):likely",
        "db/schema.rb:9:read-write:orm-mapping (active-record):certain");
  }

  @Test
  void theTableIsTheModelsDeclarationAndEveryQueryOnTheClass() {
    SurfaceScan.Report r = SurfaceScan.scan(List.of(APP), SurfaceTarget.of("articles", null));
    assertThat(r.surfaces()).extracting(s -> s.path() + ":" + s.line() + ":" + s.access().id())
        .containsExactly(
            "app/controllers/articles_controller.rb:3:read",
            "app/controllers/articles_controller.rb:10:read",
            "app/controllers/articles_controller.rb:14:read",
            "app/controllers/comments_controller.rb:22:read",
            "app/models/article.rb:1:read-write");
  }

  @Test
  void tableNamesFollowRailsInflectionsAndTheModelsOwnTableName() throws IOException {
    OrmFixtures.write(repo, "db/schema.rb", """
        ActiveRecord::Schema.define(version: 1) do
          create_table "people" do |t|
            t.string "email"
          end
          create_table "categories" do |t|
            t.string "email"
          end
          create_table "addresses" do |t|
            t.string "email"
          end
          create_table "legacy_boxes" do |t|
            t.string "email"
          end
          create_table "order_items" do |t|
            t.string "email"
          end
        end
        """);
    OrmFixtures.write(repo, "app/models/person.rb", "class Person < ApplicationRecord\nend\n");
    OrmFixtures.write(repo, "app/models/category.rb", "class Category < ApplicationRecord\nend\n");
    OrmFixtures.write(repo, "app/models/address.rb", "class Address < ApplicationRecord\nend\n");
    OrmFixtures.write(repo, "app/models/box.rb",
        "class Box < ApplicationRecord\n  self.table_name = \"legacy_boxes\"\nend\n");
    OrmFixtures.write(repo, "app/models/shop/order_item.rb",
        "module Shop\n  class OrderItem < ActiveRecord::Base\n  end\nend\n");
    OrmFixtures.write(repo, "app/models/application_record.rb",
        "class ApplicationRecord < ActiveRecord::Base\n  self.abstract_class = true\nend\n");
    OrmFixtures.write(repo, "app/jobs/mail.rb", """
        Person.where(email: e)
        Category.pluck(:email)
        Address.find_by_email(e)
        Box.order("email DESC")
        Shop::OrderItem.update_all(email: nil)
        """);
    for (String table : List.of("people", "categories", "addresses", "legacy_boxes",
        "order_items")) {
      assertThat(SurfaceScan.scan(List.of(repo), SurfaceTarget.of(table, "email")).surfaces())
          .as(table).extracting(Surface::path).containsExactly("app/jobs/mail.rb",
              "db/schema.rb");
    }
  }

  @Test
  void anIgnoredColumnIsNoLongerTheModelsAndAnAliasIsFoundByItsNewName() throws IOException {
    OrmFixtures.write(repo, "db/schema.rb", """
        ActiveRecord::Schema.define(version: 1) do
          create_table "users" do |t|
            t.string "email"
            t.string "legacy_name"
            t.string "handle"
          end
        end
        """);
    OrmFixtures.write(repo, "app/models/user.rb", """
        class User < ApplicationRecord
          self.ignored_columns += %w[legacy_name]
          alias_attribute :nickname, :handle
        end
        """);
    OrmFixtures.write(repo, "app/services/rename.rb", """
        class Rename
          def call(user, email)
            user.legacy_name = email
            user.nickname = email
            User.where(nickname: email, email: email)
          end
        end
        """);
    assertThat(SurfaceScan.scan(List.of(repo), SurfaceTarget.of("users", "legacy_name"))
        .surfaces()).isEmpty();
    assertThat(SurfaceScan.scan(List.of(repo), SurfaceTarget.of("users", "handle")).surfaces())
        .extracting(s -> s.path() + ":" + s.line() + ":" + s.access().id())
        .containsExactly("app/models/user.rb:3:read-write", "app/services/rename.rb:4:write",
            "app/services/rename.rb:5:read", "db/schema.rb:5:read-write");
    // The parameter email is not the column; the hash key and schema line are.
    assertThat(SurfaceScan.scan(List.of(repo), SurfaceTarget.of("users", "email")).surfaces())
        .extracting(s -> s.path() + ":" + s.line())
        .containsExactly("app/services/rename.rb:5", "db/schema.rb:3");
  }
}
