package dev.scimpilot.clients;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import static dev.scimpilot.persistence.Timestamps.instant;
import static dev.scimpilot.persistence.Timestamps.ts;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The client registry in the database. Names are unique regardless of case and "&"/"+"; so are email domains. */
@Repository
public class ClientRegistry {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final JdbcClient jdbc;

    public ClientRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Client> all() {
        return jdbc.sql("SELECT * FROM client ORDER BY scim_token_expires_at, name").query(this::map).list();
    }

    /** What a list row shows of a client. */
    public record Listed(String id, String name, long ninjaOrgId, String emailDomain, Instant tokenExpiresAt) {

        public java.time.LocalDate tokenExpiresOn() {
            return Client.expiresOn(tokenExpiresAt);
        }

        public int tokenDaysLeft(java.time.Clock clock) {
            return Client.daysLeft(tokenExpiresAt, clock);
        }
    }

    /**
     * Every client as a list row, in {@link #all()}'s order, reading only those columns: {@code clients} pages through
     * this on every click, and mapping whole clients (their Switch keys are JSON) was most of its cost.
     */
    public List<Listed> listed() {
        return jdbc.sql("SELECT id, name, ninja_org_id, email_domain, scim_token_expires_at FROM client "
                        + "ORDER BY scim_token_expires_at, name")
                .query((rs, n) -> new Listed(rs.getString("id"), rs.getString("name"), rs.getLong("ninja_org_id"),
                        rs.getString("email_domain"), instant(rs, "scim_token_expires_at")))
                .list();
    }

    public Optional<Client> byId(String id) {
        return jdbc.sql("SELECT * FROM client WHERE id = ?").param(id).query(this::map).optional();
    }

    public Optional<Client> byName(String name) {
        return jdbc.sql("SELECT * FROM client WHERE name_key = ?").param(Client.key(name)).query(this::map).optional();
    }

    public Optional<Client> byDomain(String domain) {
        return jdbc.sql("SELECT * FROM client WHERE email_domain = ?").param(domain.toLowerCase()).query(this::map).optional();
    }

    /** Finds by exact name, domain, or a unique name prefix ("brennwald" finds "Brennwald + Heilig AG"). */
    public Optional<Client> find(String nameOrDomain) {
        Optional<Client> exact = byName(nameOrDomain).or(() -> byDomain(nameOrDomain.strip()));
        if (exact.isPresent()) {
            return exact;
        }
        List<Client> prefixed = jdbc.sql("SELECT * FROM client WHERE name_key LIKE ?")
                .param(Client.key(nameOrDomain) + "%").query(this::map).list();
        return prefixed.size() == 1 ? Optional.of(prefixed.get(0)) : Optional.empty();
    }

    /** Inserts or replaces the entry with the same name. */
    public void save(Client c) {
        int updated = jdbc.sql("""
                UPDATE client SET name = ?, ninja_org_id = ?, ninja_org_name = ?, email_domain = ?, tenant_id = ?,
                    switch_keys = ?, fallback = ?, group_name = ?, group_id = ?, app_name = ?, app_object_id = ?, app_id = ?,
                    service_principal_id = ?, job_id = ?, scim_url = ?, scim_token_name = ?, scim_token_version = ?,
                    scim_token_issued_at = ?, scim_token_expires_at = ?, conversation_id = ?, onboarded_by = ?,
                    onboarded_at = ?, last_run_id = ?, updated_at = ?, token_rotated_by = ?, token_rotated_at = ?
                 WHERE name_key = ?""")
                .params(c.name(), c.ninjaOrgId(), c.ninjaOrgName(), c.emailDomain().toLowerCase(), c.tenantId(),
                        json(c.switchKeys()), c.fallback(), c.groupName(), c.groupId(), c.appName(), c.appObjectId(), c.appId(),
                        c.servicePrincipalId(), c.jobId(), c.scimUrl(), c.scimTokenName(), c.scimTokenVersion(),
                        ts(c.scimTokenIssuedAt()), ts(c.scimTokenExpiresAt()), c.conversationId(), c.onboardedBy(),
                        ts(c.onboardedAt()), c.lastRunId(), ts(c.updatedAt()), c.tokenRotatedBy(), ts(c.tokenRotatedAt()),
                        Client.key(c.name()))
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO client (id, name, name_key, ninja_org_id, ninja_org_name, email_domain, tenant_id, switch_keys,
                        fallback, group_name, group_id, app_name, app_object_id, app_id, service_principal_id, job_id, scim_url,
                        scim_token_name, scim_token_version, scim_token_issued_at, scim_token_expires_at, conversation_id,
                        onboarded_by, onboarded_at, last_run_id, updated_at, token_rotated_by, token_rotated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(c.id(), c.name(), Client.key(c.name()), c.ninjaOrgId(), c.ninjaOrgName(), c.emailDomain().toLowerCase(),
                            c.tenantId(), json(c.switchKeys()), c.fallback(), c.groupName(), c.groupId(), c.appName(),
                            c.appObjectId(), c.appId(), c.servicePrincipalId(), c.jobId(), c.scimUrl(), c.scimTokenName(),
                            c.scimTokenVersion(), ts(c.scimTokenIssuedAt()), ts(c.scimTokenExpiresAt()), c.conversationId(),
                            c.onboardedBy(), ts(c.onboardedAt()), c.lastRunId(), ts(c.updatedAt()), c.tokenRotatedBy(),
                            ts(c.tokenRotatedAt()))
                    .update();
        }
    }

