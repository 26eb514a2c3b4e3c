package dev.migsafe.internal.surfaces;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a script's imports lead, and which files load a model's module. */
class ScriptModulesTest {
  @TempDir Path repo;

  @Test
  void importsAreReadOffTheTextButNotOffCommentLines() {
    ScriptImports i = ScriptImports.of("""
        import type { Share } from "@server/models";
        import {
          a,
          b,
        } from '../lib/ab';
        import "./side-effect";
        export * from "./Share";
        const fs = require("fs");
        const lazy = () => import("./Lazy");
        // import Old from "./Old";
        /**
         * const C = createLazyComponent(() => import('./MyComponent'));
         */
        """);
    assertThat(i.specifiers()).containsExactly("@server/models", "../lib/ab", "./side-effect",
        "./Share", "fs", "./Lazy");
    assertThat(i.computed()).isFalse();
  }

  @Test
  void aModuleWhoseNameIsComputedIsAComputedLoad() {
    assertThat(ScriptImports.of("const m = require(path.join(__dirname, file));").computed())
        .isTrue();
    assertThat(ScriptImports.of("const m = await import(`./locales/${lang}`);").computed())
        .isTrue();
    // A method of that name on an object is not Node's require.
    assertThat(ScriptImports.of("validator.require(field);").computed()).isFalse();
    assertThat(ScriptImports.of("// require(name) would load it").computed()).isFalse();
  }

  @Test
  void importsResolveAsNodeAndTypeScriptResolveThem() throws IOException {
    write("tsconfig.json", """
        {
          // comments and trailing commas, as tsc accepts them
          "extends": "./tsconfig.base.json",
          "compilerOptions": { "strict": true, },
        }
        """);
    write("tsconfig.base.json", """
        { "compilerOptions": { "baseUrl": ".", "paths": {
            "@server/*": ["./server/*"], "~/*": ["./app/*"], "config": ["./server/config.ts"],
            "vite": ["./node_modules/vite/dist/index.d.ts"] } } }
        """);
    write("package.json", """
        { "name": "app", "dependencies": { "sequelize": "6" }, "devDependencies": { "@types/node": "20" } }
        """);
    write("packages/db/package.json", """
        { "name": "@acme/db", "main": "src/main.ts" }
        """);
    write("js/jsconfig.json", "{}");
    for (String f : List.of("server/models/Share.ts", "server/models/index.ts",
        "server/config.ts", "server/esm/user.ts", "app/models/Share.ts", "app/index.tsx",
        "packages/db/src/main.ts", "packages/db/src/schema.ts", "js/a.js", "lib/util.js")) {
      write(f, "");
    }
    ScriptResolver r = resolver();
    String from = "server/routes/shares.ts";
    assertThat(r.resolve(from, "../models/Share").path()).isEqualTo("server/models/Share.ts");
    assertThat(r.resolve(from, "../models").path()).isEqualTo("server/models/index.ts");
    assertThat(r.resolve(from, "../esm/user.js").path()).isEqualTo("server/esm/user.ts");
    assertThat(r.resolve(from, "@server/models").path()).isEqualTo("server/models/index.ts");
    assertThat(r.resolve(from, "~/models/Share").path()).isEqualTo("app/models/Share.ts");
    assertThat(r.resolve(from, "config").path()).isEqualTo("server/config.ts");
    assertThat(r.resolve(from, "lib/util").path()).isEqualTo("lib/util.js");
    assertThat(r.resolve(from, "@acme/db").path()).isEqualTo("packages/db/src/main.ts");
    assertThat(r.resolve(from, "@acme/db/schema").path()).isEqualTo("packages/db/src/schema.ts");
    assertThat(r.resolve(from, "sequelize/lib/utils").kind())
        .isEqualTo(ScriptResolver.Kind.OUTSIDE);
    assertThat(r.resolve(from, "node:fs").kind()).isEqualTo(ScriptResolver.Kind.OUTSIDE);
    assertThat(r.resolve(from, "path").kind()).isEqualTo(ScriptResolver.Kind.OUTSIDE);
    assertThat(r.resolve(from, "vite").kind()).isEqualTo(ScriptResolver.Kind.OUTSIDE);
    assertThat(r.resolve(from, "./styles.css").kind()).isEqualTo(ScriptResolver.Kind.OUTSIDE);
    assertThat(r.resolve(from, "../../../elsewhere").kind())
        .isEqualTo(ScriptResolver.Kind.OUTSIDE);
    // Under a tsconfig.json, a name no alias maps is in node_modules.
    assertThat(r.resolve(from, "history").kind()).isEqualTo(ScriptResolver.Kind.OUTSIDE);
    // Not known: a relative module that is not there (generated), an alias that leads nowhere,
    // and in JavaScript a name nothing declares (a bundler's alias may map it).
    assertThat(r.resolve(from, "./generated/types").kind())
        .isEqualTo(ScriptResolver.Kind.UNKNOWN);
    assertThat(r.resolve(from, "@server/missing").kind()).isEqualTo(ScriptResolver.Kind.UNKNOWN);
    assertThat(r.resolve("js/a.js", "history").kind()).isEqualTo(ScriptResolver.Kind.UNKNOWN);
  }

