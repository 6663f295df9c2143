/**
 * The clinic: {@code ketasim serve}.
 *
 * <p>{@link org.ketasim.server.ClinicServer#start} opens the database (embedded H2 by default, PostgreSQL by
 * JDBC URL), migrates it, creates the first administrator when there is none, and serves the JSON API and the
 * web interface. The packages follow the data: {@code clinical} holds the clinical rules as plain Java
 * (screening, scales, dose calculation, vital-sign alerts, session checks, outcome rates), {@code store} the
 * records and the audit log, {@code model} the link to the simulator, {@code web} the HTTP edge.
 */
package org.ketasim.server;
