package dev.scimpilot.ninjaone;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** The NinjaOne public API v2 over java.net.http, with cached OAuth client-credentials tokens and timeouts. */
@Component
public class NinjaOneRestClient implements NinjaOne {

    static final int DEFAULT_PAGE_SIZE = 200;
    private final int pageSize;

    private final NinjaOneProperties props;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final NinjaOneTokens tokens;

    @Autowired
    public NinjaOneRestClient(NinjaOneProperties props) {
        this(props, DEFAULT_PAGE_SIZE);
    }

    NinjaOneRestClient(NinjaOneProperties props, int pageSize) {
        this.props = props;
        this.pageSize = pageSize;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.tokens = new NinjaOneTokens(props, http, json);
    }

    @Override
    public List<NinjaOrganization> organizations() {
        // keyset paging as the spec defines it: pageSize + "after" = last id of the previous page
        List<NinjaOrganization> all = new ArrayList<>();
        List<NinjaOrganization> page;
        String after = "";
        do {
            page = this.<List<NinjaOrganization>>get("/v2/organizations?pageSize=" + pageSize + after,
                    listOf(NinjaOrganization.class)).orElse(List.of());
            all.addAll(page);
            after = page.isEmpty() ? "" : "&after=" + page.get(page.size() - 1).id();
        } while (page.size() == pageSize);
        return all;
    }

    @Override
    public Optional<NinjaOrganization> organization(long organizationId) {
        return get("/v2/organization/" + organizationId, json.constructType(NinjaOrganization.class));
    }

    @Override
    public List<NinjaEndUser> endUsers(long organizationId) {
        return this.<List<NinjaEndUser>>get("/v2/organization/" + organizationId + "/end-users", listOf(NinjaEndUser.class))
                .orElseThrow(() -> new NinjaOneException(404, "NinjaOne organization " + organizationId + " does not exist"));
    }

    @Override
    public List<NinjaEndUser> globalEndUsers() {
        List<NinjaEndUser> all = this.<List<NinjaEndUser>>get("/v2/user/end-users", listOf(NinjaEndUser.class))
                .orElse(List.of());
        return all.stream().filter(NinjaEndUser::isGlobal).toList();
    }

    private JavaType listOf(Class<?> type) {
        return json.getTypeFactory().constructCollectionType(List.class, type);
    }

    /** GET with the cached token; one retry with a fresh token on 401; 404 is empty. */
    private <T> Optional<T> get(String path, JavaType type) {
        HttpResponse<String> response = send(path);
        if (response.statusCode() == 401) {
            tokens.invalidate();
            response = send(path);
        }
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new NinjaOneException(response.statusCode(), "NinjaOne GET " + path + " failed: HTTP " + response.statusCode());
        }
        try {
            return Optional.of(json.readValue(response.body(), type));
        } catch (IOException e) {
            throw new NinjaOneException("NinjaOne GET " + path + " returned an unreadable body: " + e.getMessage(), e);
        }
    }

    private HttpResponse<String> send(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(props.baseUrl() + path)).timeout(props.timeout())
                .header("Authorization", "Bearer " + tokens.accessToken()).header("Accept", "application/json")
                .GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new NinjaOneException("NinjaOne GET " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NinjaOneException("Interrupted during NinjaOne GET " + path, e);
        }
    }
}