  @Test
  void aModelIsUsedOnlyWhereItsModuleIsLoadedDirectlyOrThroughOthers() throws IOException {
    write("tsconfig.json", """
        { "compilerOptions": { "paths": { "@server/*": ["./server/*"], "~/*": ["./app/*"] } } }
        """);
    write("package.json", "{ \"dependencies\": { \"react\": \"18\" } }");
    write("server/models/Share.ts", "import { Table } from \"sequelize-typescript\";");
    write("server/models/index.ts", "export { default as Share } from \"./Share\";");
    write("server/commands/shareLoader.ts", "import { Share } from \"@server/models\";");
    write("server/routes/app.ts", "import { load } from \"@server/commands/shareLoader\";");
    write("server/routes/app.test.ts", "import \"./app\";");
    write("app/models/Share.ts", "import { observable } from \"mobx\";");
    write("app/components/Share.tsx", "import Share from \"~/models/Share\";\n"
        + "import * as React from \"react\";");
    write("app/generated.ts", "import t from \"./types.generated\";");
    write("app/uses-generated.ts", "import g from \"./generated\";");
    write("scripts/global.js", "Share.findAll();");
    SourceTree.Listing listing = SourceTree.list(repo);
    ScriptResolver resolver = ScriptResolver.of(repo, listing.files(), listing.manifests());
    List<ScriptModules.Links> links = listing.files().stream().map(f -> {
      String rel = SourceFile.relative(repo, f);
      return ScriptModules.Links.of(rel, SourceFile.text(f).text(), resolver);
    }).toList();
    ScriptModules modules = new ScriptModules(links);
    assertThat(modules.loading(List.of("server/models/Share.ts"))).containsExactlyInAnyOrder(
        "server/models/Share.ts", "server/models/index.ts", "server/commands/shareLoader.ts",
        "server/routes/app.ts", "server/routes/app.test.ts",
        // What cannot be told may load it.
        "app/generated.ts", "app/uses-generated.ts");
    // A script with no import at all has globals only: it may use any model itself.
    assertThat(modules.loadsNothing("scripts/global.js")).isTrue();
    assertThat(modules.loadsNothing("app/components/Share.tsx")).isFalse();
  }

  @Test
  void anExtendsIsNotFollowedOutOfTheRepository(@TempDir Path outside) throws IOException {
    Files.writeString(outside.resolve("base.json"),
        "{ \"compilerOptions\": { \"paths\": { \"@x/*\": [\"./x/*\"] } } }");
    Files.createSymbolicLink(repo.resolve("linked.json"), outside.resolve("base.json"));
    write("tsconfig.json", "{ \"extends\": \"./linked.json\" }");
    write("x/a.ts", "");
    write("tsconfig2/tsconfig.json", "{ \"extends\": \"../../" + outside.getFileName()
        + "/base.json\" }");
    assertThat(resolver().resolve("b.ts", "@x/a").kind()).isEqualTo(ScriptResolver.Kind.OUTSIDE);
    assertThat(resolver().resolve("tsconfig2/b.ts", "@x/a").kind())
        .isEqualTo(ScriptResolver.Kind.OUTSIDE);
  }

  @Test
  void whatCannotBeToldLoadsAnyFileOfItsOwnPackageOnly() throws IOException {
    // Two services side by side, each its own package; each loads its plugins by a computed
    // path, which may be any file of the service, never the other service's.
    for (String service : List.of("billing", "search")) {
      write(service + "/package.json", "{ \"name\": \"" + service + "\" }");
      write(service + "/tsconfig.json", "{}");
      write(service + "/models/Order.ts", "import { Table } from \"sequelize-typescript\";");
      write(service + "/plugins.ts", "export const load = (p: string) => require(p);");
      write(service + "/server.ts", "import { load } from \"./plugins\";");
      write(service + "/routes.ts", "import { Order } from \"./models/Order\";");
    }
    SourceTree.Listing listing = SourceTree.list(repo);
    ScriptResolver resolver = ScriptResolver.of(repo, listing.files(), listing.manifests());
    assertThat(resolver.packageOf("billing/models/Order.ts")).isEqualTo("billing");
    assertThat(resolver.packageOf("README.ts")).isEqualTo("");
    ScriptModules modules = new ScriptModules(listing.files().stream()
        .map(f -> ScriptModules.Links.of(SourceFile.relative(repo, f),
            SourceFile.text(f).text(), resolver)).toList());
    assertThat(modules.loading(List.of("billing/models/Order.ts"))).containsExactlyInAnyOrder(
        "billing/models/Order.ts", "billing/routes.ts", "billing/plugins.ts",
        "billing/server.ts");
  }

  private ScriptResolver resolver() throws IOException {
    SourceTree.Listing listing = SourceTree.list(repo);
    return ScriptResolver.of(repo, listing.files(), listing.manifests());
  }

  private void write(String rel, String text) throws IOException {
    Path p = repo.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }
}
