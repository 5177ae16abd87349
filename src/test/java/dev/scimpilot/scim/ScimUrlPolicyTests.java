package dev.scimpilot.scim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScimUrlPolicyTests {

    private final ScimUrlPolicy production = new ScimUrlPolicy(new ScimProperties(List.of("eu.ninjarmm.com", "app.ninjarmm.com"), false, null));
    private final ScimUrlPolicy local = new ScimUrlPolicy(new ScimProperties(List.of("eu.ninjarmm.com", "127.0.0.1"), true, null));

    @ParameterizedTest
    @ValueSource(strings = {"https://eu.ninjarmm.com/scim/v2/abc", "https://APP.ninjarmm.com/ws/scim/v2/1234/"})
    void acceptsHttpsOnNinjaOneHosts(String url) {
        assertThat(production.check(url)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "http://eu.ninjarmm.com/scim|must start with https",
            "https://evil.example/scim|is not a NinjaOne SCIM host",
            "https://eu.ninjarmm.com.evil.example/scim|is not a NinjaOne SCIM host",
            "https://169.254.169.254/metadata|not an IP address or localhost",
            "https://10.0.0.5/scim|not an IP address or localhost",
            "https://localhost/scim|not an IP address or localhost",
            "http://127.0.0.1:8080/scim|must start with https",
            "https://[::1]/scim|not an IP address or localhost",
            "https://user:pw@eu.ninjarmm.com/scim|must not contain a user name",
            "not a url at all|not a valid URL",
            "ftp://eu.ninjarmm.com/scim|must start with https"})
    void refusesEverythingElseWithAReason(String url, String reason) {
        assertThat(production.check(url)).get().asString().contains(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:3979/scim/idp-1/v2"})
    void localModeMayUseTheSandboxOnLoopback(String url) {
        assertThat(local.check(url)).isEmpty();
        assertThat(production.check(url)).isPresent();
    }

    /** The same rules for the identity provider's Entity ID and Reply URL (SSO set-up), named in the message. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "http://eu.ninjarmm.com/saml|The Entity ID must start with https://",
            "https://evil.example/saml|`evil.example` is not a NinjaOne host",
            "https://10.0.0.5/saml|The Entity ID must be a NinjaOne host name",
            "|The Entity ID is missing"})
    void otherNinjaOneUrlsAreCheckedTheSameWayAndNamedInTheMessage(String url, String reason) {
        assertThat(production.check(url, "The Entity ID")).get().asString().contains(reason);
        assertThat(production.check("https://eu.ninjarmm.com/saml/abc", "The Entity ID")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://127.0.0.1/scim", "file://127.0.0.1/etc/passwd"})
    void loopbackInLocalModeIsHttpOrHttpsOnly(String url) {
        assertThat(local.check(url)).get().asString().contains("must start with https");
    }
}
