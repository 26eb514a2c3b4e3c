package dev.migsafe.internal.surfaces;

import dev.migsafe.api.Surface;
import dev.migsafe.api.Surface.Certainty;
import dev.migsafe.api.Surface.RecognisedBy;
import dev.migsafe.internal.sql.SourceStatement;
import dev.migsafe.internal.sql.SqlSplitter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One file of a repository, read for the surfaces of a target table or column: the SQL in its
 * string literals (a program) or its statements (a {@code .sql} file). A file that cannot be
 * read as source text is not read at all, with the reason.
 */
final class SourceFile {
  /** Larger files are generated or data. */
  static final long MAX_BYTES = 2L * 1024 * 1024;
  /** A script line this long is minified or generated. */
  static final int MAX_LINE = 5_000;
  private static final int MAX_SNIPPET = 200;

  /** What reading one file gave: its surfaces, or why it was not read. */
  record Result(List<Surface> surfaces, SkipReason skipped) {}

  private SourceFile() {}

  static boolean wanted(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    return SourceLanguage.of(fileName) != null || lower.endsWith(".sql")
        || lower.endsWith(".prisma") || lower.endsWith(".xml");
  }

  /** The text of a file as source, or why it is not read. */
  record Text(String text, SkipReason skipped) {}

  static Text text(Path file) {
    String text;
    try {
      if (Files.size(file) > MAX_BYTES) {
        return new Text(null, SkipReason.TOO_LARGE);
      }
      byte[] bytes = Files.readAllBytes(file);
      boolean ascii = true;
      for (byte b : bytes) {
        if (b == 0) {
          return new Text(null, SkipReason.BINARY);
        }
        ascii &= b > 0;
      }
      if (ascii) {
        // Most source is ASCII, which is its own Latin-1: copied, not decoded.
        return new Text(new String(bytes, StandardCharsets.ISO_8859_1), null);
      }
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return new Text(null, SkipReason.NOT_UTF8);
    } catch (IOException e) {
      return new Text(null, SkipReason.UNREADABLE);
    }
    return new Text(text, null);
  }

  /**
   * What the first pass saw of a file it read, so that the second need not read it again
   * when no use can be in it: a file of a large repository is read once, not twice.
   *
   * @param skipped why the file is not read, or null
   * @param sqlMentioned whether the text names a target as SQL does
   */
  record Glance(SkipReason skipped, boolean sqlMentioned) {
    static Glance of(Path file, String text, List<SurfaceTarget> targets) {
      if (SourceLanguage.of(file.getFileName().toString()) != null && hasLongLine(text)) {
        return new Glance(SkipReason.MINIFIED, false);
      }
      return new Glance(null, mentionsATarget(lower(text), targets));
    }
  }

  /** The last text lower-cased on this thread, with the text it came from. */
  private record Lowered(String text, String lower) {}

  private static final ThreadLocal<Lowered> LOWERED = new ThreadLocal<>();

  /**
   * The text in lower case, made once per file: the prefilters ask for it once for the SQL
   * and once per ORM model handed to a file, and a tree with many models of one table would
   * otherwise lower-case each file as many times.
   */
  static String lower(String text) {
    Lowered last = LOWERED.get();
    // The same String object: a file's text is read once and handed to each check.
    if (last != null && last.text() == text) {
      return last.lower();
    }
    String lower = text.toLowerCase(Locale.ROOT);
    LOWERED.set(new Lowered(text, lower));
    return lower;
  }

  /** A path relative to its root, with forward slashes. */
  static String relative(Path root, Path file) {
    return root.relativize(file).toString().replace('\\', '/');
  }

