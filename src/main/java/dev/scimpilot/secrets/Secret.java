package dev.scimpilot.secrets;

import dev.scimpilot.logging.Redactor;
import java.util.Objects;

/**
 * A secret value (SCIM bearer token, client secret). Its {@code toString} never shows the value, and
 * creating one registers the value with the log redactor, so it cannot leak through a log line or an
 * exception message by accident. Read it with {@link #reveal()} only where it is sent.
 */
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /** Also how card data binds a password input to a Secret, so the value never sits in a plain String field. */
    @com.fasterxml.jackson.annotation.JsonCreator(mode = com.fasterxml.jackson.annotation.JsonCreator.Mode.DELEGATING)
    public static Secret of(String value) {
        Objects.requireNonNull(value, "secret value");
        Redactor.register(value);
        return new Secret(value);
    }

    public String reveal() {
        return value;
    }

    public boolean isBlank() {
        return value.isBlank();
    }

    @Override
    public String toString() {
        return "Secret[****]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
