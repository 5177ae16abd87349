package dev.scimpilot.runs;

import java.util.List;

/** An ordered list of steps for one kind of run, with its typed parameters. Reads like the runbook. */
public interface Runbook<P extends Record> {

    /** e.g. {@code onboard-client}. */
    String kind();

    Class<P> parametersType();

    String clientName(P parameters);

    List<RunStep<P>> steps();
}