  /**
   * The surfaces in one file.
   *
   * @param models the ORM models of the tables looked for (their declarations are reported
   *     by the first pass; here, their uses)
   */
  static Result read(Path root, Path file, List<SurfaceTarget> targets,
      ModelsLookedFor models, Glance seen) {
    String rel = relative(root, file);
    if (seen != null) {
      if (seen.skipped() != null) {
        return new Result(List.of(), seen.skipped());
      }
      if (!seen.sqlMentioned() && models.distinct().stream()
          .noneMatch(m -> models.mayBeUsedIn(rel, m))) {
        // Read by the first pass, which saw no SQL naming a target, and no model looked for
        // is loaded by it: nothing to read again.
        return new Result(List.of(), null);
      }
    }
    Text read = text(file);
    if (read.skipped() != null) {
      return new Result(List.of(), read.skipped());
    }
    String text = read.text();
    String name = file.getFileName().toString();
    SourceLanguage language = SourceLanguage.of(name);
    if (language != null && hasLongLine(text)) {
      return new Result(List.of(), SkipReason.MINIFIED);
    }
    String lower = lower(text);
    boolean sqlMentioned = seen != null ? seen.sqlMentioned() : mentionsATarget(lower, targets);
    List<OrmModel> used = models.distinct().stream()
        .filter(m -> models.mayBeUsedIn(rel, m)
            && OrmRecognisers.of(m).mayUse(language, text, m, targets)).toList();
    if (!sqlMentioned && used.isEmpty()) {
      // No use can be in a file that never names the table (SQL names it, even when it
      // aliases it) nor a model of it: read, nothing to parse.
      return new Result(List.of(), null);
    }
    String[] lines = text.split("\n", -1);
    List<Surface> out = new ArrayList<>();
    for (OrmRecogniser r : OrmRecognisers.ALL) {
      List<OrmModel> mine = used.stream().filter(m -> m.orm() == r.orm())
          .map(m -> r.readsFieldsOnlyForUses() ? m.withFields(f -> targets.stream()
              .anyMatch(t -> t.matches(m.table(), f.columnName()))) : m)
          .toList();
      if (!mine.isEmpty()) {
        for (OrmUse u : r.uses(rel, language, text, mine)) {
          for (SurfaceTarget target : targets) {
            if (target.matches(u.model().table(), u.columnName())) {
              out.add(new Surface(root.toString(), rel, u.line(), u.column(),
                  snippet(lines, u.line()), u.model().table(), u.columnName(), u.access(),
                  RecognisedBy.ORM_FIELD, u.certainty(), r.orm().id()));
            }
          }
        }
      }
    }
    if (!sqlMentioned || name.toLowerCase(Locale.ROOT).endsWith(".prisma")) {
      return new Result(out, null);
    }
    if (name.toLowerCase(Locale.ROOT).endsWith(".xml")) {
      if (MyBatisMapper.isMapper(text)) {
        for (StringLiterals.Literal l : MyBatisMapper.statements(text)) {
          match(l.text(), l.line(), l.column(), RecognisedBy.MYBATIS_MAPPER, root, rel, lines,
              targets, out);
        }
      }
      return new Result(out, null);
    }
    if (language == null) {
      for (SourceStatement st : SqlSplitter.split(text)) {
        match(st.text(), st.line(), st.column(), RecognisedBy.SQL_FILE, root, rel, lines,
            targets, out);
      }
    } else {
      List<String> tables = targets.stream()
          .map(t -> t.bareTable().toLowerCase(Locale.ROOT)).distinct().toList();
      for (StringLiterals.Literal l : StringLiterals.containing(language, text, lower, tables)) {
        match(l.text(), l.line(), l.column(), RecognisedBy.SQL_STRING, root, rel, lines,
            targets, out);
      }
      if (language == SourceLanguage.GO) {
        for (GoQueries.Assembled q : GoQueries.in(text, lower, tables)) {
          matchAssembled(q, root, rel, lines, targets, out);
        }
      }
    }
    return new Result(out, null);
  }

  /**
   * The uses in a query assembled from pieces, each reported at the literal that spells its
   * name (a table use at the one that names the table), or at the first literal when none
   * does. A use already reported at that place (the literal read alone) is not repeated, but
   * one reported by name only, from a fragment, is replaced when the whole query parses. A
   * query that does not parse is left: its pieces alone were matched as words already.
   */
  private static void matchAssembled(GoQueries.Assembled q, Path root, String rel,
      String[] lines, List<SurfaceTarget> targets, List<Surface> out) {
    String sql = q.text();
    Optional<List<SqlReferences.Reference>> refs =
        SqlReferences.looksLikeSql(sql) ? SqlReferences.of(sql) : Optional.empty();
    if (refs.isEmpty()) {
      return;
    }
    List<StringLiterals.Literal> literals = q.pieces().stream()
        .map(GoQueries.Piece::literal).filter(java.util.Objects::nonNull).toList();
    if (literals.isEmpty()) {
      return;
    }
    for (SurfaceTarget target : targets) {
      for (SqlReferences.Reference r : refs.get()) {
        if (!target.matches(r.table(), r.column())) {
          continue;
        }
        String name = (r.column() != null ? r.column() : r.table()).toLowerCase(Locale.ROOT);
        List<StringLiterals.Literal> at = literals.stream()
            .filter(l -> hasLowerWord(l.text().toLowerCase(Locale.ROOT), name)).toList();
        for (StringLiterals.Literal l : at.isEmpty() ? literals.subList(0, 1) : at) {
          Surface found = new Surface(root.toString(), rel, l.line(), l.column(),
              snippet(lines, l.line()), r.table(), r.column(), r.access(),
              RecognisedBy.SQL_STRING, r.certainty());
          int known = -1;
          for (int i = 0; i < out.size() && known < 0; i++) {
            Surface s = out.get(i);
            if (s.line() == l.line() && s.column() == l.column() && s.table().equals(r.table())
                && java.util.Objects.equals(s.columnName(), r.column())) {
              known = i;
            }
          }
          if (known < 0) {
            out.add(found);
          } else if (out.get(known).certainty() == Certainty.NAME_ONLY
              && r.certainty() != Certainty.NAME_ONLY) {
            // The literal alone was a fragment, named only as words; whole, it parses.
            out.set(known, found);
          }
        }
      }
    }
  }

