package dev.migsafe.internal.surfaces;

import dev.migsafe.api.Surface.Access;
import dev.migsafe.api.Surface.Certainty;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.treesitter.TSNode;

/**
 * Uses of Django models in Python, found through the model, not the word:
 *
 * <ul>
 *   <li>a query on the model's manager ({@code Order.objects.filter(...)}, and the calls
 *       chained on it) is a use of its table; its keyword lookups ({@code email__iexact=},
 *       {@code author=}, {@code defaults={...}}), the names given to {@code values},
 *       {@code values_list}, {@code order_by('-email')}, {@code only}, {@code defer}, ... and
 *       the {@code F('email')} and {@code Q(email=...)} inside are uses of the columns;
 *   <li>{@code Order(email=...)} writes the columns it names;
 *   <li>{@code self.email} in the model's class, and {@code order.email} on a variable or
 *       relation ({@code self.order.email}) named after the model, read or write the
 *       attribute;
 *   <li>{@code order.save(update_fields=["email"])} writes the fields it lists;
 *   <li>a Django REST Framework serializer or model form ({@code class Meta: model = Order;
 *       fields = [...]}) reads and writes the fields it lists;
 *   <li>in a manager class that one model alone installs ({@code objects = UserManager()}),
 *       {@code self.model(username=...)} writes and {@code self.filter(...)} reads that
 *       model's columns, as Django binds {@code self.model} to the model the manager is
 *       installed on;
 *   <li>in a signal receiver ({@code @receiver(pre_save, sender=Article)}), the {@code
 *       instance} parameter is the sender's instance, as Django's model signals pass it by
 *       that keyword.
 * </ul>
 *
 * <p>A lookup through a relation ({@code author__user__username}) is a use of the field after
 * a step named after its model ({@code user} then {@code username}): {@code LIKELY}, since the
 * relation's target is not resolved; such a lookup counts on any queryset, whose receiver
 * ({@code self.queryset}) is not typed. Other calls on untyped querysets are not reported.
 */
final class DjangoUses {
  /** QuerySet methods that return a QuerySet of the same model. */
  private static final Set<String> CHAIN = Set.of("all", "filter", "exclude", "order_by",
      "distinct", "select_related", "prefetch_related", "only", "defer", "annotate", "alias",
      "using", "select_for_update", "reverse", "none", "union", "intersection", "difference");
  private static final Set<String> KEYWORDS = Set.of("filter", "exclude", "get",
      "get_or_create", "update_or_create", "create", "update", "first", "last", "exists",
      "count", "in_bulk");
  private static final Set<String> NAMES = Set.of("values", "values_list", "order_by",
      "only", "defer", "distinct", "latest", "earliest", "select_related", "prefetch_related",
      "dates", "datetimes");
  private static final Set<String> WRITES = Set.of("create", "update", "get_or_create",
      "update_or_create", "bulk_create", "bulk_update", "delete");
  /** Keyword arguments of QuerySet methods that are not lookups. */
  private static final Set<String> NOT_LOOKUPS = Set.of("defaults", "create_defaults", "flat",
      "named", "batch_size", "ignore_conflicts", "update_conflicts", "unique_fields",
      "update_fields", "field_name", "of", "nowait", "skip_locked", "no_key");

  /**
   * Where a node is: in a model's class ({@code self} is the model), or in a class-based
   * view whose {@code queryset = Order.objects...} types {@code self.queryset}, {@code
   * self.get_queryset()} and a local {@code queryset} ({@code LIKELY}).
   */
  private record Scope(OrmModel model, TypedModel view, OrmModel manager, OrmModel signal) {
    static final Scope NONE = new Scope(null, null, null, null);
  }

  private final SyntaxSource src;
  private final List<OrmModel> models;
  private final List<OrmUse> out = new ArrayList<>();
  /** Manager classes of this file by name, each with the one model that installs it. */
  private final Map<String, OrmModel> managers;

  private DjangoUses(SyntaxSource src, List<OrmModel> models) {
    this.src = src;
    this.models = models;
    this.managers = DjangoManagers.of(src, models);
  }

  static List<OrmUse> of(String text, List<OrmModel> models) {
    DjangoUses u = new DjangoUses(new SyntaxSource(SourceLanguage.PYTHON, text), models);
    u.walk(u.src.root(), Scope.NONE);
    return u.out;
  }

