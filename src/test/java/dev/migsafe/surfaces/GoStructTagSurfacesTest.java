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
 * Go structs mapped by {@code gorm:} and {@code db:} tags: on the fixtures in the shape of
 * Shiori (sqlx; the surfaces of its real rename) and of the gin realworld example (gorm), and
 * on small files written for each rule.
 */
class GoStructTagSurfacesTest {
  private static final Path SHIORI = Path.of("src/test/resources/surfaces/shiori-bookmarks");
  private static final Path REALWORLD =
      Path.of("src/test/resources/surfaces/golang-gin-realworld");

  @TempDir Path repo;

  @Test
  void shiorisRealRenameOfBookmarkModifiedFindsTheDtoItsFieldsAndItsSql() throws IOException {
    Path migration = SHIORI.resolve("internal/database/migrations/postgres/0002_created_time.up.sql");
    List<SurfaceTarget> targets = targetsOf(migration);
    assertThat(targets).extracting(SurfaceTarget::display).containsExactly("bookmark.modified");

    SurfaceScan.Report r = SurfaceScan.scan(List.of(SHIORI), targets);

    // BookmarkDTO stands for bookmark (its DTO suffix dropped); pocket.go's local `modified`
    // is not the column. GetBookmarks assembles its query: the column is named in the slice
    // of column names (66) and in the ORDER BY appended in one branch (73). Left out
    // (docs/surfaces.md): export.go's loop over another package's result.
    assertThat(places(r, targets.get(0))).containsExactly(
        "internal/cmd/pocket.go:20:write:orm-field (go-struct-tags):certain",
        "internal/database/pg.go:18:write:sql-string:certain",
        "internal/database/pg.go:25:write:sql-string:certain",
        "internal/database/pg.go:35:read:orm-field (go-struct-tags):certain",
        "internal/database/pg.go:36:write:orm-field (go-struct-tags):certain",
        "internal/database/pg.go:41:read:orm-field (go-struct-tags):certain",
        "internal/database/pg.go:45:read:orm-field (go-struct-tags):certain",
        "internal/database/pg.go:66:read:sql-string:certain",
        "internal/database/pg.go:73:read:sql-string:certain",
        "internal/database/pg.go:86:read:sql-string:certain",
        "internal/model/bookmark.go:17:read-write:orm-mapping (go-struct-tags):certain");
  }

  @Test
  void aDropAndARenameOfGormColumnsFindTheModelThroughEveryVariableOfItsType()
      throws IOException {
    Path migration = REALWORLD.resolve("migrations/20240101_drop_bio_rename_email.sql");
    List<SurfaceTarget> targets = targetsOf(migration);
    assertThat(targets).extracting(SurfaceTarget::display)
        .containsExactly("user_models.email", "user_models.bio");

    SurfaceScan.Report r = SurfaceScan.scan(List.of(REALWORLD), targets);

    // routers.go's local `email` is not the column; the literal that looks a user up is read.
    assertThat(places(r, targets.get(0))).containsExactly(
        "hello.go:16:write:orm-field (go-struct-tags):certain",
        "users/models.go:15:read-write:orm-mapping (go-struct-tags):certain",
        "users/routers.go:19:read:orm-field (go-struct-tags):certain",
        "users/serializers.go:35:read:orm-field (go-struct-tags):certain",
        "users/validators.go:23:write:orm-field (go-struct-tags):likely",
        "users/validators.go:32:read:orm-field (go-struct-tags):certain",
        "users/validators.go:49:write:orm-field (go-struct-tags):likely");
    // self.Bio in serializers.go: promoted from the embedded UserModel.
    assertThat(places(r, targets.get(1))).containsExactly(
        "hello.go:17:write:orm-field (go-struct-tags):certain",
        "users/models.go:16:read-write:orm-mapping (go-struct-tags):certain",
        "users/serializers.go:20:read:orm-field (go-struct-tags):certain",
        "users/serializers.go:36:read:orm-field (go-struct-tags):certain",
        "users/validators.go:24:write:orm-field (go-struct-tags):likely",
        "users/validators.go:33:read:orm-field (go-struct-tags):certain");
  }

