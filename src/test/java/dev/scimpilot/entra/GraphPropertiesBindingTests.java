package dev.scimpilot.entra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Binding scimpilot.graph.* the way Spring does at startup: a refused combination fails the binding. */
class GraphPropertiesBindingTests {

    private static GraphProperties bind(Map<String, String> props) {
        return new Binder(new MapConfigurationPropertySource(props)).bind("scimpilot.graph", GraphProperties.class).get();
    }

    @Test
    void startupIsRefusedForLocalAuthAgainstMicrosoftGraph() {
        assertThatThrownBy(() -> bind(Map.of("scimpilot.graph.base-url", "https://graph.microsoft.com/v1.0",
                "scimpilot.graph.auth", "local"))).isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("auth=local");
    }

    @Test
    void kebabCaseAuthValuesAndDurationsBind() {
        GraphProperties p = bind(Map.of("scimpilot.graph.base-url", "http://127.0.0.1:5077/graph/v1.0",
                "scimpilot.graph.auth", "client-secret", "scimpilot.graph.timeout", "15s"));
        assertThat(p.auth()).isEqualTo(GraphAuth.CLIENT_SECRET);
        assertThat(p.timeout()).hasSeconds(15);
        assertThat(bind(Map.of("scimpilot.graph.base-url", "http://127.0.0.1:5077/graph/v1.0",
                "scimpilot.graph.auth", "local")).auth()).isEqualTo(GraphAuth.LOCAL);
    }
}
