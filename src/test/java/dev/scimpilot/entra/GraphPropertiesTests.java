package dev.scimpilot.entra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The startup guard on scimpilot.graph.*: local tokens never go to Microsoft Graph; http only on loopback. */
class GraphPropertiesTests {

    private static GraphProperties props(String url, GraphAuth auth) {
        return new GraphProperties(url, auth, "id", "secret-value", null, null, null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://graph.microsoft.com/v1.0", "https://GRAPH.microsoft.com/beta",
            "https://graph.microsoft.us/v1.0", "https://dod-graph.microsoft.us/v1.0",
            "https://microsoftgraph.chinacloudapi.cn/v1.0", "https://canary.graph.microsoft.com/v1.0"})
    void localAuthIsRefusedForMicrosoftGraphHosts(String url) {
        assertThatThrownBy(() -> props(url, GraphAuth.LOCAL)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("auth=local");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:5077/graph/v1.0", "http://localhost:8080/v1.0", "https://graph-emulator.test/v1.0"})
    void localAuthWorksWithEmulatorsOnLoopbackOrHttps(String url) {
        assertThat(props(url, GraphAuth.LOCAL).scope()).isEqualTo("https://graph.microsoft.com/.default");
    }

    @Test
    void plainHttpIsRefusedForNonLoopbackHosts() {
        assertThatThrownBy(() -> props("http://graph-emulator.test/v1.0", GraphAuth.LOCAL))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http only");
    }

    @Test
    void realGraphWithClientSecretIsTheDefaultAndTheSecretIsNeverPrinted() {
        GraphProperties p = new GraphProperties(null, null, "id", "secret-value", null, "pfx-pass", null);
        assertThat(p.baseUrl()).isEqualTo("https://graph.microsoft.com/v1.0");
        assertThat(p.auth()).isEqualTo(GraphAuth.CLIENT_SECRET);
        assertThat(p.timeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(p.host()).isEqualTo("graph.microsoft.com");
        assertThat(p.toString()).doesNotContain("secret-value").doesNotContain("pfx-pass");
    }

    @Test
    void sovereignCloudsGetTheirOwnScope() {
        assertThat(props("https://graph.microsoft.us/v1.0", GraphAuth.CLIENT_SECRET).scope())
                .isEqualTo("https://graph.microsoft.us/.default");
    }
}
