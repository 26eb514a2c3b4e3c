package dev.migsafe.surfaces;

import static dev.migsafe.surfaces.FixtureSurfaces.places;
import static dev.migsafe.surfaces.FixtureSurfaces.targetsOf;
import static dev.migsafe.surfaces.FixtureSurfaces.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migsafe.internal.surfaces.SurfaceScan;
import dev.migsafe.internal.surfaces.SurfaceTarget;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * diesel's schema, derived structs and query DSL: on the fixture in the shape of Lemmy's
 * taglines (the surfaces of its real drop and rename), and on small files written for each
 * rule.
 */
class DieselSurfacesTest {
  private static final Path LEMMY = Path.of("src/test/resources/surfaces/lemmy-tagline");

  @TempDir Path repo;

  @Test
  void lemmysRealDropOfTaglineLocalSiteIdFindsTheSchemaTheStructsAndTheQueries()
      throws IOException {
    Path migration = LEMMY.resolve(
        "migrations/2024-04-08-204327_custom_emoji_tagline_changes/up.sql");
    List<SurfaceTarget> targets = targetsOf(migration);
    assertThat(targets).extracting(SurfaceTarget::display).containsExactly("tagline.local_site_id");

    SurfaceScan.Report r = SurfaceScan.scan(List.of(LEMMY), targets);

    // Not the local `let local_site_id` of crates/api_crud, nor the dsl import line itself.
    assertThat(places(r, targets.get(0))).containsExactly(
        "crates/db_schema/src/impls/tagline.rs:21:write:orm-field (diesel):certain",
        "crates/db_schema/src/impls/tagline.rs:26:write:orm-field (diesel):certain",
        "crates/db_schema/src/impls/tagline.rs:44:read:orm-field (diesel):certain",
        "crates/db_schema/src/schema.rs:15:read-write:orm-mapping (diesel):certain",
        "crates/db_schema/src/schema.rs:22:read:orm-field (diesel):certain",
        "crates/db_schema/src/source/tagline.rs:14:read-write:orm-mapping (diesel):certain",
        "crates/db_schema/src/source/tagline.rs:24:read-write:orm-mapping (diesel):certain");
  }

  @Test
  void lemmysRealRenameOfTaglinePublishedFindsItsOrderBy() throws IOException {
    Path migration = LEMMY.resolve("migrations/2025-08-01-000055_rename_timestamp_add_at/up.sql");
    List<SurfaceTarget> targets = targetsOf(migration);
    SurfaceTarget published = SurfaceTarget.of("tagline", "published");
    assertThat(targets).extracting(SurfaceTarget::display)
        .containsExactly("tagline.published", "tagline.updated");

    SurfaceScan.Report r = SurfaceScan.scan(List.of(LEMMY), targets);

    assertThat(places(r, published)).containsExactly(
        "crates/db_schema/src/impls/tagline.rs:45:read:orm-field (diesel):certain",
        "crates/db_schema/src/schema.rs:17:read-write:orm-mapping (diesel):certain",
        "crates/db_schema/src/source/tagline.rs:16:read-write:orm-mapping (diesel):certain");
    // updated: the schema, both structs, and the form's literal and its insert.
    assertThat(places(r, SurfaceTarget.of("tagline", "updated"))).hasSize(5);
  }

