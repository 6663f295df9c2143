package org.ketasim.server.clinical;

/** Input a clinician can fix; the API answers it with 400 (or the given status) and {"error": message}. */
public class InvalidInput extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final int status;

    public InvalidInput(String message) {
        this(400, message);
    }

    public InvalidInput(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The HTTP status to answer with (400, 404, 409 or 422). */
    public int status() {
        return status;
    }
}
