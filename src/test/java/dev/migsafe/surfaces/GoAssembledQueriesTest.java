package dev.migsafe.surfaces;

import static dev.migsafe.surfaces.FixtureSurfaces.places;
import static dev.migsafe.surfaces.FixtureSurfaces.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migsafe.internal.surfaces.SurfaceTarget;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Go function that assembles its query over several statements: each name is reported at
 * the literal that spells it, once, and only what the function can run is read.
 */
class GoAssembledQueriesTest {
  @TempDir
  Path repo;

  @Test
  void aColumnListInASliceAndAppendsInBranchesAreReadWhereTheyAreWritten() throws IOException {
    write(repo, "db/orders.go", """
        package db

        func List(byDate bool, id int) {
        	columns := []string{"id", "status", "placed_at"}
        	query := "SELECT " + strings.Join(columns, ", ") + " FROM orders WHERE customer_id = " + strconv.Itoa(id)
        	if byDate {
        		query += " ORDER BY placed_at DESC"
        	} else {
        		query += " ORDER BY id"
        	}
        	run(query)
        }
        """);
    assertThat(places(repo, SurfaceTarget.of("orders", "placed_at"))).containsExactly(
        "db/orders.go:4:read:sql-string:certain",
        "db/orders.go:7:read:sql-string:certain");
    // Named only in the piece that names the table; and each place once.
    assertThat(places(repo, SurfaceTarget.of("orders", "customer_id"))).containsExactly(
        "db/orders.go:5:read:sql-string:certain");
    assertThat(places(repo, SurfaceTarget.of("orders", "status"))).containsExactly(
        "db/orders.go:4:read:sql-string:certain");
  }

  /** Names appended to the slice of columns, in a branch or not, are read with it. */
  @Test
  void namesAppendedToTheColumnSliceAreReadWithIt() throws IOException {
    write(repo, "db/orders.go", """
        package db

        func List(full bool) {
        	columns := []string{`id`, `status`}
        	if full {
        		columns = append(columns, `note`, `placed_at`)
        	}
        	query := `SELECT ` + strings.Join(columns, ",") + ` FROM orders`
        	run(query)
        }
        """);
    assertThat(places(repo, SurfaceTarget.of("orders", "placed_at"))).containsExactly(
        "db/orders.go:6:read:sql-string:certain");
    assertThat(places(repo, SurfaceTarget.of("orders", "id"))).containsExactly(
        "db/orders.go:4:read:sql-string:certain");
  }

  /** An append to a query written as one literal adds what it names; the rest is read once. */
  @Test
  void anAppendToALiteralQueryAddsOnlyItsOwnNames() throws IOException {
    write(repo, "db/orders.go", """
        package db

        func Find(id int, ref string) {
        	query := `SELECT id, status FROM orders WHERE id = $1`
        	if ref != "" {
        		query += ` OR ref = $2`
        	}
        	run(query)
        }
        """);
    assertThat(places(repo, SurfaceTarget.of("orders", "status"))).containsExactly(
        "db/orders.go:4:read:sql-string:certain");
    assertThat(places(repo, SurfaceTarget.of("orders", "ref"))).containsExactly(
        "db/orders.go:6:read:sql-string:certain");
  }

  /**
   * Appends after the variable is given another value grow that value; a variable of the
   * same name in another function is another variable.
   */
  @Test
  void appendsBelongToTheValueAndTheFunctionTheyAreIn() throws IOException {
    write(repo, "db/orders.go", """
        package db

        func A(id int) {
        	query := "SELECT id FROM orders WHERE id = " + strconv.Itoa(id)
        	run(query)
        	query = "SELECT id FROM invoices WHERE id = 1"
        	query += " ORDER BY total"
        	run(query)
        }

        func B() {
        	query := "SELECT id FROM customers"
        	query += " ORDER BY total"
        	run(query)
        }
        """);
    assertThat(places(repo, SurfaceTarget.of("orders", "total"))).isEmpty();
    assertThat(places(repo, SurfaceTarget.of("orders", "id"))).containsExactly(
        "db/orders.go:4:read:sql-string:certain");
  }

  /** MySQL's full-text MATCH names its columns too, in an append as anywhere. */
  @Test
  void theColumnsOfAFullTextMatchAreUses() throws IOException {
    write(repo, "db/orders.go", """
        package db

        func Search(kw string) {
        	query := `SELECT COUNT(id) FROM orders WHERE 1`
        	if kw != "" {
        		query += ` AND (ref LIKE ? OR MATCH(note, status) AGAINST (? IN BOOLEAN MODE))`
        	}
        	run(query)
        }
        """);
    assertThat(places(repo, SurfaceTarget.of("orders", "note"))).containsExactly(
        "db/orders.go:6:read:sql-string:certain");
  }

  /**
   * What does not parse once assembled (a clause from a variable where SQL wants a keyword)
   * is left, though its text names the table and the column as words; the same query with
   * the clause written out is read.
   */
  @Test
  void aQueryThatDoesNotParseOnceAssembledIsLeft() throws IOException {
    write(repo, "db/orders.go", """
        package db

        func Count(where string) {
        	query := "SELECT count(*) FROM orders " + where + " id = 1"
        	query += " AND status = 'open'"
        	run(query)
        }
        """);
    assertThat(places(repo, SurfaceTarget.of("orders", "status"))).isEmpty();
    write(repo, "db/orders.go", """
        package db

        func Count(id int) {
        	query := "SELECT count(*) FROM public.orders WHERE id = " + strconv.Itoa(id)
        	query += " AND status = 'open'"
        	run(query)
        }
        """);
    assertThat(places(repo, SurfaceTarget.of("orders", "status"))).containsExactly(
        "db/orders.go:5:read:sql-string:certain");
  }
}
