package dev.scimpilot.entra;

/** A domain or email that cannot be mapped to an Entra tenant; the message is fit to show a technician. */
public class TenantResolutionException extends RuntimeException {

    public TenantResolutionException(String message) {
        super(message);
    }

    public TenantResolutionException(String message, Throwable cause) {
        super(message, cause);
    }
}
