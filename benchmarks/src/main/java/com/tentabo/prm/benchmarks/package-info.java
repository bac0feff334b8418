/**
 * Benchmarks, run by hand and recorded in {@code docs/performance.md}: JMH for the domain, load drivers against a
 * local PostgreSQL 13.22 and the HTTP API. Never timed tests: nothing here runs during {@code ./mvnw verify}.
 */
package com.tentabo.prm.benchmarks;
