package dev.migsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code migsafe surfaces --sql} with a real application's own migrations, on the fixture
 * derived from it (src/test/resources/surfaces/rallly, its README says what was kept): the
 * drop of {@code guest_id} from three tables, and the change of {@code users.email_verified}
 * to a boolean by a copy, a drop and a rename.
 */
class RealApplicationSurfacesTest {
  private static final String RALLLY = "src/test/resources/surfaces/rallly";
  private static final String MIGRATIONS = RALLLY + "/prisma/migrations/";

  @Test
  void theDropOfGuestIdFindsEveryQueryOnItAndNoVariableOfTheSameName() throws Exception {
    List<String> uses = uses(MIGRATIONS + "20260620115022_drop_guest_id_columns/migration.sql");
    assertThat(uses).containsExactly(
        "comments.guest_id prisma/models/poll.prisma:36 read-write",
        "comments.guest_id src/auth/merge-user.ts:17 read",
        "comments.guest_id src/auth/merge-user.ts:18 write",
        "comments.guest_id src/trpc/comments.ts:18 read",
        "participants.guest_id prisma/models/poll.prisma:22 read-write",
        "participants.guest_id src/auth/merge-user.ts:13 read",
        "participants.guest_id src/auth/merge-user.ts:14 write",
        "participants.guest_id src/trpc/participants.ts:6 read",
        "polls.guest_id prisma/models/poll.prisma:6 read-write",
        "polls.guest_id src/auth/merge-user.ts:9 read",
        "polls.guest_id src/auth/merge-user.ts:10 write",
        "polls.guest_id src/trpc/comments.ts:7 read");
  }

  @Test
  void theRenameIntoEmailVerifiedFindsTheCodeOfTheDroppedColumn() throws Exception {
    List<String> uses = uses(MIGRATIONS + "20251014054941_better_auth/migration.sql");
    // The drop's target: the schema, the client call that writes it, and the migration's own
    // copy, which also writes the column the rename takes; a call of the app's createUser is
    // no use.
    assertThat(uses).containsExactly(
        "users.email_verified prisma/migrations/20251014054941_better_auth/migration.sql:3 read",
        "users.email_verified prisma/models/user.prisma:5 read-write",
        "users.email_verified src/user/mutations.ts:13 write",
        "users.email_verified_boolean "
            + "prisma/migrations/20251014054941_better_auth/migration.sql:3 write");
  }

  private static List<String> uses(String migration) throws Exception {
    CliRunner.Run r = CliRunner.run("surfaces", "--sql", migration, "--format", "json", RALLLY);
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode out = new ObjectMapper().readTree(r.out());
    List<String> uses = new ArrayList<>();
    for (JsonNode target : out.get("targets")) {
      for (JsonNode s : target.get("surfaces")) {
        uses.add(s.get("table").asText() + "." + s.get("columnName").asText() + " "
            + s.get("path").asText() + ":" + s.get("line").asText() + " "
            + s.get("access").asText());
      }
    }
    return uses.stream().distinct().sorted(RealApplicationSurfacesTest::byTargetThenPlace)
        .toList();
  }

  private static int byTargetThenPlace(String a, String b) {
    String[] x = a.split("[ :]");
    String[] y = b.split("[ :]");
    int c = x[0].compareTo(y[0]) != 0 ? x[0].compareTo(y[0]) : x[1].compareTo(y[1]);
    return c != 0 ? c : Integer.compare(Integer.parseInt(x[2]), Integer.parseInt(y[2]));
  }
}
