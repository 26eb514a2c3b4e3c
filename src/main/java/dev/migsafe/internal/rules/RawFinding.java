package dev.migsafe.internal.rules;

import dev.migsafe.api.Fix;
import dev.migsafe.api.Severity;

/** A finding as a rule's consequence reported it, before suppressions and overrides. */
public record RawFinding(
    String rule,
    Severity severity,
    int line,
    int column,
    int statementIndex,
    String message,
    String why,
    String saferAlternative,
    int endLine,
    int endColumn,
    Fix fix) {}
