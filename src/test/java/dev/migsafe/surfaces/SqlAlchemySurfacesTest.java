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
 * SQLAlchemy surfaces: the fixture in the shape of microblog ({@code surfaces/flask-microblog})
 * for the drop its Alembic migration makes and a rename, and small repositories written here
 * for declarative names, Core tables and SQLModel.
 */
class SqlAlchemySurfacesTest {
  private static final Path APP = Path.of("src/test/resources/surfaces/flask-microblog");

  @TempDir Path repo;


  @Test
  void theDropOfTheTokenColumnsAndARenameFindTheirUsesThroughTheModel() {
    // The downgrade of migration 834b1a697901, and a rename of username.
    List<SurfaceTarget> targets = SurfaceTargets.of("downgrade.sql", """
        ALTER TABLE "user" DROP COLUMN token_expiration;
        ALTER TABLE "user" DROP COLUMN token;
        ALTER TABLE "user" RENAME COLUMN username TO handle;
        """);
    SurfaceScan.Report r = SurfaceScan.scan(List.of(APP), targets);

    assertThat(OrmFixtures.places(r, targets.get(0))).containsExactly(
        "app/models.py:30:read-write:orm-mapping (sqlalchemy):certain",
        "app/models.py:48:read:orm-field (sqlalchemy):certain",
        "app/models.py:52:write:orm-field (sqlalchemy):certain",
        "app/models.py:57:write:orm-field (sqlalchemy):certain",
        "app/models.py:63:read:orm-field (sqlalchemy):likely");
    // The parameter token and the response key 'token' are not uses.
    assertThat(OrmFixtures.places(r, targets.get(1))).containsExactly(
        "app/models.py:28:read-write:orm-mapping (sqlalchemy):certain",
        "app/models.py:48:read:orm-field (sqlalchemy):certain",
        "app/models.py:50:read:orm-field (sqlalchemy):certain",
        "app/models.py:51:write:orm-field (sqlalchemy):certain",
        "app/models.py:54:read:orm-field (sqlalchemy):certain",
        "app/models.py:62:read:orm-field (sqlalchemy):certain");
    assertThat(OrmFixtures.places(r, targets.get(2))).containsExactly(
        "app/api/auth.py:12:read:orm-field (sqlalchemy):certain",
        "app/auth/routes.py:14:read:orm-field (sqlalchemy):certain",
        "app/auth/routes.py:25:write:orm-field (sqlalchemy):certain",
        "app/main/routes.py:25:read:orm-field (sqlalchemy):certain",
        "app/main/routes.py:26:read:orm-field (sqlalchemy):likely",
        "app/main/routes.py:39:read:orm-field (sqlalchemy):likely",
        "app/main/routes.py:41:write:orm-field (sqlalchemy):likely",
        "app/main/routes.py:45:read:orm-field (sqlalchemy):likely",
        "app/models.py:21:read-write:orm-mapping (sqlalchemy):certain",
        "app/models.py:40:read:orm-field (sqlalchemy):certain");
  }

  @Test
  void columnNamesTableNamesCoreTablesAndWrites() throws IOException {
    OrmFixtures.write(repo, "db/tables.py", """
        from sqlalchemy import Column, ForeignKey, Integer, String, Table
        from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
        from sqlmodel import Field, SQLModel


        class Base(DeclarativeBase):
            pass


        class Customer(Base):
            __tablename__ = "customers"
            id: Mapped[int] = mapped_column(primary_key=True)
            email: Mapped[str] = mapped_column("email_address", String(120))
            orders = relationship("Order")


        class OrderLine(Base):
            __tablename__ = "order_lines"
            id = Column(Integer, primary_key=True)
            note = Column("remark", String)


        class Hero(SQLModel, table=True):
            id: int | None = Field(default=None, primary_key=True)
            secret_name: str


        audit = Table("audit_log", Base.metadata, Column("actor", String))
        """);
    OrmFixtures.write(repo, "app/service.py", """
        from sqlalchemy import insert, select, update
        from db.tables import Customer, Hero, OrderLine, audit


        def run(session, email, remark):
            session.execute(select(Customer.email).where(Customer.email == email))
            session.execute(update(Customer).values(email=email))
            session.execute(update(Customer).values({Customer.email: email}))
            session.query(OrderLine).filter_by(note=remark).all()
            session.execute(audit.insert().values(actor=email))
            session.execute(select(audit.c.actor))
            session.add(Hero(secret_name=remark))
            return email, remark
        """);
    assertThat(SurfaceScan.scan(List.of(repo), SurfaceTarget.of("customers", "email_address"))
        .surfaces()).extracting(s -> s.path() + ":" + s.line() + ":" + s.access().id())
        .containsExactly("app/service.py:6:read", "app/service.py:6:read",
            "app/service.py:7:write",
            "app/service.py:8:write", "db/tables.py:13:read-write");
    assertThat(SurfaceScan.scan(List.of(repo), SurfaceTarget.of("order_lines", "remark"))
        .surfaces()).extracting(s -> s.line() + ":" + s.certainty().id())
        .containsExactly("9:likely", "20:certain");
    assertThat(SurfaceScan.scan(List.of(repo), SurfaceTarget.of("audit_log", "actor"))
        .surfaces()).extracting(Surface::line).containsExactly(11, 28);
    assertThat(SurfaceScan.scan(List.of(repo), SurfaceTarget.of("hero", "secret_name"))
        .surfaces()).extracting(s -> s.line() + ":" + s.access().id())
        .containsExactly("12:write", "25:read-write");
    // A relationship holds no column.
    assertThat(SurfaceScan.scan(List.of(repo), SurfaceTarget.of("customers", "orders"))
        .surfaces()).isEmpty();
  }

  @Test
  void filesWithSyntaxErrorsAreReadAndNeverStopTheScan() throws IOException {
    // tree-sitter recovers from errors and leaves nodes out; each reader must skip them.
    OrmFixtures.write(repo, "app/models.py", """
        class User(db.Model):
            __tablename__ = "users"
            email = Column("email", String(
            name = mapped_column(
        followers = Table("followers", db.metadata, Column(
        """);
    OrmFixtures.write(repo, "shop/models.py", """
        class Order(models.Model):
            email = models.EmailField(
            class Meta
                db_table =
        """);
    OrmFixtures.write(repo, "app/views.py", """
        def f(user, order):
            select(User.).where(User.email == )
            Order.objects.filter(email__=).values(
            followers.c.
            user.email =
            order.save(update_fields=[
        """);
    OrmFixtures.write(repo, "db/schema.rb", "create_table \"users\" do |t|\n  t.string \n");
    OrmFixtures.write(repo, "app/models/user.rb", "class User < ApplicationRecord\n  self.\n");
    OrmFixtures.write(repo, "app/jobs/x.rb", "User.where(email: ).pluck(\n user. = \n");
    for (SurfaceTarget t : List.of(SurfaceTarget.of("users", "email"),
        SurfaceTarget.of("users", null), SurfaceTarget.of("shop_order", "email"),
        SurfaceTarget.of("followers", null))) {
      assertThat(SurfaceScan.scan(List.of(repo), t).filesRead()).as(t.display()).isEqualTo(6);
    }
  }
}
