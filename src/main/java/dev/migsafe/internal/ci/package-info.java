/**
 * What CI needs beyond a lint run: paths as the repository names them, fingerprints of findings
 * that survive edits around them, baselines of accepted findings, and the files a branch changed.
 */
package dev.migsafe.internal.ci;