  private void walk(TSNode node, Scope scope) {
    Scope here = scope;
    switch (node.getType()) {
      case "class_definition" -> {
        String name = src.text(SyntaxSource.field(node, "name"));
        here = new Scope(named(name), view(node), managers.get(name), null);
        metaFields(node);
      }
      case "decorated_definition" -> {
        // Its function is a receiver of the sender's signals, or binds instance otherwise.
        OrmModel sender = DjangoManagers.signalSender(src, node, models);
        if (sender != null || scope.signal() != null) {
          here = new Scope(scope.model(), scope.view(), scope.manager(), sender);
        }
      }
      case "function_definition" -> {
        // A function nested in a receiver binds its own parameters.
        if (scope.signal() != null && node.getParent() != null
            && !node.getParent().getType().equals("decorated_definition")) {
          here = new Scope(scope.model(), scope.view(), scope.manager(), null);
        }
      }
      case "call" -> call(node, here);
      case "attribute" -> {
        OrmUse u = signalInstance(node, here);
        if (u == null) {
          u = PythonAttributes.of(src, node, here.model(), models);
        }
        if (u != null) {
          out.add(u);
        }
      }
      default -> { }
    }
    for (TSNode c : SyntaxSource.namedChildren(node)) {
      walk(c, here);
    }
  }

  private void call(TSNode call, Scope scope) {
    TSNode fn = SyntaxSource.field(call, "function");
    TSNode args = SyntaxSource.field(call, "arguments");
    if (fn == null || args == null) {
      return;
    }
    if (fn.getType().equals("identifier") && named(src.text(fn)) != null) {
      // Order(email=...): a new row's columns.
      TypedModel t = new TypedModel(named(src.text(fn)), Certainty.CERTAIN);
      table(t, call, Access.WRITE);
      keywords(t, args, Access.WRITE);
      return;
    }
    if (!fn.getType().equals("attribute")) {
      return;
    }
    String method = src.text(SyntaxSource.field(fn, "attribute"));
    TSNode object = SyntaxSource.field(fn, "object");
    if (scope.manager() != null && src.text(fn).equals("self.model")) {
      // self.model(username=...) in the manager: a new row of the model that installs it.
      TypedModel t = new TypedModel(scope.manager(), Certainty.CERTAIN);
      table(t, call, Access.WRITE);
      keywords(t, args, Access.WRITE);
      return;
    }
    if (method.equals("save") || method.equals("refresh_from_db")) {
      // order.save(update_fields=["email"]) writes, refresh_from_db(fields=[...]) reads.
      TypedModel instance = PythonAttributes.instance(src, object, scope.model(), models);
      TSNode fields = PythonNames.keyword(src, args,
          method.equals("save") ? "update_fields" : "fields");
      for (TSNode s : instance == null || fields == null ? List.<TSNode>of()
          : PythonNames.strings(fields)) {
        OrmModel.Field f = instance.model().field(String.valueOf(PythonNames.literal(src, s)));
        if (f != null) {
          add(instance.model(), f.columnName(), s,
              method.equals("save") ? Access.WRITE : Access.READ, instance.certainty());
        }
      }
      return;
    }
    TypedModel typed = queryset(object, scope);
    if (typed == null) {
      // Lookups through a relation name their model in the step before: read on any queryset.
      if (KEYWORDS.contains(method)) {
        keywords(null, args, Access.READ);
      }
      if (NAMES.contains(method)) {
        names(null, args);
      }
      return;
    }
    Access access = WRITES.contains(method) ? Access.WRITE : Access.READ;
    if (isManager(object)) {
      table(typed, call, chainWrites(call) ? Access.WRITE : Access.READ);
    }
    if (KEYWORDS.contains(method)) {
      keywords(typed, args, access);
    }
    if (NAMES.contains(method)) {
      names(typed, args);
    }
    for (TSNode a : SyntaxSource.namedChildren(args)) {
      expressions(typed, a);
    }
  }

