package dev.migsafe.internal.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migsafe.api.MigsafeException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConnectionSpecTest {
  private static final String SECRET = "s3cr3t-Pa55";

  @Test
  void thePasswordIsNeverShown() {
    ConnectionSpec spec = ConnectionSpec.of("jdbc:postgresql://db.example.com:6543/app?ssl=true"
        + "&password=" + SECRET + "&connectTimeout=3", "alice", SECRET.toCharArray(), null);
    assertThat(spec.displayUrl())
        .isEqualTo("jdbc:postgresql://db.example.com:6543/app?ssl=true&connectTimeout=3");
    assertThat(spec.toString()).doesNotContain(SECRET).contains("********");
    assertThat(ConnectionSpec.redact("jdbc:postgresql://h/db?password=" + SECRET))
        .isEqualTo("jdbc:postgresql://h/db");
    assertThat(spec.scrub("FATAL: no access for " + SECRET + " at jdbc:postgresql://h/db?user=a"
        + "&password=" + SECRET)).doesNotContain(SECRET);
  }

  @Test
  void anUnreachableServerIsBadInputNamingWhereAndWhoButNotThePassword() throws IOException {
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    ConnectionSpec spec = ConnectionSpec.of("jdbc:postgresql://127.0.0.1:" + port
        + "/shop?password=" + SECRET, "alice", null, null);
    assertThatThrownBy(spec::open)
        .isInstanceOf(MigsafeException.class)
        .satisfies(e -> assertThat(((MigsafeException) e).kind())
            .isEqualTo(MigsafeException.Kind.BAD_INPUT))
        .hasMessageStartingWith("cannot connect to PostgreSQL at 127.0.0.1:" + port
            + ", database shop, as user alice: ")
        .hasMessageNotContaining(SECRET);
  }

  @Test
  void notAJdbcUrlIsBadInput() {
    assertThatThrownBy(() -> ConnectionSpec.of("postgres://h/db?password=" + SECRET, null, null,
        null))
        .isInstanceOf(MigsafeException.class)
        .hasMessageContaining("is not a PostgreSQL JDBC URL")
        .hasMessageNotContaining(SECRET);
  }

  @Test
  void connectsWithoutAskingWhenTheServerWantsNoPassword() throws SQLException {
    EmbeddedServer server = TestServers.server(
        System.getProperty("migsafe.pg.newest.version", "17.5.0"));
    AtomicInteger asked = new AtomicInteger();
    ConnectionSpec spec = ConnectionSpec.of(server.jdbcUrl("postgres"), "postgres", null,
        () -> {
          asked.incrementAndGet();
          return null;
        });
    try (Connection c = spec.open()) {
      assertThat(c.isValid(5)).isTrue();
    }
    assertThat(asked).hasValue(0);
  }
}
