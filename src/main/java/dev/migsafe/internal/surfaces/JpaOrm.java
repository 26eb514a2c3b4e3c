package dev.migsafe.internal.surfaces;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JPA and Hibernate: the entities of Java and Kotlin files ({@link JpaEntities}), and their
 * uses through getters, setters, properties, JPQL and Spring Data repositories
 * ({@link JpaUses}).
 */
final class JpaOrm implements OrmRecogniser {
  @Override
  public Orm orm() {
    return Orm.JPA;
  }

  @Override
  public boolean readsMappings(String path, SourceLanguage language) {
    return isJvm(language);
  }

  @Override
  public List<OrmModel> mappings(String path, SourceLanguage language, String text) {
    return JpaEntities.read(path, language, text);
  }

  /**
   * Each entity with the fields of the {@code @MappedSuperclass} chain it extends (those
   * columns are in its table); the mapped superclasses themselves have no table and are
   * dropped. A name declared twice (two packages) is not joined: which one is meant is not
   * known.
   */
  @Override
  public List<OrmModel> link(List<OrmModel> declared) {
    Map<String, OrmModel> superclasses = new HashMap<>();
    Set<String> twice = new HashSet<>();
    for (OrmModel m : declared) {
      if (m.table() == null && superclasses.put(m.name(), m) != null) {
        twice.add(m.name());
      }
    }
    twice.forEach(superclasses::remove);
    List<OrmModel> out = new ArrayList<>();
    for (OrmModel m : declared) {
      if (m.table() == null) {
        continue;
      }
      List<OrmModel.Field> fields = new ArrayList<>(m.fields());
      Set<String> seen = new HashSet<>();
      for (OrmModel up = superclasses.get(m.parent()); up != null && seen.add(up.name());
          up = superclasses.get(up.parent())) {
        fields.addAll(up.fields());
      }
      out.add(new OrmModel(m.orm(), m.name(), m.table(), m.path(), m.line(), m.column(),
          fields, m.parent()));
    }
    return out;
  }

  @Override
  public boolean mayUse(SourceLanguage language, String text, OrmModel model) {
    return isJvm(language) && CodeWords.contains(text, model.name());
  }

  @Override
  public List<OrmUse> uses(String path, SourceLanguage language, String text,
      List<OrmModel> models) {
    List<OrmUse> out = new ArrayList<>();
    for (OrmModel m : models) {
      out.addAll(JpaUses.of(language, text, m));
    }
    return out;
  }

  private static boolean isJvm(SourceLanguage language) {
    return language == SourceLanguage.JAVA || language == SourceLanguage.KOTLIN;
  }
}