  /** The field names given as strings: {@code values('email')}, {@code order_by('-email')}. */
  private void names(TypedModel typed, TSNode args) {
    for (TSNode a : SyntaxSource.namedChildren(args)) {
      for (TSNode s : PythonNames.strings(a)) {
        String name = PythonNames.literal(src, s);
        if (name != null) {
          lookup(typed, name.startsWith("-") ? name.substring(1) : name, s, Access.READ);
        }
      }
    }
  }

  /** F('email') and Q(email=...) anywhere inside an argument of a call on the model. */
  private void expressions(TypedModel typed, TSNode node) {
    if (node.getType().equals("call")) {
      TSNode fn = SyntaxSource.field(node, "function");
      TSNode args = SyntaxSource.field(node, "arguments");
      String name = fn == null ? "" : PythonNames.lastPart(src.text(fn));
      if (args != null && name.equals("F") && args.getNamedChildCount() > 0) {
        String f = PythonNames.literal(src, args.getNamedChild(0));
        if (f != null) {
          lookup(typed, f, args.getNamedChild(0), Access.READ);
        }
      } else if (args != null && name.equals("Q")) {
        keywords(typed, args, Access.READ);
      }
    }
    for (TSNode c : SyntaxSource.namedChildren(node)) {
      expressions(typed, c);
    }
  }

  /** Each keyword lookup of the arguments, and the keys of {@code defaults={...}}. */
  private void keywords(TypedModel typed, TSNode args, Access access) {
    for (TSNode a : SyntaxSource.namedChildren(args)) {
      if (!a.getType().equals("keyword_argument")) {
        continue;
      }
      TSNode nameNode = SyntaxSource.field(a, "name");
      String name = src.text(nameNode);
      TSNode value = SyntaxSource.field(a, "value");
      if (typed != null && (name.equals("defaults") || name.equals("create_defaults"))
          && value != null && value.getType().equals("dictionary")) {
        for (TSNode pair : SyntaxSource.namedChildren(value)) {
          TSNode key = SyntaxSource.field(pair, "key");
          String k = key == null ? null : PythonNames.literal(src, key);
          if (k != null) {
            lookup(typed, k, key, Access.WRITE);
          }
        }
      } else if (!NOT_LOOKUPS.contains(name)) {
        lookup(typed, name, nameNode, access);
      }
    }
  }

  /**
   * A lookup path: its first step is the typed model's field; a later step is a field of the
   * model the step before it is named after (LIKELY). Without a typed model only the later
   * steps count.
   */
  private void lookup(TypedModel typed, String path, TSNode at, Access access) {
    String[] steps = path.split("__");
    if (typed != null) {
      OrmModel.Field f = typed.model().field(steps[0]);
      if (f != null) {
        add(typed.model(), f.columnName(), at, access, typed.certainty());
      }
    }
    for (int i = 1; i < steps.length; i++) {
      for (OrmModel m : models) {
        OrmModel.Field f = m.field(steps[i]);
        if (f != null && steps[i - 1].equals(PythonNames.snake(m.name()))) {
          add(m, f.columnName(), at, Access.READ, Certainty.LIKELY);
        }
      }
    }
  }

  /** {@code class Meta: model = Order; fields = [...]} of a serializer or a model form. */
  private void metaFields(TSNode cls) {
    TSNode meta = PythonNames.innerClass(src, cls, "Meta");
    TSNode model = meta == null ? null : PythonNames.assigned(src, meta, "model");
    TSNode fields = meta == null ? null : PythonNames.assigned(src, meta, "fields");
    OrmModel m = model == null ? null : named(PythonNames.lastPart(src.text(model)));
    if (m == null || fields == null) {
      return;
    }
    for (TSNode s : PythonNames.strings(fields)) {
      OrmModel.Field f = m.field(String.valueOf(PythonNames.literal(src, s)));
      if (f != null) {
        add(m, f.columnName(), s, Access.READ_WRITE, Certainty.CERTAIN);
      }
    }
    // slug = serializers.SlugField(required=False): a declared field of the model's name.
    for (TSNode st : PythonNames.statements(cls)) {
      TSNode left = st.getType().equals("assignment") ? SyntaxSource.field(st, "left") : null;
      OrmModel.Field f = left == null || !left.getType().equals("identifier") ? null
          : m.field(src.text(left));
      if (f != null) {
        add(m, f.columnName(), left, Access.READ_WRITE, Certainty.CERTAIN);
      }
    }
  }

