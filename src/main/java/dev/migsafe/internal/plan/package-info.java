/** {@code plan}: from a migration packet to a phased, verifiable playbook. */
package dev.migsafe.internal.plan;