  private static void match(String sql, int line, int column, RecognisedBy by, Path root,
      String rel, String[] lines, List<SurfaceTarget> targets, List<Surface> out) {
    if (!SqlReferences.looksLikeSql(sql)) {
      return;
    }
    String snippet = snippet(lines, line);
    Optional<List<SqlReferences.Reference>> refs = SqlReferences.of(sql);
    for (SurfaceTarget target : targets) {
      if (refs.isPresent()) {
        for (SqlReferences.Reference r : refs.get()) {
          if (target.matches(r.table(), r.column())) {
            out.add(new Surface(root.toString(), rel, line, column, snippet, r.table(),
                r.column(), r.access(), by, r.certainty()));
          }
        }
      } else if (target.namedIn(sql)) {
        // Not SQL migsafe can read (a dialect's syntax, a fragment built at run time): the
        // names appear in it as words, which is all that can be said.
        out.add(new Surface(root.toString(), rel, line, column, snippet, target.table(),
            target.column(), SqlReferences.accessOf(sql), by, Certainty.NAME_ONLY));
      }
    }
  }

  /**
   * Whether the (lower-cased) text can use a target of the model through the ORM: every such
   * use spells the field's name, in some case ({@code getEmail()}, {@code find_by_email},
   * {@code email__iexact}, {@code u.Email}), unless it uses the whole table. Checked before an
   * ORM's own prefilter (by {@link OrmRecogniser}'s default): in an application, a model's
   * name is in most files, and a parse is most of the cost.
   */
  static boolean namesATargetField(String lower, OrmModel m,
      List<SurfaceTarget> targets) {
    for (SurfaceTarget t : targets) {
      if (!t.matchesTable(m.table())) {
        continue;
      }
      if (t.column() == null) {
        return true;
      }
      List<OrmModel.Field> fields = m.fieldsOf(t.column());
      if (fields.isEmpty() ? lower.contains(t.column())
          : fields.stream().anyMatch(f -> lower.contains(spelled(f)))) {
        return true;
      }
    }
    return false;
  }

  /**
   * What every use of a field spells, lower-cased: its name, but for a foreign key ({@code
   * user_id}) the association's ({@code where(user: ...)}, {@code user__email}).
   */
  private static String spelled(OrmModel.Field f) {
    String name = f.name().toLowerCase(Locale.ROOT);
    return name.endsWith("_id") ? name.substring(0, name.length() - 3) : name;
  }

  /**
   * Whether the lower-cased text can hold an SQL use of a target, decided before any parse
   * (parsing is most of the cost): SQL names the table after a word that introduces one
   * ({@link SurfaceTarget#mentionedInSql}), and a column it uses by its name. (A use through
   * an ORM is prefiltered by {@link #namesATargetField} and its reader.)
   */
  static boolean mentionsATarget(String lower, List<SurfaceTarget> targets) {
    for (SurfaceTarget t : targets) {
      // A use of a column names it too (SqlReferences reports only named columns).
      if (t.mentionedInSql(lower) && (t.column() == null || hasLowerWord(lower, t.column()))) {
        return true;
      }
    }
    return false;
  }

  static String snippet(String[] lines, int line) {
    String s = line - 1 < lines.length ? lines[line - 1].strip() : "";
    return s.length() > MAX_SNIPPET ? s.substring(0, MAX_SNIPPET) + "..." : s;
  }

  private static boolean hasLongLine(String text) {
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        if (i - start > MAX_LINE) {
          return true;
        }
        start = i + 1;
      }
    }
    return text.length() - start > MAX_LINE;
  }

  /**
   * Whether {@code text[start, end)} is a whole word (no letter, digit or _ beside it, an
   * escaped line break before it counting as a blank).
   */
  static boolean isWordAt(String text, int start, int end) {
    return (start == 0 || !isWordChar(text.charAt(start - 1)) || afterEscape(text, start))
        && (end >= text.length() || !isWordChar(text.charAt(end)));
  }

  /**
   * Whether an escaped line break or tab ({@code \n}, {@code \t}, {@code \r}) stands right
   * before {@code start}: in a literal's source text its letter touches the next word.
   */
  private static boolean afterEscape(String text, int start) {
    return start >= 2 && text.charAt(start - 2) == '\\'
        && "ntr".indexOf(text.charAt(start - 1)) >= 0;
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  /**
   * Whether the word stands whole in the text, ignoring case: for SQL that does not parse and
   * for the per-file column prefilter, so no pattern is compiled per call.
   */
  static boolean hasWord(String text, String word) {
    return hasLowerWord(text.toLowerCase(Locale.ROOT), word.toLowerCase(Locale.ROOT));
  }

  /** {@link #hasWord} on text and a word already lower-cased. */
  static boolean hasLowerWord(String lower, String w) {
    for (int at = lower.indexOf(w); at >= 0; at = lower.indexOf(w, at + 1)) {
      if (isWordAt(lower, at, at + w.length())) {
        return true;
      }
    }
    return false;
  }


}
