package dev.migsafe.internal.surfaces;

import dev.migsafe.api.Surface.Access;
import dev.migsafe.api.Surface.Certainty;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.treesitter.TSNode;

/**
 * Uses of a TypeORM entity in TypeScript and JavaScript, through its names, all {@code
 * certain} (the code names the entity or a repository typed with it):
 * <ul>
 *   <li>a call on a repository of the entity ({@code getRepository(Article)}, a variable or
 *       field typed {@code Repository<Article>}, an {@code @InjectRepository} parameter
 *       property) or on an entity manager with the entity first ({@code manager.find(Article,
 *       {...})}): the call uses the table, and the keys of its {@code where} (also a bare
 *       criteria object, as {@code findOneBy}, {@code delete} and TypeORM 0.2's {@code
 *       findOne({ slug })} take it), {@code select} and {@code order} read the columns their
 *       properties map to; the keys of the entity given to {@code save}, {@code insert},
 *       {@code update}, {@code create}, ... write them;
 *   <li>{@code createQueryBuilder('article')} on such a repository: the table, and every
 *       {@code article.prop} (or {@code article.column}) in the file's strings ({@code
 *       .where("article.slug = :slug")});
 *   <li>a property of a variable typed as the entity ({@code article: ArticleEntity}, {@code
 *       new ArticleEntity()}, {@code await repo.findOne(...)}): read, or written when assigned.
 * </ul>
 */
final class TypeOrmUses extends ScriptModelUses {
  private static final Set<String> READS = Set.of("find", "findOne", "findOneBy", "findBy",
      "findAndCount", "findAndCountBy", "findOneOrFail", "findOneByOrFail", "findByIds",
      "count", "countBy", "exist", "exists", "existsBy", "sum", "average", "minimum", "maximum");
  private static final Set<String> WRITES = Set.of("save", "insert", "update", "upsert",
      "delete", "softDelete", "restore", "remove", "softRemove", "increment", "decrement",
      "create", "merge", "preload");
  /** Methods whose first argument is the criteria itself. */
  private static final Set<String> CRITERIA_FIRST = Set.of("findOneBy", "findBy",
      "findAndCountBy", "findOneByOrFail", "countBy", "existsBy", "delete", "softDelete",
      "restore", "update", "increment", "decrement");
  /** Methods whose object arguments are the entity's values. */
  private static final Set<String> VALUES = Set.of("save", "insert", "upsert", "create",
      "merge", "preload");
  private static final Set<String> FIND_OPTIONS = Set.of("where", "select", "order",
      "relations", "skip", "take", "cache", "join", "withDeleted", "loadEagerRelations", "lock",
      "comment", "relationLoadStrategy", "loadRelationIds", "transaction");
  /** Finds whose result is one entity, for typing the variable it is assigned to. */
  private static final Set<String> ONE = Set.of("findOne", "findOneBy", "findOneOrFail",
      "findOneByOrFail", "create", "save", "preload", "merge");
  private static final Set<String> METHODS = union(READS, WRITES,
      Set.of("createQueryBuilder"));
  private static final Set<String> REPOSITORY_TYPES = Set.of("Repository", "TreeRepository",
      "MongoRepository");

  private final Set<String> aliases = new HashSet<>();

  private TypeOrmUses(ScriptFile file, OrmModel model) {
    super(file, model);
  }

  static List<OrmUse> of(ScriptFile file, OrmModel model) {
    TypeOrmUses u = new TypeOrmUses(file, model);
    u.walk(METHODS);
    if (!u.aliases.isEmpty()) {
      u.queryBuilderStrings(file.language, file.source);
    }
    return u.out;
  }

  @Override
  void call(ScriptObjects.MemberCall call) {
    TSNode object = call.object();
    TSNode methodNode = call.methodNode();
    String method = call.method();
    if (!READS.contains(method) && !WRITES.contains(method)
        && !method.equals("createQueryBuilder")) {
      return;
    }
    List<TSNode> args = call.arguments();
    boolean onRepository = isRepository(object);
    boolean onManager = !onRepository && !args.isEmpty() && isModel(args.get(0));
    if (onManager) {
      args = args.subList(1, args.size());
    }
    if (!onRepository && !onManager) {
      return;
    }
    if (method.equals("createQueryBuilder")) {
      out.add(use(null, methodNode, Access.READ, Certainty.CERTAIN));
      if (!args.isEmpty() && args.get(0).getType().equals("string")) {
        aliases.add(nodes.stringValue(args.get(0)));
      }
      return;
    }
    out.add(use(null, methodNode, READS.contains(method) ? Access.READ : Access.WRITE,
        Certainty.CERTAIN));
    arguments(method, args);
  }

