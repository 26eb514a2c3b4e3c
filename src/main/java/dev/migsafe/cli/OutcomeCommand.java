package dev.migsafe.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.migsafe.Migsafe;
import dev.migsafe.api.MigsafeException;
import dev.migsafe.api.OutcomeUpdate;
import dev.migsafe.api.PastMigration;
import dev.migsafe.api.RecordedOutcome;
import dev.migsafe.internal.catalog.CatalogLocation;
import dev.migsafe.internal.rehearse.RehearsalEvidence;
import dev.migsafe.internal.render.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code migsafe outcome record ...}. */
@Command(name = "outcome", mixinStandardHelpOptions = true,
    description = "Record what happened to a migration in the catalog.",
    subcommands = OutcomeCommand.Record.class)
final class OutcomeCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code migsafe outcome record --id ID ...}. */
  @Command(name = "record", mixinStandardHelpOptions = true,
      description = "Write or update a past-migration record (catalog/migrations/ID.yaml), "
          + "keeping its comments. A new record needs --title, --team, --dialect, --date, "
          + "--changes and --status.")
  static final class Record implements Callable<Integer> {
    /** Output formats of outcome record. */
    enum Format { text, json }

    @Option(names = "--id", required = true, paramLabel = "ID",
        description = "The record id, [a-z0-9][a-z0-9._-]{0,79}, e.g. 2026-11-orders-email.")
    String id;

    @Option(names = "--catalog", paramLabel = "DIR",
        description = "The catalog directory (default: catalog/ of the working directory).")
    Path catalog;

    @Option(names = "--title") String title;
    @Option(names = "--team") String team;
    @Option(names = "--dialect", description = "postgresql or mysql.") String dialect;
    @Option(names = "--engine-version", paramLabel = "V") String engineVersion;
    @Option(names = "--date", paramLabel = "YYYY-MM-DD",
        description = "The day it started in production.") String date;
    @Option(names = "--summary") String summary;
    @Option(names = "--tables", split = ",", paramLabel = "T,...") List<String> tables;
    @Option(names = "--changes", split = ",", paramLabel = "KIND,...",
        description = "Change kinds, e.g. add-column,backfill,set-not-null.") List<String> changes;
    @Option(names = "--sql", paramLabel = "FILE", description = "The statements as they ran.")
    Path sql;
    @Option(names = "--table-rows", split = ",", paramLabel = "TABLE=ROWS")
    Map<String, Long> tableRows;
    @Option(names = "--planned-window", paramLabel = "DURATION",
        description = "ISO-8601, e.g. PT2H.") String plannedWindow;
    @Option(names = "--actual-duration", paramLabel = "DURATION",
        description = "ISO-8601, e.g. PT3H10M.") String actualDuration;
    @Option(names = "--status", description = "success, incident, rolled-back or aborted.")
    String status;
    @Option(names = "--incident", paramLabel = "SEV:CAUSE:MINUTES:DESCRIPTION",
        description = "Add an incident, e.g. sev2:lock-contention:14:writes queued. Repeatable.")
    List<String> incidents = new ArrayList<>();
    @Option(names = "--hotfix", paramLabel = "CAUSE:DATE:DESCRIPTION",
        description = "Add a hotfix, e.g. schema-drift:2026-03-16:replica had an old index. "
            + "Repeatable.")
    List<String> hotfixes = new ArrayList<>();
    @Option(names = "--integrity-defects", paramLabel = "N") Integer integrityDefects;
    @Option(names = "--rollback-planned", arity = "0..1", paramLabel = "BOOL")
    Boolean rollbackPlanned;
    @Option(names = "--rollback-tested", arity = "0..1", paramLabel = "BOOL")
    Boolean rollbackTested;
    @Option(names = "--rollback-executed", arity = "0..1", paramLabel = "BOOL")
    Boolean rollbackExecuted;
    @Option(names = "--rehearsal", paramLabel = "FILE", description = "A rehearsal of this "
        + "migration's packet (rehearse --format json, packet id = --id): the rollback plan "
        + "existed, and it is tested when the rehearsal's rollback gate passed.")
    Path rehearsal;
    @Option(names = "--lesson", paramLabel = "TEXT",
        description = "Append a paragraph to the lessons.") String lesson;
    @Option(names = "--expect-hash", paramLabel = "SHA256",
        description = "Refuse to write unless the record file still has this hash.")
    String expectHash;
    @Option(names = "--format", description = "text or json (default: text).")
    Format format = Format.text;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      if (rehearsal != null) {
        if (rollbackTested != null) {
          throw bad("--rehearsal decides whether the rollback was tested; drop --rollback-tested");
        }
        rollbackTested = RehearsalEvidence.rollbackTested(rehearsal, id);
        if (rollbackPlanned == null) {
          rollbackPlanned = true;
        }
      }
      OutcomeUpdate.Builder b = OutcomeUpdate.builder(id).expectedHash(expectHash).title(title)
          .team(team).dialect(dialect).engineVersion(engineVersion).summary(summary)
          .tables(tables).changes(changes).tableRows(tableRows).status(status)
          .integrityDefects(integrityDefects).rollbackPlanned(rollbackPlanned)
          .rollbackTested(rollbackTested).rollbackExecuted(rollbackExecuted).addLesson(lesson);
      b.date(date == null ? null : date("--date", date));
      b.plannedWindow(duration("--planned-window", plannedWindow));
      b.actualDuration(duration("--actual-duration", actualDuration));
      if (sql != null) {
        try {
          b.sql(Files.readString(sql));
        } catch (IOException e) {
          throw MigsafeException.badInput(sql + ": cannot be read: " + e.getMessage());
        }
      }
      for (String s : incidents) {
        String[] p = s.split(":", 4);
        if (p.length != 4) {
          throw bad("--incident '" + s + "' is not SEVERITY:CAUSE:MINUTES:DESCRIPTION");
        }
        b.addIncident(new PastMigration.Incident(p[0].strip(), p[1].strip(),
            minutes(s, p[2].strip()), p[3].strip()));
      }
      for (String s : hotfixes) {
        String[] p = s.split(":", 3);
        if (p.length != 3) {
          throw bad("--hotfix '" + s + "' is not CAUSE:DATE:DESCRIPTION");
        }
        b.addHotfix(new PastMigration.Hotfix(p[0].strip(), date("--hotfix", p[1].strip()),
            p[2].strip()));
      }
      RecordedOutcome r = Migsafe.builder().catalog(catalog).build().recordOutcome(b.build());
      PrintWriter out = spec.commandLine().getOut();
      if (format == Format.json) {
        ObjectNode root = Json.object();
        root.put("schemaVersion", 1);
        root.put("id", r.migration().id());
        root.put("file", r.file().toString());
        root.put("created", r.created());
        root.put("hash", r.hash());
        root.put("status", r.migration().outcome().status());
        out.print(Json.write(root));
      } else {
        out.printf("%s %s (%s)%nhash %s%n", r.created() ? "created" : "updated", r.file(),
            r.migration().outcome().status(), r.hash());
      }
      out.flush();
      warnIfSample(r.file());
      return ExitCode.OK.code();
    }

    /**
     * A record written into a folder marked as migsafe's sample (a fresh clone's catalog/) is
     * still shown as sample data; say so once, so the team knows how to make it theirs.
     */
    private void warnIfSample(Path record) {
      Path folder = record.toAbsolutePath().getParent().getParent();
      if (folder != null && Files.exists(folder.resolve(CatalogLocation.SAMPLE_MARKER))) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("migsafe: note: " + folder.resolve(CatalogLocation.SAMPLE_MARKER)
            + " marks this catalog as migsafe's sample, so similar, plan and report show its "
            + "records as sample data; delete that file when the catalog is your team's");
        err.flush();
      }
    }

    private int minutes(String option, String text) {
      try {
        return Integer.parseInt(text);
      } catch (NumberFormatException e) {
        throw bad("--incident '" + option + "': minutes '" + text + "' is not a whole number");
      }
    }

    private LocalDate date(String option, String text) {
      try {
        return LocalDate.parse(text);
      } catch (DateTimeException e) {
        throw bad(option + " '" + text + "' is not a date (YYYY-MM-DD)");
      }
    }

    private Duration duration(String option, String text) {
      if (text == null) {
        return null;
      }
      try {
        return Duration.parse(text);
      } catch (DateTimeException e) {
        throw bad(option + " '" + text + "' is not an ISO-8601 duration such as PT2H");
      }
    }

    private CommandLine.ParameterException bad(String message) {
      return new CommandLine.ParameterException(spec.commandLine(), message);
    }
  }
}
