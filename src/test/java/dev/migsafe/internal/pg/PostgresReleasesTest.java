package dev.migsafe.internal.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migsafe.api.MigsafeException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostgresReleasesTest {
  @Test
  void pinnedReleasesAreTheOnesThePomTestsWith() {
    String fromPom = System.getProperty("migsafe.pg.versions");
    assertThat(fromPom).as("surefire sets migsafe.pg.versions from pom.xml").isNotNull();
    assertThat(List.copyOf(PostgresReleases.all().values()))
        .containsExactly(fromPom.split(","));
  }

  @Test
  void nearestSupportedMajor() {
    assertThat(PostgresReleases.nearest(15)).isEqualTo(15);
    assertThat(PostgresReleases.nearest(18)).isEqualTo(17);
    assertThat(PostgresReleases.nearest(9)).isEqualTo(10);
  }

  @Test
  void unsupportedMajorIsBadInput() {
    assertThatThrownBy(() -> PostgresReleases.version(9))
        .isInstanceOf(MigsafeException.class)
        .hasMessageContaining("PostgreSQL 9 is not supported");
  }
}
