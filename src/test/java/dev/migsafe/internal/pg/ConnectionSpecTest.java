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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
    assertThatThrownBy(() -> ConnectionSpec.of("mysql://h/db?password=" + SECRET, null, null,
        null))
        .isInstanceOf(MigsafeException.class)
        .hasMessageContaining("is not a PostgreSQL JDBC URL")
        .hasMessageNotContaining(SECRET);
    assertThatThrownBy(() -> ConnectionSpec.of("mysql://alice:" + SECRET + "@h/db", null, null,
        null))
        .isInstanceOf(MigsafeException.class)
        .hasMessageContaining("is not a PostgreSQL JDBC URL")
        .hasMessageNotContaining(SECRET);
  }

  @ParameterizedTest
  @ValueSource(strings = {"jdbc:postgresql://alice:%s@127.0.0.1:%d/shop",
      "postgres://alice:%s@127.0.0.1:%d/shop", "postgresql://alice:%s@127.0.0.1:%d/shop",
      "jdbc:postgresql://127.0.0.1:%2$d/shop?user=alice&password=%1$s"})
  void everyUrlFormIsUnderstoodAndItsPasswordNeverShown(String form) throws IOException {
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    ConnectionSpec spec = ConnectionSpec.of(String.format(form, SECRET, port), null, null, null);
    assertThat(spec.user()).isEqualTo("alice");
    assertThat(spec.database()).isEqualTo("shop");
    assertThat(spec.displayUrl()).doesNotContain(SECRET);
    assertThat(spec.toString()).doesNotContain(SECRET).contains("password=********");
    assertThatThrownBy(spec::open)
        .isInstanceOf(MigsafeException.class)
        .hasMessageContaining("as user alice")
        .hasMessageNotContaining(SECRET);
    assertThat(spec.scrub("FATAL: password " + SECRET + " rejected")).doesNotContain(SECRET);
  }
}
