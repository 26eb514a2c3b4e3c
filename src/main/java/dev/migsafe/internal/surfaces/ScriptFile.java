package dev.migsafe.internal.surfaces;

import org.treesitter.TSNode;

/**
 * One TypeScript or JavaScript file as its models' uses are read: the tree, its nodes and
 * objects, and the types it declares. Made once per file and shared by every model looked
 * for in it: none of these depends on the model.
 */
final class ScriptFile {
  final SourceLanguage language;
  final String source;
  final TSNode root;
  final SyntaxNodes nodes;
  final ScriptObjects objects;
  private ScriptTypes types;

  ScriptFile(SourceLanguage language, String source) {
    this.language = language;
    this.source = source;
    this.root = SyntaxTrees.parse(language, source).getRootNode();
    this.nodes = new SyntaxNodes(source);
    this.objects = new ScriptObjects(nodes);
  }

  /** The file's declared types, read the first time a receiver needs one. */
  ScriptTypes types() {
    if (types == null) {
      types = new ScriptTypes(source, root, nodes);
    }
    return types;
  }
}