  /**
   * The model of a queryset expression: its manager, the view's queryset, or calls chained on
   * either.
   */
  private TypedModel queryset(TSNode node, Scope scope) {
    if (node == null) {
      return null;
    }
    if (isManager(node)) {
      return new TypedModel(named(src.text(SyntaxSource.field(node, "object"))), Certainty.CERTAIN);
    }
    String text = src.text(node);
    if (scope.manager() != null && (text.equals("self") || text.equals("self.get_queryset()"))) {
      return new TypedModel(scope.manager(), Certainty.CERTAIN);
    }
    if (scope.view() != null && (text.equals("self.queryset") || text.equals("queryset")
        || text.equals("self.get_queryset()"))) {
      return scope.view();
    }
    if (node.getType().equals("call")) {
      TSNode fn = SyntaxSource.field(node, "function");
      if (fn != null && fn.getType().equals("attribute")
          && CHAIN.contains(src.text(SyntaxSource.field(fn, "attribute")))) {
        return queryset(SyntaxSource.field(fn, "object"), scope);
      }
    }
    return null;
  }

  /**
   * The model of a class-based view's {@code queryset = Order.objects...}, with its {@code
   * lookup_field} read as a lookup on it; null for another class.
   */
  private TypedModel view(TSNode cls) {
    TSNode qs = PythonNames.assigned(src, cls, "queryset");
    TypedModel typed = qs == null ? null : queryset(qs, Scope.NONE);
    TSNode lookupField = PythonNames.assigned(src, cls, "lookup_field");
    String lookup = lookupField == null ? null : PythonNames.literal(src, lookupField);
    if (lookup != null && (qs != null || typed != null)) {
      lookup(typed, lookup, lookupField, Access.READ);
    }
    return typed == null ? null : new TypedModel(typed.model(), Certainty.LIKELY);
  }

  /** {@code Order.objects} (or another manager named {@code *objects}). */
  private boolean isManager(TSNode node) {
    if (!node.getType().equals("attribute")) {
      return false;
    }
    TSNode object = SyntaxSource.field(node, "object");
    String manager = src.text(SyntaxSource.field(node, "attribute"));
    return object != null && object.getType().equals("identifier")
        && named(src.text(object)) != null
        && (manager.endsWith("objects") || manager.equals("_default_manager"));
  }

  /** Whether a call on the manager, or one chained after it, writes. */
  private boolean chainWrites(TSNode call) {
    for (TSNode n = call; n != null && !n.isNull(); n = n.getParent()) {
      if (n.getType().equals("call")) {
        TSNode fn = SyntaxSource.field(n, "function");
        if (fn != null && fn.getType().equals("attribute")
            && WRITES.contains(src.text(SyntaxSource.field(fn, "attribute")))) {
          return true;
        }
      } else if (!n.getType().equals("attribute")) {
        return false;
      }
    }
    return false;
  }

  /** {@code instance.slug} in a signal receiver of the model: the sender's instance. */
  private OrmUse signalInstance(TSNode attr, Scope scope) {
    TSNode object = SyntaxSource.field(attr, "object");
    TSNode name = SyntaxSource.field(attr, "attribute");
    if (scope.signal() == null || object == null || name == null
        || !object.getType().equals("identifier") || !src.text(object).equals("instance")) {
      return null;
    }
    OrmModel.Field f = scope.signal().field(src.text(name));
    return f == null ? null : new OrmUse(scope.signal(), f.columnName(), SyntaxSource.line(attr),
        src.column(attr), SyntaxSource.isAssigned(attr, Set.of("assignment",
            "augmented_assignment")) ? Access.WRITE : Access.READ, Certainty.CERTAIN);
  }

  private void table(TypedModel typed, TSNode call, Access access) {
    out.add(new OrmUse(typed.model(), null, SyntaxSource.line(call), src.column(call), access,
        typed.certainty()));
  }

  private void add(OrmModel m, String column, TSNode at, Access access, Certainty certainty) {
    out.add(new OrmUse(m, column, SyntaxSource.line(at), src.column(at), access, certainty));
  }


  private OrmModel named(String className) {
    return ModelNames.byClass(models, className);
  }
}
