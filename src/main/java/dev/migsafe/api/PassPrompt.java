package dev.migsafe.api;

/**
 * What migsafe would send a model for one {@link AiPass} over a packet: the instructions, the
 * facts (schema diff, direct statements with their locks and durations, recipes, workload,
 * consumers, similar past migrations) and the JSON schema the answer must follow. Built from
 * DDL, statistics and the packet's text only, never from rows.
 *
 * @param pass which pass
 * @param system the system message: the role, the rules of the answer, and that every SQL
 *     statement proposed must be checked with {@code check_migration}
 * @param user the user message: the packet's facts
 * @param answerSchema the JSON Schema (draft 2020-12) the answer must validate against
 */
public record PassPrompt(AiPass pass, String system, String user, String answerSchema) {}
