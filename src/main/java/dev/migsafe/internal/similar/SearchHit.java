package dev.migsafe.internal.similar;

/** One match: the record's id, its score (higher is closer) and its indexed features. */
public record SearchHit(String id, double score, MigrationFeatures features) {}