  @Test
  void sqlNamesColumnNamesAndPathsAreResolvedThroughTheSchema() throws IOException {
    write(repo, "src/schema.rs", """
        diesel::table! {
            use diesel::sql_types::*;

            #[sql_name = "app_users"]
            users (id) {
                id -> Int4,
                #[sql_name = "email_address"]
                email -> Varchar,
                name -> Nullable<Text>,
            }
        }
        """);
    write(repo, "src/models.rs", """
        use crate::schema::users;

        #[derive(Queryable, Selectable)]
        #[diesel(table_name = crate::schema::users)]
        pub struct User {
            pub id: i32,
            #[diesel(column_name = email)]
            pub mail: String,
            pub display: String,
        }

        #[derive(Insertable)]
        #[table_name = "users"]
        pub struct NewUser<'a> {
            pub email: &'a str,
        }

        pub fn find(conn: &mut PgConnection, wanted: &str) -> QueryResult<User> {
            users::table.filter(users::email.eq(wanted)).first(conn)
        }

        pub fn rename(conn: &mut PgConnection, new_email: &str) {
            diesel::update(users::table).set(users::dsl::email.eq(new_email)).execute(conn);
        }

        pub fn add(conn: &mut PgConnection, email: &str) {
            diesel::insert_into(users::table)
                .values(&NewUser { email })
                .execute(conn);
        }

        pub fn greet(user: &User, mut draft: NewUser) -> String {
            draft.email = "x";
            user.mail.clone() + &user.display
        }
        """);
    SurfaceTarget email = SurfaceTarget.of("app_users", "email_address");
    SurfaceScan.Report r = SurfaceScan.scan(List.of(repo), email);
    // User.display is not a column of the schema: no mapping; `email` the parameter is not
    // the column.
    assertThat(places(r, email)).containsExactly(
        "src/models.rs:8:read-write:orm-mapping (diesel):certain",
        "src/models.rs:15:read-write:orm-mapping (diesel):certain",
        "src/models.rs:19:read:orm-field (diesel):certain",
        "src/models.rs:23:write:orm-field (diesel):certain",
        "src/models.rs:28:write:orm-field (diesel):certain",
        "src/models.rs:33:write:orm-field (diesel):certain",
        "src/models.rs:34:read:orm-field (diesel):certain",
        "src/schema.rs:8:read-write:orm-mapping (diesel):certain");
    assertThat(places(SurfaceScan.scan(List.of(repo), SurfaceTarget.of("app_users", null)),
        SurfaceTarget.of("app_users", null))).containsExactly(
        "src/models.rs:5:read-write:orm-mapping (diesel):certain",
        "src/models.rs:14:read-write:orm-mapping (diesel):certain",
        "src/models.rs:19:read:orm-field (diesel):certain",
        "src/models.rs:23:write:orm-field (diesel):certain",
        "src/models.rs:27:write:orm-field (diesel):certain",
        "src/schema.rs:5:read-write:orm-mapping (diesel):certain");
  }

  @Test
  void dslImportsCountWhereNoLocalBindingShadowsThem() throws IOException {
    write(repo, "src/schema.rs", """
        table! {
            posts (id) {
                id -> Int4,
                title -> Varchar,
                published -> Bool,
            }
        }
        """);
    write(repo, "src/posts.rs", """
        use crate::schema::posts::dsl::*;

        pub fn titles(conn: &mut PgConnection) -> Vec<String> {
            posts.filter(published.eq(true)).select(title).load(conn).unwrap()
        }

        pub fn publish(conn: &mut PgConnection, post_id: i32) {
            diesel::update(posts.find(post_id)).set(published.eq(true)).execute(conn);
        }

        pub fn shadowed(published: bool) -> bool {
            let title = "not a column";
            !published && title.is_empty()
        }
        """);
    write(repo, "src/other.rs", """
        pub fn unrelated(published: bool) -> bool {
            published
        }
        """);
    SurfaceTarget published = SurfaceTarget.of("posts", "published");
    assertThat(places(repo, published)).containsExactly(
        "src/posts.rs:4:read:orm-field (diesel):certain",
        "src/posts.rs:8:write:orm-field (diesel):certain",
        "src/schema.rs:5:read-write:orm-mapping (diesel):certain");
    SurfaceTarget table = SurfaceTarget.of("posts", null);
    assertThat(places(repo, table)).containsExactly(
        "src/posts.rs:4:read:orm-field (diesel):certain",
        "src/posts.rs:8:write:orm-field (diesel):certain",
        "src/schema.rs:2:read-write:orm-mapping (diesel):certain");
  }
}
