/**
 * The four AI passes ({@code migsafe ai}): the prompts grounded in migsafe's facts, the client
 * that asks a local model, the answer's schema check on arrival, and the verification of every
 * part of the answer by migsafe's own machinery. Internal: may change in any release.
 */
package dev.migsafe.internal.ai;
