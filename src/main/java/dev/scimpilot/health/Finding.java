package dev.scimpilot.health;

/**
 * One named finding of a health check.
 *
 * @param status {@code pass}, {@code warn} or {@code fail}
 * @param cause  the runbook troubleshooting table's likely cause ("" when none applies)
 * @param action {@link #ROTATE}, {@link #REPAIR} or "" (no button)
 */
public record Finding(String name, String status, String detail, String cause, String action) {

    public static final String ROTATE = "rotate";
    public static final String REPAIR = "repair";

    static Finding pass(String name, String detail) {
        return new Finding(name, "pass", detail, "", "");
    }

    static Finding warn(String name, String detail, String cause, String action) {
        return new Finding(name, "warn", detail, cause, action);
    }

    static Finding fail(String name, String detail, String cause, String action) {
        return new Finding(name, "fail", detail, cause, action);
    }

    boolean failed() {
        return status.equals("fail");
    }
}
