package dev.scimpilot.ninjaone;

/** A failed NinjaOne call: HTTP status (0 when unreachable) and a message without secrets. */
public class NinjaOneException extends RuntimeException {

    private final int status;

    public NinjaOneException(int status, String message) {
        super(message);
        this.status = status;
    }

    public NinjaOneException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
    }

    public int status() {
        return status;
    }
}
