package dev.scimpilot.access;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may do what: Entra user or group object ids (groups are looked up in {@code directoryTenant}, the MSP's
 * own tenant, and cached for {@code membershipCache}) (matched on the activity's {@code from.aadObjectId},
 * never on display names) for technicians and approvers, and whether a requester may approve their
 * own change ({@code fourEyes} false is meant for local mode only).
 */
@ConfigurationProperties("scimpilot.access")
public record AccessProperties(List<String> technicians, List<String> approvers, Boolean fourEyes,
        List<String> allowedTenants, Integer commandsPerMinute, String directoryTenant,
        java.time.Duration membershipCache, List<String> allowedTeams) {

    public AccessProperties {
        technicians = lower(technicians);
        approvers = lower(approvers);
        fourEyes = fourEyes == null ? Boolean.TRUE : fourEyes;
        allowedTenants = lower(allowedTenants);
        commandsPerMinute = commandsPerMinute == null ? 30 : commandsPerMinute;
        directoryTenant = directoryTenant == null ? "" : directoryTenant.strip().toLowerCase(java.util.Locale.ROOT);
        membershipCache = membershipCache == null ? java.time.Duration.ofMinutes(5) : membershipCache;
        allowedTeams = allowedTeams == null ? List.of() : allowedTeams.stream().map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }

    private static List<String> lower(List<String> ids) {
        return ids == null ? List.of() : ids.stream().map(s -> s.strip().toLowerCase(java.util.Locale.ROOT)).filter(s -> !s.isEmpty()).toList();
    }
}
