/**
 * {@code migsafe mcp}: a Model Context Protocol server over standard input and output, on the
 * official MCP Java SDK. Each tool is one class over the {@code Migsafe} façade; the server
 * reads files only inside its working directory or the roots its client declares
 * ({@link dev.migsafe.internal.mcp.WorkingRoots}). Internal: may change in any release.
 */
package dev.migsafe.internal.mcp;
