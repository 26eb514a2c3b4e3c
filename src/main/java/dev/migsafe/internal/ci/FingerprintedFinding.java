package dev.migsafe.internal.ci;

import dev.migsafe.api.Finding;

/**
 * A finding with what CI reports need beside it.
 *
 * @param path the file as the repository names it ({@link RepositoryPath})
 * @param finding the finding
 * @param fingerprint its identity across commits
 */
public record FingerprintedFinding(String path, Finding finding, Fingerprint fingerprint) {}
