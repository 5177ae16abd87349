package dev.scimpilot.entra;

/**
 * A hook on every Graph HTTP request to one tenant (each attempt, inside the SDK's retry handler, so a
 * Retry-After wait holds no slot). The health check uses it to bound concurrent requests globally and per
 * tenant; without a gate bean Graph calls are not limited here.
 */
public interface TenantRequestGate {

    /** The OkHttp interceptor for requests to {@code tenantId}. */
    okhttp3.Interceptor forTenant(String tenantId);
}
