/**
 * What {@code rehearse} needs around a real PostgreSQL server: tables filled with synthetic rows
 * that satisfy the schema's constraints ({@link dev.migsafe.internal.rehearse.SyntheticData}),
 * and a small background workload on the touched tables that records how long its queries wait
 * behind each step ({@link dev.migsafe.internal.rehearse.Workload}).
 */
package dev.migsafe.internal.rehearse;
