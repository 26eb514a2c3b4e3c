package dev.migsafe.rules;

import java.util.List;

/** A rule's {@code <id>.cases.yaml}. */
public record RuleCaseFile(String rule, List<RuleCase> cases) {}
