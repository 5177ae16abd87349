package dev.scimpilot.runs;

import com.microsoft.graph.models.odataerrors.ODataError;
import dev.scimpilot.logging.Redactor;

/** Turns an exception from a step into one line a technician can act on (never a secret). */
public final class Failures {

    private Failures() {}

    public static String describe(Throwable e) {
        Throwable t = e;
        while ((t instanceof java.util.concurrent.CompletionException || t instanceof java.util.concurrent.ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof ODataError odata) {
            String code = odata.getError() == null ? null : odata.getError().getCode();
            String message = odata.getError() == null ? odata.getMessage() : odata.getError().getMessage();
            String requestId = odata.getError() != null && odata.getError().getInnerError() != null
                    ? odata.getError().getInnerError().getRequestId() : null;
            return Redactor.redact("Graph " + odata.getResponseStatusCode() + (code == null ? "" : " " + code) + ": " + message
                    + (requestId == null ? "" : " (request-id " + requestId + ")"));
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return Redactor.redact(message);
    }
}