  @Test
  void gormNamesTablesAndColumnsByDefaultAndReadsTheColumnStringsOfAChain()
      throws IOException {
    write(repo, "store/models.go", """
        package store

        type Company struct {
        	gorm.Model
        	Name string
        }

        type OrderItem struct {
        	gorm.Model
        	UnitPrice int
        	HTMLNote  string `gorm:"column:note"`
        	Company   Company
        	CompanyID uint
        	Tags      []Tag `gorm:"many2many:item_tags;"`
        	Ignored   string `gorm:"-"`
        }

        type Person struct {
        	ID   uint
        	Name string `gorm:"size:80"`
        }

        func (Person) TableName() string { return "staff" }
        """);
    write(repo, "store/queries.go", """
        package store

        func Cheap(db *gorm.DB, unitPrice int) []OrderItem {
        	var items []OrderItem
        	db.Where("unit_price < ?", unitPrice).Order("unit_price desc").Find(&items)
        	return items
        }

        func Reprice(db *gorm.DB, id uint) {
        	db.Model(&OrderItem{}).Where("id = ?", id).Update("unit_price", 10)
        }

        func Prices(db *gorm.DB) {
        	var prices []int
        	db.Model(&OrderItem{}).Pluck("unit_price", &prices)
        	db.Select("name").Find(&[]Person{})
        }
        """);
    SurfaceTarget price = SurfaceTarget.of("order_items", "unit_price");
    assertThat(places(repo, price)).containsExactly(
        "store/models.go:10:read-write:orm-mapping (go-struct-tags):certain",
        "store/queries.go:5:read:orm-field (go-struct-tags):certain",
        "store/queries.go:5:read:orm-field (go-struct-tags):certain",
        "store/queries.go:10:write:orm-field (go-struct-tags):certain",
        "store/queries.go:15:read:orm-field (go-struct-tags):certain");
    SurfaceTarget items = SurfaceTarget.of("order_items", null);
    assertThat(places(repo, items)).containsExactly(
        "store/models.go:8:read-write:orm-mapping (go-struct-tags):certain",
        "store/queries.go:5:read:orm-field (go-struct-tags):certain",
        "store/queries.go:10:write:orm-field (go-struct-tags):certain",
        "store/queries.go:15:read:orm-field (go-struct-tags):certain");
    // The association, its foreign key, the many2many and the ignored field: only company_id
    // and the embedded gorm.Model columns besides the two above are mapped.
    SurfaceTarget note = SurfaceTarget.of("order_items", "note");
    assertThat(SurfaceScan.scan(List.of(repo), note).of(note)).hasSize(1);
    for (String column : List.of("company", "tags", "ignored")) {
      SurfaceTarget t = SurfaceTarget.of("order_items", column);
      assertThat(SurfaceScan.scan(List.of(repo), t).of(t)).as(column).isEmpty();
    }
    SurfaceTarget companyId = SurfaceTarget.of("order_items", "company_id");
    assertThat(SurfaceScan.scan(List.of(repo), companyId).of(companyId)).hasSize(1);
    SurfaceTarget deletedAt = SurfaceTarget.of("companies", "deleted_at");
    assertThat(places(repo, deletedAt)).containsExactly(
        "store/models.go:4:read-write:orm-mapping (go-struct-tags):certain");
    // TableName() names Person's table; a Select through []Person{} reads its column.
    SurfaceTarget staff = SurfaceTarget.of("staff", "name");
    assertThat(places(repo, staff)).containsExactly(
        "store/models.go:20:read-write:orm-mapping (go-struct-tags):certain");
  }

  @Test
  void aDbTaggedStructStandsForTheTableNamedLikeItAndOnlyItsTaggedFieldsMap()
      throws IOException {
    write(repo, "db/models.go", """
        package db

        type Author struct {
        	ID   int64  `db:"id"`
        	Name string `db:"name"`
        	Bio  string `db:"bio,omitempty"`
        	Note string
        }

        type Settings struct {
        	Theme string
        }
        """);
    write(repo, "db/authors.go", """
        package db

        func Rename(a *Author, bio string) {
        	a.Name = "x"
        	_ = bio
        }

        func Show(ctx context.Context, q *Queries) string {
        	author, err := q.GetAuthor(ctx, 1)
        	return author.Bio
        }
        """);
    SurfaceTarget bio = SurfaceTarget.of("authors", "bio");
    // The parameter `bio` is not the column; author's type comes from a call: not followed.
    assertThat(places(repo, bio)).containsExactly(
        "db/models.go:6:read-write:orm-mapping (go-struct-tags):certain");
    SurfaceTarget name = SurfaceTarget.of("author", "name");
    assertThat(places(repo, name)).containsExactly(
        "db/authors.go:4:write:orm-field (go-struct-tags):certain",
        "db/models.go:5:read-write:orm-mapping (go-struct-tags):certain");
    // api.Author is another package's struct of the same name: its fields are not columns.
    write(repo, "api/authors.go", """
        package api

        type Author struct {
        	Name string `json:"name"`
        }

        func Show(a Author) string {
        	return a.Name
        }

        func Load(a *db.Author) string {
        	return a.Name
        }
        """);
    assertThat(places(repo, name)).containsExactly(
        "api/authors.go:12:read:orm-field (go-struct-tags):certain",
        "db/authors.go:4:write:orm-field (go-struct-tags):certain",
        "db/models.go:5:read-write:orm-mapping (go-struct-tags):certain");
    for (SurfaceTarget none : List.of(SurfaceTarget.of("authors", "note"),
        SurfaceTarget.of("settings", null))) {
      assertThat(SurfaceScan.scan(List.of(repo), none).of(none)).as(none.display()).isEmpty();
    }
  }
}
