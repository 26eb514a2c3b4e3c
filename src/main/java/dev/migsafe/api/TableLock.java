package dev.migsafe.api;

/** The strongest lock one statement takes on one existing table. */
public record TableLock(String table, LockMode mode) {}
