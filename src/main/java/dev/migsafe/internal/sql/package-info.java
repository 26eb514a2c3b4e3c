/** Reading SQL text: lexing, splitting into statements, and reading statements into operations. */
package dev.migsafe.internal.sql;
