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

  /**
   * What the first pass learns: the models, and which script files load which.
   *
   * @param models every ORM's models, joined across files by each ORM
   * @param modules the JavaScript and TypeScript files' imports
   */
  record FirstPass(List<OrmModel> models, ScriptModules modules) {}

  /** What one file declares and, for a script, loads. */
  private record OfFile(List<OrmModel> models, ScriptModules.Links links) {
    static final OfFile NOTHING = new OfFile(List.of(), null);
  }

  static FirstPass read(Path root, SourceTree.Listing listing) {
    ScriptResolver resolver = ScriptResolver.of(root, listing.files(), listing.manifests());
    List<OfFile> perFile = listing.files().parallelStream()
        .map(f -> read(root, f, resolver)).toList();
    Map<Orm, List<OrmModel>> byOrm = new LinkedHashMap<>();
    List<ScriptModules.Links> links = new ArrayList<>();
    for (OfFile of : perFile) {
      for (OrmModel m : of.models()) {
        byOrm.computeIfAbsent(m.orm(), o -> new ArrayList<>()).add(m);
      }
      if (of.links() != null) {
        links.add(of.links());
      }
    }
    List<OrmModel> out = new ArrayList<>();
    for (OrmRecogniser r : OrmRecognisers.ALL) {
      List<OrmModel> declared = byOrm.get(r.orm());
      if (declared != null) {
        out.addAll(r.link(List.copyOf(declared)));
      }
    }
    return new FirstPass(out, new ScriptModules(links));
  }

  private static OfFile read(Path root, Path file, ScriptResolver resolver) {
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
          return OfFile.NOTHING;
        }
      }
      out.addAll(r.mappings(rel, language, text));
    }
    ScriptModules.Links links = text != null && ScriptOrm.isScript(language)
        ? ScriptModules.Links.of(rel, text, resolver) : null;
    return new OfFile(out, links);
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
