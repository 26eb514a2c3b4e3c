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
 * TypeORM entities and their uses: the nestjs-realworld fixture (real entities and services,
 * see its README) for a drop and a rename of real columns, and files written for this test
 * for the naming rules and the repository calls the fixture does not make.
 */
class TypeOrmSurfacesTest {
  private static final Path REALWORLD = Path.of("src/test/resources/surfaces/nestjs-realworld");

  @TempDir Path repo;

  @Test
  void aDropAndARenameOfRealworldColumnsFindTheMappingAndTheTypedEntities() throws IOException {
    String migration = "1700000000000-FavoritesAndBio.sql";
    List<SurfaceTarget> targets = SurfaceLines.migration(REALWORLD, migration);
    assertThat(targets).extracting(SurfaceTarget::display)
        .containsExactly("article.favoriteCount", "user.bio");
    SurfaceScan.Report r = SurfaceScan.scan(List.of(REALWORLD), targets);
    // The drop: article is typed by findOne on the article repository in each method; the
    // local favoriteCount is not the column.
    assertThat(SurfaceLines.of(r.of(targets.get(0)))).containsExactly(
        "article.entity.ts:41:read-write:orm-mapping (typeorm):certain",
        "article.service.ts:48:write:orm-field (typeorm):certain",
        "article.service.ts:57:read:orm-field (typeorm):certain",
        "article.service.ts:58:write:orm-field (typeorm):certain");
    assertThat(SurfaceLines.of(r.of(targets.get(1)))).containsExactly(
        "profile.service.ts:19:read:orm-field (typeorm):certain",
        "profile.service.ts:29:read:orm-field (typeorm):certain",
        "user.entity.ts:16:read-write:orm-mapping (typeorm):certain");
  }

  @Test
  void criteriaKeysQueryBuilderPathsAndTheTableOfEachRepositoryCall() {
    assertThat(SurfaceLines.found(REALWORLD, SurfaceTarget.of("follows", "\"followerId\""))).containsExactly(
        "article.service.ts:35:read:orm-field (typeorm):certain",
        "follows.entity.ts:9:read-write:orm-mapping (typeorm):certain",
        "profile.service.ts:18:read:orm-field (typeorm):certain",
        "profile.service.ts:26:write:orm-field (typeorm):certain",
        "profile.service.ts:35:read:orm-field (typeorm):certain");
    // authorId: the relation author's join column, in the query builder's strings.
    assertThat(SurfaceLines.found(REALWORLD, SurfaceTarget.of("article", "\"authorId\""))).containsExactly(
        "article.entity.ts:34:read-write:orm-mapping (typeorm):certain",
        "article.service.ts:22:read:orm-field (typeorm):certain",
        "article.service.ts:28:read:orm-field (typeorm):certain",
        "article.service.ts:39:read:orm-field (typeorm):certain");
    assertThat(SurfaceLines.found(REALWORLD, SurfaceTarget.of("follows", null))).containsExactly(
        "article.service.ts:35:read:orm-field (typeorm):certain",
        "follows.entity.ts:4:read-write:orm-mapping (typeorm):certain",
        "profile.service.ts:18:read:orm-field (typeorm):certain",
        "profile.service.ts:28:write:orm-field (typeorm):certain",
        "profile.service.ts:35:write:orm-field (typeorm):certain");
  }

  @Test
  void namingRulesAndTheCallsOfRepositoriesManagersAndDataSources() throws IOException {
    write("src/order-item.entity.ts", """
        @Entity()
        export class OrderItem {
          @PrimaryGeneratedColumn('uuid') id: string;
          @Column('varchar', { name: 'sku_code' }) sku: string;
          @CreateDateColumn() createdAt: Date;
          @ManyToOne(() => Order) @JoinColumn({ name: 'order_ref' }) order: Order;
          @OneToOne(() => Invoice, i => i.item) invoice: Invoice;
          @ManyToOne(() => Shop) shop: Shop;
          label: string;
        }
        """);
    write("src/items.ts", """
        const sku = 'not a column';
        export async function items(dataSource, manager, other: Repository<Order>) {
          const repo = dataSource.getRepository(OrderItem);
          await repo.find({ where: [{ sku }, { shop: 1 }], select: ['sku', 'id'], order: { createdAt: 'DESC' } });
          await manager.update(OrderItem, { sku: 'a' }, { sku: 'b' });
          await other.find({ where: { sku } });
          return { sku };
        }
        """);
    assertThat(SurfaceLines.found(repo, SurfaceTarget.of("order_item", null))).containsExactly(
        "items.ts:4:read:orm-field (typeorm):certain",
        "items.ts:5:write:orm-field (typeorm):certain",
        "order-item.entity.ts:2:read-write:orm-mapping (typeorm):certain");
    assertThat(SurfaceLines.found(repo, SurfaceTarget.of("order_item", "sku_code"))).containsExactly(
        "items.ts:4:read:orm-field (typeorm):certain",
        "items.ts:4:read:orm-field (typeorm):certain",
        "items.ts:5:read:orm-field (typeorm):certain",
        "items.ts:5:write:orm-field (typeorm):certain",
        "order-item.entity.ts:4:read-write:orm-mapping (typeorm):certain");
    assertThat(SurfaceLines.found(repo, SurfaceTarget.of("order_item", "\"createdAt\""))).containsExactly(
        "items.ts:4:read:orm-field (typeorm):certain",
        "order-item.entity.ts:5:read-write:orm-mapping (typeorm):certain");
    assertThat(SurfaceLines.found(repo, SurfaceTarget.of("order_item", "order_ref")))
        .containsExactly("order-item.entity.ts:6:read-write:orm-mapping (typeorm):certain");
    assertThat(SurfaceLines.found(repo, SurfaceTarget.of("order_item", "\"shopId\""))).containsExactly(
        "items.ts:4:read:orm-field (typeorm):certain",
        "order-item.entity.ts:8:read-write:orm-mapping (typeorm):certain");
    for (String none : List.of("\"invoiceId\"", "invoice", "label")) {
      assertThat(SurfaceLines.found(repo, SurfaceTarget.of("order_item", none))).as(none).isEmpty();
    }
  }

  private void write(String rel, String text) throws IOException {
    Path p = repo.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }
}
