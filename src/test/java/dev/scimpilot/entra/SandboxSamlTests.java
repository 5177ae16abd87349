package dev.scimpilot.entra;

import static dev.scimpilot.sandbox.DemoData.BERGBLICK_DOMAIN;
import static dev.scimpilot.sandbox.DemoData.BERGBLICK_TENANT_ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.graph.applicationtemplates.item.instantiate.InstantiatePostRequestBody;
import com.microsoft.graph.models.Application;
import com.microsoft.graph.models.ApplicationServicePrincipal;
import com.microsoft.graph.models.SelfSignedCertificate;
import com.microsoft.graph.models.ServicePrincipal;
import com.microsoft.graph.models.WebApplication;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.serviceprincipals.item.addtokensigningcertificate.AddTokenSigningCertificatePostRequestBody;
import dev.scimpilot.sandbox.Sandbox;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sandbox's SAML SSO calls through the real Graph SDK: what real Graph accepts, and what it refuses. */
class SandboxSamlTests {

    private Sandbox sb;
    private GraphServiceClient g;
    private String spId;
    private String appObjectId;

    @BeforeEach
    void start() {
        sb = Sandbox.start(0);
        g = SandboxTestSupport.graphClients(sb).forTenant(BERGBLICK_TENANT_ID);
        InstantiatePostRequestBody body = new InstantiatePostRequestBody();
        body.setDisplayName("NinjaOne");
        ApplicationServicePrincipal created = g.applicationTemplates().byApplicationTemplateId("8adf8e6e-67b2-4cf2-a259-e3dc5476c621")
                .instantiate().post(body);
        spId = created.getServicePrincipal().getId();
        appObjectId = created.getApplication().getId();
    }

    @AfterEach
    void stop() {
        sb.close();
    }

    @Test
    void samlConfigurationIsAcceptedInTheDocumentedOrderAndReadsBack() {
        ServicePrincipal mode = new ServicePrincipal();
        mode.setPreferredSingleSignOnMode("saml");
        g.servicePrincipals().byServicePrincipalId(spId).patch(mode);
        g.applications().byApplicationId(appObjectId).patch(app("https://eu.ninjarmm.com/saml/x", "https://eu.ninjarmm.com/saml/x/acs"));

        AddTokenSigningCertificatePostRequestBody cert = new AddTokenSigningCertificatePostRequestBody();
        cert.setDisplayName("CN=NinjaOne SAML " + BERGBLICK_DOMAIN);
        SelfSignedCertificate signed = g.servicePrincipals().byServicePrincipalId(spId).addTokenSigningCertificate().post(cert);
        assertThat(signed.getThumbprint()).matches("[0-9A-F]{40}");
        assertThat(Duration.between(OffsetDateTime.now(), signed.getEndDateTime()).toDays()).isBetween(3 * 365L - 1, 3 * 366L);
        ServicePrincipal preferred = new ServicePrincipal();
        preferred.setPreferredTokenSigningKeyThumbprint(signed.getThumbprint());
        g.servicePrincipals().byServicePrincipalId(spId).patch(preferred);

        ServicePrincipal sp = g.servicePrincipals().byServicePrincipalId(spId).get();
        assertThat(sp.getPreferredSingleSignOnMode()).isEqualTo("saml");
        assertThat(sp.getPreferredTokenSigningKeyThumbprint()).isEqualTo(signed.getThumbprint());
        assertThat(sp.getKeyCredentials()).extracting(k -> k.getUsage()).containsExactlyInAnyOrder("Sign", "Verify");
        Application app = g.applications().byApplicationId(appObjectId).get();
        assertThat(app.getIdentifierUris()).containsExactly("https://eu.ninjarmm.com/saml/x");
        assertThat(app.getWeb().getRedirectUris()).containsExactly("https://eu.ninjarmm.com/saml/x/acs");
    }

    @Test
    void malformedSamlBodiesAreRefusedAsGraphRefusesThem() {
        // a foreign Entity ID before the app is a SAML app: only verified domains
        assertThat(error(() -> g.applications().byApplicationId(appObjectId).patch(app("https://eu.ninjarmm.com/saml/x", null))))
                .contains("verified domain");
        ServicePrincipal mode = new ServicePrincipal();
        mode.setPreferredSingleSignOnMode("saml");
        g.servicePrincipals().byServicePrincipalId(spId).patch(mode);
        assertThat(error(() -> g.applications().byApplicationId(appObjectId).patch(app("not a uri", null))))
                .contains("identifierUris");
        assertThat(error(() -> g.applications().byApplicationId(appObjectId).patch(app("https://eu.ninjarmm.com/x",
                "http://eu.ninjarmm.com/acs")))).contains("web.redirectUris");
        ServicePrincipal badMode = new ServicePrincipal();
        badMode.setPreferredSingleSignOnMode("SAML2");
        assertThat(error(() -> g.servicePrincipals().byServicePrincipalId(spId).patch(badMode))).contains("preferredSingleSignOnMode");
        AddTokenSigningCertificatePostRequestBody noCn = new AddTokenSigningCertificatePostRequestBody();
        noCn.setDisplayName("NinjaOne");
        assertThat(error(() -> g.servicePrincipals().byServicePrincipalId(spId).addTokenSigningCertificate().post(noCn)))
                .contains("CN=");
        AddTokenSigningCertificatePostRequestBody tooLong = new AddTokenSigningCertificatePostRequestBody();
        tooLong.setDisplayName("CN=NinjaOne");
        tooLong.setEndDateTime(OffsetDateTime.now().plusYears(3).plusDays(2));
        assertThat(error(() -> g.servicePrincipals().byServicePrincipalId(spId).addTokenSigningCertificate().post(tooLong)))
                .contains("three years");
        ServicePrincipal unknownKey = new ServicePrincipal();
        unknownKey.setPreferredTokenSigningKeyThumbprint("0123456789ABCDEF0123456789ABCDEF01234567");
        assertThat(error(() -> g.servicePrincipals().byServicePrincipalId(spId).patch(unknownKey))).contains("signing key");
    }

    private static Application app(String identifier, String reply) {
        Application app = new Application();
        app.setIdentifierUris(List.of(identifier));
        if (reply != null) {
            WebApplication web = new WebApplication();
            web.setRedirectUris(List.of(reply));
            app.setWeb(web);
        }
        return app;
    }

    private static String error(Runnable call) {
        try {
            call.run();
        } catch (ODataError e) {
            assertThat(e.getResponseStatusCode()).isEqualTo(400);
            return e.getError().getMessage();
        }
        throw new AssertionError("Graph accepted it");
    }
}
