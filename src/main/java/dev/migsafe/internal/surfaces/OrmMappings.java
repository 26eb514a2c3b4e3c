package dev.migsafe.internal.surfaces;

import dev.migsafe.api.Surface;
import dev.migsafe.api.Surface.Access;
import dev.migsafe.api.Surface.Certainty;
import dev.migsafe.api.Surface.RecognisedBy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The first pass of a scan: every ORM's models in one repository, and the declarations of the
 * tables and columns looked for as surfaces (an ORM reads and writes every column it maps).
 */
final class OrmMappings {
  private OrmMappings() {}

  /** The models every ORM finds in the files, joined across files by each ORM. */
  static List<OrmModel> read(Path root, List<Path> files) {
    List<List<OrmModel>> perFile = files.parallelStream().map(f -> read(root, f)).toList();
    Map<Orm, List<OrmModel>> byOrm = new LinkedHashMap<>();
    for (List<OrmModel> models : perFile) {
      for (OrmModel m : models) {
        byOrm.computeIfAbsent(m.orm(), o -> new ArrayList<>()).add(m);
      }
    }
    List<OrmModel> out = new ArrayList<>();
    for (OrmRecogniser r : OrmRecognisers.ALL) {
      List<OrmModel> declared = byOrm.get(r.orm());
      if (declared != null) {
        out.addAll(r.link(List.copyOf(declared)));
      }
    }
    return out;
  }

  private static List<OrmModel> read(Path root, Path file) {
    String rel = SourceFile.relative(root, file);
    SourceLanguage language = SourceLanguage.of(file.getFileName().toString());
    List<OrmModel> out = new ArrayList<>();
    String text = null;
    for (OrmRecogniser r : OrmRecognisers.ALL) {
      if (!r.readsMappings(rel, language)) {
        continue;
      }
      if (text == null) {
        text = SourceFile.text(file).text();
        if (text == null) {
          // Counted as skipped by the second pass, which reads every file.
          return List.of();
        }
      }
      out.addAll(r.mappings(rel, language, text));
    }
    return out;
  }

  /** The model's declaration for a table target, each mapped field's for a column target. */
  static List<Surface> surfaces(Path root, List<OrmModel> models, List<SurfaceTarget> targets) {
    List<Surface> out = new ArrayList<>();
    Map<String, String[]> linesOf = new LinkedHashMap<>();
    for (OrmModel m : models) {
      for (SurfaceTarget t : targets) {
        if (t.matches(m.table(), null)) {
          out.add(surface(root, m, m.path(), m.line(), m.column(), null, linesOf));
        }
        for (OrmModel.Field f : m.fields()) {
          if (t.matches(m.table(), f.columnName())) {
            out.add(surface(root, m, f.path(), f.line(), f.column(), f.columnName(), linesOf));
          }
        }
      }
    }
    return out;
  }

  private static Surface surface(Path root, OrmModel m, String path, int line, int column,
      String columnName, Map<String, String[]> linesOf) {
    String[] lines = linesOf.computeIfAbsent(path, p -> {
      String text = SourceFile.text(root.resolve(p)).text();
      return text == null ? new String[0] : text.split("\n", -1);
    });
    return new Surface(root.toString(), path, line, column, SourceFile.snippet(lines, line),
        m.table(), columnName, Access.READ_WRITE, RecognisedBy.ORM_MAPPING, Certainty.CERTAIN,
        m.orm().id());
  }
}
