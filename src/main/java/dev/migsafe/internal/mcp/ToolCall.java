package dev.migsafe.internal.mcp;

/**
 * One call of a tool: its arguments, the paths it may read and where its progress goes.
 *
 * @param arguments the arguments, by name
 * @param roots the guard every path argument goes through
 * @param progress progress notifications for the client's token, or none
 */
record ToolCall(Arguments arguments, WorkingRoots roots, Progress progress) {}
