package dev.scimpilot.cards;

/**
 * An expression that failed to evaluate, as Adaptive Expressions reports an {@code error} rather than throwing.
 * The official engine then writes the expression back as text or treats a condition as false; this carries no
 * stack trace because it is control flow, not a bug.
 */
final class EvalError extends RuntimeException {

    EvalError(String message) {
        super(message, null, false, false);
    }
}
