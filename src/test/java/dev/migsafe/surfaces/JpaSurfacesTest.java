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
 * JPA entities and their uses: the spring-petclinic fixture (real tables, columns and usage,
 * see its README) for a rename and a drop of real columns, and small files written for this
 * test for the naming rules, Kotlin, JPQL and Spring Data derived queries.
 */
class JpaSurfacesTest {
  private static final Path PETCLINIC = Path.of("src/test/resources/surfaces/spring-petclinic");
  private static final String OWNER = "src/main/java/org/springframework/samples/petclinic/owner/";

  @TempDir Path repo;

  @Test
  void aRenameAndADropOfPetclinicColumnsFindTheirMappingAndEveryTypedAccessor()
      throws IOException {
    String migration = "V2__rename_telephone_drop_birth_date.sql";
    List<SurfaceTarget> targets = SurfaceLines.migration(PETCLINIC, migration);
    assertThat(targets).extracting(SurfaceTarget::display)
        .containsExactly("owners.telephone", "pets.birth_date");
    SurfaceScan.Report r = SurfaceScan.scan(List.of(PETCLINIC), targets);
    // The rename: only the mapping, as every other telephone is the entity's own or a local.
    assertThat(SurfaceLines.of(r.of(targets.get(0))))
        .containsExactly("Owner.java:27:read-write:orm-mapping (jpa):certain");
    // The drop: the mapping and each getter and setter on a Pet, never Owner's or a word.
    assertThat(SurfaceLines.of(r.of(targets.get(1)))).containsExactly(
        "Pet.java:18:read-write:orm-mapping (jpa):certain",
        "PetController.java:11:read:orm-field (jpa):certain",
        "PetController.java:11:read:orm-field (jpa):certain",
        "PetController.java:16:write:orm-field (jpa):certain",
        "PetController.java:16:read:orm-field (jpa):certain",
        "PetValidator.java:18:read:orm-field (jpa):certain");
  }

  @Test
  void aMappedSuperclassFieldIsInEachEntityTableAndATypedReceiverPicksTheEntity() {
    assertThat(SurfaceLines.found(PETCLINIC, SurfaceTarget.of("owners", "last_name"))).containsExactly(
        "Person.java:13:read-write:orm-mapping (jpa):certain",
        "OwnerController.java:21:read:orm-field (jpa):certain",
        // The derived query findByLastNameStartingWith, then the JPQL of the @Query.
        "OwnerRepository.java:13:read:orm-field (jpa):certain",
        "OwnerRepository.java:15:read:orm-field (jpa):certain");
    assertThat(SurfaceLines.found(PETCLINIC, SurfaceTarget.of("vets", "last_name"))).containsExactly(
        "Person.java:13:read-write:orm-mapping (jpa):certain",
        "VetController.java:10:read:orm-field (jpa):certain",
        "VetController.java:11:read:orm-field (jpa):certain");
    assertThat(SurfaceLines.found(PETCLINIC, SurfaceTarget.of("owners", null))).containsExactly(
        "Owner.java:18:read-write:orm-mapping (jpa):certain",
        "OwnerRepository.java:11:read-write:orm-field (jpa):certain",
        "OwnerRepository.java:15:read:orm-field (jpa):certain");
    assertThat(SurfaceLines.found(PETCLINIC, SurfaceTarget.of("pets", "type_id")))
        .containsExactly("Pet.java:22:read-write:orm-mapping (jpa):certain");
  }