    /** Records the SAML token-signing certificate of the client's app (SSO set up or found by onboarding). */
    public void saveSamlCertificate(String clientId, SamlCertificate certificate) {
        jdbc.sql("UPDATE client SET saml_cert_thumbprint = ?, saml_cert_expires_at = ? WHERE id = ?")
                .params(certificate.thumbprint(), ts(certificate.expiresAt()), clientId).update();
    }

    public java.util.Optional<SamlCertificate> samlCertificate(String clientId) {
        return jdbc.sql("SELECT saml_cert_thumbprint, saml_cert_expires_at FROM client WHERE id = ? AND saml_cert_thumbprint IS NOT NULL")
                .param(clientId).query((rs, i) -> new SamlCertificate(rs.getString(1), instant(rs, "saml_cert_expires_at")))
                .optional().filter(c -> c.expiresAt() != null);
    }

    /** Every recorded SAML signing certificate by client id (one query, for the expiry list and calendar). */
    public java.util.Map<String, SamlCertificate> samlCertificates() {
        java.util.Map<String, SamlCertificate> out = new java.util.HashMap<>();
        jdbc.sql("SELECT id, saml_cert_thumbprint, saml_cert_expires_at FROM client WHERE saml_cert_thumbprint IS NOT NULL "
                + "AND saml_cert_expires_at IS NOT NULL").query((rs, i) -> out.put(rs.getString(1),
                        new SamlCertificate(rs.getString(2), instant(rs, "saml_cert_expires_at")))).list();
        return out;
    }

    public boolean delete(String id) {
        return jdbc.sql("DELETE FROM client WHERE id = ?").param(id).update() == 1;
    }

    private Client map(ResultSet rs, int row) throws SQLException {
        return new Client(rs.getString("id"), rs.getString("name"), rs.getLong("ninja_org_id"), rs.getString("ninja_org_name"),
                rs.getString("email_domain"), rs.getString("tenant_id"), list(rs.getString("switch_keys")), rs.getString("fallback"),
                rs.getString("group_name"), rs.getString("group_id"), rs.getString("app_name"), rs.getString("app_object_id"),
                rs.getString("app_id"), rs.getString("service_principal_id"), rs.getString("job_id"), rs.getString("scim_url"),
                rs.getString("scim_token_name"), rs.getString("scim_token_version"), instant(rs, "scim_token_issued_at"),
                instant(rs, "scim_token_expires_at"), rs.getString("conversation_id"), rs.getString("onboarded_by"),
                instant(rs, "onboarded_at"), rs.getString("last_run_id"), instant(rs, "updated_at"),
                rs.getString("token_rotated_by"), instant(rs, "token_rotated_at"));
    }

    private static String json(List<String> values) {
        try {
            return JSON.writeValueAsString(values == null ? List.of() : values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> list(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<String>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}
