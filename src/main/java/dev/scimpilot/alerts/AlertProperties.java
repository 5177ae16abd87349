package dev.scimpilot.alerts;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When the unprompted jobs run: the daily expiry scan (time of day in a zone, and once shortly after startup),
 * and the provisioning watchdog's interval and how long without a successful cycle is an incident. (The calendar
 * link's lifetime and public URL are the shared {@code scimpilot.downloads.*} settings.)
 */
@ConfigurationProperties("scimpilot.reminders")
public record AlertProperties(LocalTime dailyAt, ZoneId timeZone, Duration startupDelay, Duration watchdogInterval,
        Duration noSyncAfter) {

    public AlertProperties {
        dailyAt = dailyAt == null ? LocalTime.of(8, 0) : dailyAt;
        timeZone = timeZone == null ? ZoneId.of("UTC") : timeZone;
        startupDelay = startupDelay == null ? Duration.ofMinutes(2) : startupDelay;
        watchdogInterval = watchdogInterval == null ? Duration.ofHours(1) : watchdogInterval;
        noSyncAfter = noSyncAfter == null ? Duration.ofHours(24) : noSyncAfter;
    }
}
