/**
 * {@code migsafe init}: finds the migration tool a project uses and writes a starting
 * configuration and a packet skeleton that already loads, so that a team starts from a valid
 * file instead of a copied example.
 */
package dev.migsafe.internal.scaffold;
