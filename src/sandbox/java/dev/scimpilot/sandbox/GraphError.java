package dev.scimpilot.sandbox;

/** An error the emulated service answers with: HTTP status, service error code and message. */
final class GraphError extends RuntimeException {

    final int status;
    final String code;

    GraphError(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    static GraphError notFound(String what) {
        return new GraphError(404, "Request_ResourceNotFound",
                "Resource '" + what + "' does not exist or one of its queried reference-property objects are not present.");
    }

    static GraphError badRequest(String message) {
        return new GraphError(400, "Request_BadRequest", message);
    }
}
