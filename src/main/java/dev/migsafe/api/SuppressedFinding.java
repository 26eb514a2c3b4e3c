package dev.migsafe.api;

/**
 * A finding a {@code -- migsafe:ignore RULE reason} comment accepted: kept so that reports can
 * show it as suppressed (SARIF {@code suppressions}) instead of losing it.
 *
 * @param finding the finding as it would have been reported
 * @param reason the reason written in the comment
 * @param line 1-based line of the comment
 */
public record SuppressedFinding(Finding finding, String reason, int line) {}
