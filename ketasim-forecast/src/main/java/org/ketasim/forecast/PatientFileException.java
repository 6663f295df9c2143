package org.ketasim.forecast;

/**
 * A patient file that cannot be used: the message is one line and starts with the field path
 * ({@code observations[2].scale: unknown rating scale 'XYZ'; ...}).
 */
public final class PatientFileException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** @param message one line, starting with the field path */
    public PatientFileException(String message) {
        super(message);
    }
}