  @Test
  void springNamingAppliesToDefaultAndGivenNamesAndUnmappedFieldsHaveNoColumn()
      throws IOException {
    write("src/shop/OrderLine.java", """
        package shop;
        @Entity
        class OrderLine {
          @Id Long id;
          private String shippingAddress;
          @Column(name = "unitPrice2Net") private long price;
          @Transient private String shippingLabel;
          private static final String TABLE = "order_line";
          private transient int cached;
          @ManyToOne private Customer customer;
          @OneToMany(mappedBy = "line") private List<Parcel> parcels;
        }
        """);
    write("src/shop/Sku.java", """
        @jakarta.persistence.Entity(name = "StockItem")
        class Sku { String code; }
        """);
    assertThat(SurfaceLines.found(repo, SurfaceTarget.of("order_line", null)))
        .containsExactly("OrderLine.java:3:read-write:orm-mapping (jpa):certain");
    assertThat(SurfaceLines.found(repo, SurfaceTarget.of("order_line", "shipping_address")))
        .containsExactly("OrderLine.java:5:read-write:orm-mapping (jpa):certain");
    assertThat(SurfaceLines.found(repo, SurfaceTarget.of("order_line", "unit_price2_net")))
        .containsExactly("OrderLine.java:6:read-write:orm-mapping (jpa):certain");
    assertThat(SurfaceLines.found(repo, SurfaceTarget.of("order_line", "customer_id")))
        .containsExactly("OrderLine.java:10:read-write:orm-mapping (jpa):certain");
    for (String none : List.of("shipping_label", "cached", "table", "parcels")) {
      assertThat(SurfaceLines.found(repo, SurfaceTarget.of("order_line", none))).as(none).isEmpty();
    }
    assertThat(SurfaceLines.found(repo, SurfaceTarget.of("stock_item", "code")))
        .containsExactly("Sku.java:2:read-write:orm-mapping (jpa):certain");
  }

  @Test
  void kotlinPropertiesJpqlAndDerivedQueriesAreReadThroughTheMapping() throws IOException {
    write("src/Order.kt", """
        @Entity
        @Table(name = "orders")
        class Order(
          @Column(name = "email_address") var email: String,
          val status: String,
        ) {
          @Transient var draft: String? = null
        }
        """);
    write("src/OrderRepository.kt", """
        interface OrderRepository : JpaRepository<Order, Long> {
          fun existsByEmailAndStatus(email: String, status: String): Boolean
          fun findByStatusOrderByEmailDesc(status: String): List<Order>
          @Query("update Order o set o.email = :email where o.status = 'email'")
          fun rewrite(email: String): Int
        }
        """);
    write("src/Mailer.kt", """
        class Mailer(private val customer: Customer) {
          fun send(order: Order, any: Thing) {
            val email = "not a column"
            order.email = email.trim()
            println(order.email + customer.email + any.email)
          }
        }
        """);
    assertThat(SurfaceLines.found(repo, SurfaceTarget.of("orders", "email_address"))).containsExactly(
        "Mailer.kt:4:write:orm-field (jpa):certain",
        "Mailer.kt:5:read:orm-field (jpa):certain",
        // any: a Thing, whose type the file names but which is not Order: not counted;
        // customer is a Customer.
        "Order.kt:4:read-write:orm-mapping (jpa):certain",
        "OrderRepository.kt:2:read:orm-field (jpa):certain",
        "OrderRepository.kt:3:read:orm-field (jpa):certain",
        "OrderRepository.kt:4:write:orm-field (jpa):certain");
    // The status in the @Query is read (its 'email' is a string, not the field).
    assertThat(SurfaceLines.found(repo, SurfaceTarget.of("orders", "status"))).containsExactly(
        "Order.kt:5:read-write:orm-mapping (jpa):certain",
        "OrderRepository.kt:2:read:orm-field (jpa):certain",
        "OrderRepository.kt:3:read:orm-field (jpa):certain",
        "OrderRepository.kt:4:read:orm-field (jpa):certain");
    assertThat(SurfaceLines.found(repo, SurfaceTarget.of("orders", "draft"))).isEmpty();
  }

  @Test
  void anUntypedReceiverIsLikelyAndAnotherTypeIsNotAUse() throws IOException {
    write("src/Order.java", """
        @Entity @Table(name = "orders")
        class Order { String email; }
        """);
    write("src/Service.java", """
        class Service {
          String f(Order order, Customer customer, OrderRepository repo) {
            var fetched = repo.findById(1L).orElseThrow();
            String email = customer.getEmail();
            em.createQuery("select count(o) from Order o where o.email like ?1");
            em.createQuery("from Order where email = :email");
            return fetched.getEmail() + order.getEmail() + email;
          }
        }
        """);
    assertThat(SurfaceLines.found(repo, SurfaceTarget.of("orders", "email"))).containsExactly(
        "Order.java:2:read-write:orm-mapping (jpa):certain",
        "Service.java:5:read:orm-field (jpa):certain",
        "Service.java:6:read:orm-field (jpa):certain",
        "Service.java:7:read:orm-field (jpa):likely",
        "Service.java:7:read:orm-field (jpa):certain");
  }

  private void write(String rel, String text) throws IOException {
    Path p = repo.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }
}