  private void arguments(String method, List<TSNode> args) {
    for (int i = 0; i < args.size(); i++) {
      TSNode a = args.get(i);
      if (VALUES.contains(method)) {
        for (TSNode o : ScriptObjects.objectsIn(a)) {
          keys(o, Access.WRITE, Certainty.CERTAIN);
        }
      } else if (CRITERIA_FIRST.contains(method) && i == 0) {
        for (TSNode o : ScriptObjects.objectsIn(a)) {
          keys(o, Access.READ, Certainty.CERTAIN);
        }
      } else if (method.equals("update") && i == 1) {
        keys(a, Access.WRITE, Certainty.CERTAIN);
      } else if ((method.equals("increment") || method.equals("decrement")) && i == 1
          || Set.of("sum", "average", "minimum", "maximum").contains(method) && i == 0) {
        strings(a, method.endsWith("crement") ? Access.WRITE : Access.READ, Certainty.CERTAIN);
      } else if (READS.contains(method)) {
        findOptions(a);
      }
    }
  }

  /** A find's options; an object with none of their keys is the criteria (TypeORM 0.2). */
  private void findOptions(TSNode options) {
    List<ScriptObjects.Entry> entries = objects.entries(options);
    if (entries.stream().noneMatch(e -> FIND_OPTIONS.contains(e.key()))) {
      keys(options, Access.READ, Certainty.CERTAIN);
      return;
    }
    for (ScriptObjects.Entry e : entries) {
      switch (e.key()) {
        case "where" -> ScriptObjects.objectsIn(e.value()).forEach(o -> keys(o, Access.READ, Certainty.CERTAIN));
        case "order" -> keys(e.value(), Access.READ, Certainty.CERTAIN);
        case "select" -> {
          keys(e.value(), Access.READ, Certainty.CERTAIN);
          strings(e.value(), Access.READ, Certainty.CERTAIN);
        }
        default -> { }
      }
    }
  }

  @Override
  Certainty instance(TSNode receiver) {
    return ScriptTypes.is(types().of(receiver, this::resultType), model.name())
        ? Certainty.CERTAIN : null;
  }

  /** {@code getRepository(Article)}, or a name typed {@code Repository<Article>}. */
  private boolean isRepository(TSNode object) {
    if (TreeCalls.type(object).equals("call_expression")) {
      return isGetRepository(object);
    }
    String type = types().of(object, this::resultType);
    if (type == null || !ScriptTypes.is(ScriptTypes.argument(type), model.name())) {
      return false;
    }
    return REPOSITORY_TYPES.contains(type.substring(0, type.indexOf('<')).strip());
  }

  private boolean isGetRepository(TSNode call) {
    TSNode fn = SyntaxNodes.field(call, "function");
    List<TSNode> args = ScriptObjects.arguments(call);
    if (fn == null || args.isEmpty() || !isModel(args.get(0))) {
      return false;
    }
    String name = nodes.text(fn);
    return name.equals("getRepository") || name.endsWith(".getRepository");
  }

  /** The type of a variable's initialiser that is a repository's call. */
  private String resultType(TSNode value) {
    if (!TreeCalls.type(value).equals("call_expression")) {
      return null;
    }
    if (isGetRepository(value)) {
      return "Repository<" + model.name() + ">";
    }
    ScriptObjects.MemberCall c = objects.memberCall(value);
    return c != null && ONE.contains(c.method()) && isRepository(c.object()) ? model.name()
        : null;
  }

  /** {@code alias.prop} in the file's strings, for each query builder alias of the entity. */
  private void queryBuilderStrings(SourceLanguage language, String source) {
    for (StringLiterals.Literal l : StringLiterals.of(language, source)) {
      for (String token : JpqlQuery.tokens(l.text())) {
        int dot = token.indexOf('.');
        if (dot > 0 && aliases.contains(token.substring(0, dot))) {
          // A property path, or (as TypeORM also accepts) the column's own name: authorId.
          String name = token.substring(dot + 1);
          OrmModel.Field f = model.field(name);
          String column = f != null ? f.columnName()
              : model.fieldsOf(name).isEmpty() ? null : name;
          if (column != null) {
            out.add(new OrmUse(model, column, l.line(), l.column(), Access.READ,
                Certainty.CERTAIN));
          }
        }
      }
    }
  }
}
