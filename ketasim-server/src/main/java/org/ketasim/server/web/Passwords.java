package org.ketasim.server.web;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import org.ketasim.server.clinical.InvalidInput;

import at.favre.lib.crypto.bcrypt.BCrypt;

/** Password hashing with bcrypt (cost 12 by default) and the password policy. */
public final class Passwords {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final int cost;
    private final String dummyHash;

    /** @param cost bcrypt cost factor (log2 of rounds), 10-14 */
    public Passwords(int cost) {
        if (cost < 4 || cost > 16) {
            throw new IllegalArgumentException("bcrypt cost must be 4-16");
        }
        this.cost = cost;
        this.dummyHash = hash("not-a-real-password-" + RANDOM.nextLong());
    }

    public String hash(String password) {
        return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
    }

    /** Checks a password; for an unknown user pass null, which costs the same time as a real check. */
    public boolean verify(String password, String hash) {
        boolean ok = BCrypt.verifyer().verify(password.toCharArray(), (hash == null ? dummyHash : hash).toCharArray()).verified;
        return ok && hash != null;
    }

    /** Rejects passwords shorter than 10 characters, longer than bcrypt reads (72 bytes), or equal to the username. */
    public static void checkPolicy(String username, String password) {
        if (password == null || password.length() < 10) {
            throw new InvalidInput("password must be at least 10 characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > 72) {
            throw new InvalidInput("password must be at most 72 bytes");
        }
        if (password.equalsIgnoreCase(username)) {
            throw new InvalidInput("password must not be the username");
        }
    }

    /** A random one-time password of 16 characters (about 92 bits). */
    public static String oneTime() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
