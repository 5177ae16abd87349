package dev.scimpilot.ninjaone;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A NinjaOne end user; {@code organizationId} is null for a global end user. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NinjaEndUser(long id, String email, String firstName, String lastName, Long organizationId,
                           boolean enabled) {

    public boolean isGlobal() {
        return organizationId == null;
    }
}
