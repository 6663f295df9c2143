/**
 * Records on H2 or PostgreSQL through plain JDBC: {@link org.ketasim.server.store.Database} (pool, Flyway
 * migrations in {@code db/migration}, one transaction per change), {@link org.ketasim.server.store.ClinicStore}
 * (every read and change of a patient record audited in the same transaction) and
 * {@link org.ketasim.server.store.AuditLog} (append-only by database triggers, hash-chained).
 */
package org.ketasim.server.store;
