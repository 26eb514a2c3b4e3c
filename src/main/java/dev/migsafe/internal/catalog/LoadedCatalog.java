package dev.migsafe.internal.catalog;

import dev.migsafe.api.Catalog;
import java.util.Map;

/**
 * A loaded catalog with the SHA-256 of each past-migration file by id, which decides what the
 * search index must re-read.
 */
public record LoadedCatalog(CatalogLocation location, Catalog catalog,
    Map<String, String> migrationHashes) {}
