package dev.scimpilot.access;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may do what: Entra user or group object ids (matched on the activity's {@code from.aadObjectId},
 * never on display names) for technicians and approvers, and whether a requester may approve their
 * own change ({@code fourEyes} false is meant for local mode only).
 */
@ConfigurationProperties("scimpilot.access")
public record AccessProperties(List<String> technicians, List<String> approvers, Boolean fourEyes) {

    public AccessProperties {
        technicians = technicians == null ? List.of() : List.copyOf(technicians);
        approvers = approvers == null ? List.of() : List.copyOf(approvers);
        fourEyes = fourEyes == null ? Boolean.TRUE : fourEyes;
    }
}
