package org.ketasim.server.store;

import java.sql.SQLException;

/** A database failure (unchecked); the web layer answers it with 500 and a generic message. */
public final class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    public StoreException(String message) {
        super(message);
    }

    /** The SQLSTATE of the underlying error, or null. */
    public String sqlState() {
        return getCause() instanceof SQLException s ? s.getSQLState() : null;
    }
}
