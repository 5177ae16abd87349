package dev.scimpilot.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactorTests {

    @Test
    void masksBearerTokensAndJwts() {
        String jwt = "eyJhbGciOiJSUzI1NiJ9.eyJ0aWQiOiJ4In0.c2lnbmF0dXJl";
        assertThat(Redactor.redact("Authorization: Bearer abc.def-123")).isEqualTo("Authorization: Bearer [REDACTED]");
        assertThat(Redactor.redact("token was " + jwt + " ok")).isEqualTo("token was [REDACTED] ok");
    }

    @Test
    void masksValuesOfSecretNamedFields() {
        assertThat(Redactor.redact("{\"key\":\"SecretToken\",\"value\":\"x\"} client_secret=s3cr3tValue&x=1"))
                .contains("client_secret=[REDACTED]&x=1");
        assertThat(Redactor.redact("{\"password\":\"hunter22\"}")).isEqualTo("{\"password\":\"[REDACTED]\"}");
    }

    @Test
    void masksLongOpaqueStringsButKeepsIdsReadable() {
        String scimToken = "n1Nj4Onetok3nQWxYz0987654321abcdefGHIJ";
        String guid = "9aaf7827-d63c-4b61-89c3-182f06f82e5c";
        assertThat(Redactor.redact("token " + scimToken + " for " + guid)).isEqualTo("token [REDACTED] for " + guid);
        assertThat(Redactor.redact("scim.4c5a1b2e3d.7f9e8d7c-6b5a-4c3d-2e1f-0a9b8c7d6e5f")).doesNotContain(Redactor.MASK);
    }

    @Test
    void masksRegisteredSecretsEvenWhenTheyLookHarmless() {
        Redactor.register("short-but-secret");
        assertThat(Redactor.redact("the value short-but-secret leaked")).isEqualTo("the value [REDACTED] leaked");
    }
}
