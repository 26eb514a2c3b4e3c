/**
 * The Drools rule base: loading the DRL rules, the facts they match (statements, operations,
 * the migration file) and the sink their consequences report findings to.
 */
package dev.migsafe.internal.rules;
