/**
 * The HTTP edge: {@link org.ketasim.server.web.ClinicApi} (routes, roles, login sessions, CSRF, rate limit),
 * request validation ({@code Input}) and password hashing ({@link org.ketasim.server.web.Passwords}). The web
 * interface is static HTML and JavaScript under {@code src/main/resources/public}.
 */
package org.ketasim.server.web;
