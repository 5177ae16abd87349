package dev.scimpilot.health;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code scimpilot.health.*}: how hard a fleet check may push. {@code clientsAtOnce} clients are checked in
 * parallel; every Graph request (each attempt) and NinjaOne call holds one of {@code maxRequests} global slots and
 * one of {@code maxRequestsPerTenant} slots of its tenant (NinjaOne counts as one tenant). {@code dailyDigest}: the daily
 * expiry scan ({@code scimpilot.reminders.daily-at}) also checks the whole fleet and posts the fleet card to the
 * alerts channel.
 */
@Validated
@ConfigurationProperties("scimpilot.health")
public record HealthProperties(
        @DefaultValue("32") @Min(1) @Max(256) int clientsAtOnce,
        @DefaultValue("64") @Min(1) @Max(1024) int maxRequests,
        @DefaultValue("4") @Min(1) @Max(64) int maxRequestsPerTenant,
        @DefaultValue("false") boolean dailyDigest) {}
