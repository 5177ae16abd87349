package dev.scimpilot.clients;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The registry as CSV: the runbook's Client Registry columns (Client, NinjaOne Org ID, Email Domain, SCIM Token Expiry,
 * Entra Tenant ID) plus the status of the last health check. RFC 4180 quoting; a cell that a spreadsheet would run as
 * a formula (starting with = + - @) is prefixed with an apostrophe.
 */
@Component
public class RegistryCsv implements dev.scimpilot.downloads.DownloadSource {

    /** The download kind of {@code clients csv} links. */
    public static final String KIND = "clients-csv";

    static final String HEADER = "Client,NinjaOne Org ID,Email Domain,SCIM Token Expiry,Token Days Left,Entra Tenant ID,"
            + "Status,Last Checked (UTC),Finding";
    private final ClientRegistry registry;
    private final LastChecks checks;
    private final Clock clock;

    public RegistryCsv(ClientRegistry registry, LastChecks checks, Clock clock) {
        this.registry = registry;
        this.checks = checks;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** Rendered when the link is opened, from the registry as it is then. */
    @Override
    public java.util.Optional<dev.scimpilot.downloads.Download> render(String subject) {
        return java.util.Optional.of(dev.scimpilot.downloads.Download.text("clients.csv", "text/csv", render()));
    }

    public String render() {
        List<Client> clients = registry.all();
        Map<String, LastChecks.LastCheck> last = checks.all();
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        DateTimeFormatter at = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
        for (Client c : clients) {
            LastChecks.LastCheck check = last.get(c.id());
            out.append(String.join(",", cell(c.name()), cell(Long.toString(c.ninjaOrgId())), cell(c.emailDomain()),
                    cell(c.tokenExpiresOn() == null ? "" : c.tokenExpiresOn().toString()),
                    cell(c.tokenExpiresOn() == null ? "" : Integer.toString(c.tokenDaysLeft(clock))), cell(c.tenantId()),
                    cell(check == null ? "not checked" : check.overall()),
                    cell(check == null ? "" : at.format(check.checkedAt().atOffset(java.time.ZoneOffset.UTC))),
                    cell(check == null || check.overall().equals("healthy") ? "" : check.issue()))).append("\r\n");
        }
        return out.toString();
    }

    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !v.matches("-?\\d+")) {
            v = "'" + v; // CSV injection: never let a spreadsheet evaluate a client-supplied name
        }
        return v.matches(".*[\",\r\n].*") || v.contains(",") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
