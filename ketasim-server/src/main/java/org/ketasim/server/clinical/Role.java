package org.ketasim.server.clinical;

import io.javalin.security.RouteRole;

/** What a user may do: administrators manage accounts; physicians prescribe and sign; nurses run sessions. */
public enum Role implements RouteRole {
    ADMINISTRATOR, PHYSICIAN, NURSE;

    /** Parses a role name (case-insensitive), naming the choices when it is not one. */
    public static Role parse(String text) {
        for (Role r : values()) {
            if (r.name().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return r;
            }
        }
        throw new InvalidInput("role must be one of administrator, physician, nurse");
    }
}
