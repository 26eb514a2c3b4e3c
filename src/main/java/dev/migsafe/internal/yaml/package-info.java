/**
 * Strict reading of YAML (and JSON, its subset) documents with the line and column of every
 * node, so that all problems of a file are reported at once as {@code FILE:LINE:COLUMN: path:
 * message}. Documents are composed by SnakeYAML's safe loader into plain nodes; no object is
 * ever constructed from a tag.
 */
package dev.migsafe.internal.yaml;
