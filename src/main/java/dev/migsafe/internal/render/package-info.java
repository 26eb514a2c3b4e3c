/** Serialising results for people (text) and tools (JSON, SARIF). */
package dev.migsafe.internal.render;
