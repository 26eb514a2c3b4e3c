/**
 * The vocabulary lint, plan, catalog and similar share: what kind of change a statement makes
 * ({@link dev.migsafe.internal.model.ChangeKind}) and how big and busy a table is ({@link
 * dev.migsafe.internal.model.TableScale}). It depends on no other internal package, so every
 * one of them can use it without a cycle.
 */
package dev.migsafe.internal.model;
