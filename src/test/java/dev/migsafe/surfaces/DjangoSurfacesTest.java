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
 * Django surfaces: the fixture in the shape of the RealWorld Django application ({@code
 * surfaces/django-realworld}) for a rename and a drop of its columns, and small repositories
 * written here for Django's naming rules and QuerySet lookups.
 */
class DjangoSurfacesTest {
  private static final Path APP = Path.of("src/test/resources/surfaces/django-realworld");

  @TempDir Path repo;


  @Test
  void aRenameAndADropOfTheApplicationsColumnsFindTheirUsesThroughTheModels() {
    List<SurfaceTarget> targets = SurfaceTargets.of("0004_rename.sql", """
        ALTER TABLE articles_article RENAME COLUMN slug TO handle;
        ALTER TABLE authentication_user DROP COLUMN username;
        """);
    SurfaceScan.Report r = SurfaceScan.scan(List.of(APP), targets);

    // The parameters slug and article_slug are not uses; the pre_save signal's instance is
    // the sender's.
    assertThat(OrmFixtures.places(r, targets.get(0))).containsExactly(
        "conduit/apps/articles/models.py:7:read-write:orm-mapping (django):certain",
        "conduit/apps/articles/serializers.py:8:read-write:orm-field (django):certain",
        "conduit/apps/articles/serializers.py:18:read-write:orm-field (django):certain",
        "conduit/apps/articles/signals.py:10:read:orm-field (django):certain",
        "conduit/apps/articles/signals.py:12:write:orm-field (django):certain",
        "conduit/apps/articles/views.py:10:read:orm-field (django):certain",
        "conduit/apps/articles/views.py:29:read:orm-field (django):likely",
        "conduit/apps/articles/views.py:38:read:orm-field (django):likely",
        "conduit/apps/articles/views.py:48:read:orm-field (django):certain",
        "conduit/apps/articles/views.py:58:read:orm-field (django):certain");
    // Through relations: author__user__username, self.user.username; the manager's
    // self.model(username=...).
    assertThat(OrmFixtures.places(r, targets.get(1))).containsExactly(
        "conduit/apps/articles/views.py:19:read:orm-field (django):likely",
        "conduit/apps/authentication/models.py:12:write:orm-field (django):certain",
        "conduit/apps/authentication/models.py:19:read-write:orm-mapping (django):certain",
        "conduit/apps/authentication/models.py:30:read:orm-field (django):certain",
        "conduit/apps/profiles/models.py:20:read:orm-field (django):likely",
        "conduit/apps/profiles/views.py:12:read:orm-field (django):likely",
        "conduit/apps/profiles/views.py:19:read:orm-field (django):likely");
  }

  @Test
  void tablesAreTheAppLabelAndModelNameUnlessMetaNamesThem() throws IOException {
    OrmFixtures.write(repo, "shop/models.py", """
        from django.db import models


        class Base(models.Model):
            created_at = models.DateTimeField()

            class Meta:
                abstract = True


        class OrderLine(Base):
            email = models.EmailField(db_column="mail")
            customer = models.ForeignKey("crm.Customer", on_delete=models.CASCADE)
            tags = models.ManyToManyField("shop.Tag")


        class Refund(models.Model):
            email = models.EmailField()

            class Meta:
                db_table = "refunds"
        """);
    OrmFixtures.write(repo, "shop/views.py", """
        from django.db.models import F, Q
        from .models import OrderLine, Refund


        def lines(email, customer):
            OrderLine.objects.filter(Q(email__iexact=email) | Q(customer=customer))
            OrderLine.objects.values_list("email", flat=True).order_by("-email")
            OrderLine.objects.filter(customer_id=customer).update(email=F("email"))
            Refund.objects.create(email=email)
            return email


        def touch(order_line):
            order_line.save(update_fields=["email", "customer"])
        """);
    assertThat(SurfaceScan.scan(List.of(repo), SurfaceTarget.of("shop_orderline", "mail"))
        .surfaces()).extracting(s -> s.path() + ":" + s.line() + ":" + s.access().id())
        .containsExactly("shop/models.py:12:read-write", "shop/views.py:6:read",
            "shop/views.py:7:read", "shop/views.py:8:write", "shop/views.py:8:read",
            "shop/views.py:14:write");
    assertThat(SurfaceScan.scan(List.of(repo), SurfaceTarget.of("shop_orderline",
        "customer_id")).surfaces()).extracting(Surface::line).containsExactly(13, 6, 8, 14);
    assertThat(SurfaceScan.scan(List.of(repo), SurfaceTarget.of("refunds", "email"))
        .surfaces()).extracting(s -> s.line() + ":" + s.access().id())
        .containsExactly("18:read-write", "9:write");
    // An abstract model has no table; a many-to-many field no column of the model's table.
    assertThat(SurfaceScan.scan(List.of(repo), SurfaceTarget.of("shop_base", null))
        .surfaces()).isEmpty();
    assertThat(SurfaceScan.scan(List.of(repo), SurfaceTarget.of("shop_orderline", "tags"))
        .surfaces()).isEmpty();
  }

  @Test
  void aManagerTheModelInstallsAndASignalReceiverOfTheModelAreTypedByIt() throws IOException {
    OrmFixtures.write(repo, "shop/models.py", """
        from django.db import models


        class CustomerManager(models.Manager):
            def register(self, email):
                customer = self.model(email=email)
                return self.filter(email__iexact=email)


        class SharedManager(models.Manager):
            def register(self, email):
                return self.model(email=email)


        class Customer(models.Model):
            email = models.EmailField()
            objects = CustomerManager()
            others = SharedManager()


        class Supplier(models.Model):
            email = models.EmailField()
            objects = SharedManager()
        """);
    OrmFixtures.write(repo, "shop/signals.py", """
        from django.db.models.signals import pre_save
        from django.dispatch import receiver
        from .models import Customer, Supplier


        @receiver(pre_save, sender=Customer)
        def lower(sender, instance, **kwargs):
            instance.email = instance.email.lower()

            def nested(instance):
                return instance.email

            @staticmethod
            def decorated(instance):
                return instance.email


        @receiver(pre_save, sender=Supplier)
        def supplier(sender, instance, **kwargs):
            instance.email = ""


        @receiver(pre_save, sender=Customer)
        def untyped(sender, **kwargs):
            obj = kwargs["instance"]
            return obj.email


        def not_a_receiver(instance):
            return instance.email
        """);
    // The manager two models install, the nested function's own instance, another model's
    // receiver, a nested decorated function and a function that is no receiver are not uses
    // of Customer.email; the manager two models install is not tied to Supplier either.
    assertThat(SurfaceScan.scan(List.of(repo), SurfaceTarget.of("shop_customer", "email"))
        .surfaces()).extracting(s -> s.path() + ":" + s.line() + ":" + s.access().id())
        .containsExactly("shop/models.py:6:write", "shop/models.py:7:read",
            "shop/models.py:16:read-write", "shop/signals.py:8:write",
            "shop/signals.py:8:read");
    assertThat(SurfaceScan.scan(List.of(repo), SurfaceTarget.of("shop_supplier", "email"))
        .surfaces()).extracting(s -> s.path() + ":" + s.line() + ":" + s.access().id())
        .containsExactly("shop/models.py:22:read-write", "shop/signals.py:20:write");
  }
}
