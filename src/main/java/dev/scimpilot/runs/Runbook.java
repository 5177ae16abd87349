package dev.scimpilot.runs;

import java.util.List;

/** An ordered list of steps for one kind of run, with its typed parameters. Reads like the runbook. */
public interface Runbook<P extends Record> {

    /** e.g. {@code onboard-client}. */
    String kind();

    Class<P> parametersType();

    String clientName(P parameters);

    List<RunStep<P>> steps();

    /** What people call this kind of run ("Onboard client"). */
    default String title() {
        return kind();
    }

    /** The client tenant the run changes, for cards. */
    default String tenantId(P parameters) {
        return "";
    }

    /** One sentence for the result card of a successful run. */
    default String resultSummary(Run run, P parameters) {
        return "All steps are in place.";
    }

    /** Label → value pairs for the result card (what is now recorded for the client). */
    default java.util.Map<String, String> resultFacts(Run run, P parameters) {
        return java.util.Map.of();
    }
}
