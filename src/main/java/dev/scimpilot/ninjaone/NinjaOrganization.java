package dev.scimpilot.ninjaone;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A NinjaOne organization (a client of the MSP). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NinjaOrganization(long id, String name, String description) {
}
