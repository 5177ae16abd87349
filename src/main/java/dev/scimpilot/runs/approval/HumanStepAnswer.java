package dev.scimpilot.runs.approval;

import dev.scimpilot.secrets.Secret;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * Card data of {@code run.answer}: which run, plan version and step the card showed, and the inputs (text inputs
 * by position {@code in1}..{@code in3}, the secret one bound straight into a {@link Secret}). The step decides on
 * the server what they must be.
 */
record HumanStepAnswer(@NotBlank String runId, @Positive int planVersion, @Positive int step,
        @Size(max = 2000) String in1, @Size(max = 2000) String in2, @Size(max = 2000) String in3, Secret secret) {

    java.util.List<String> texts() {
        return java.util.Arrays.asList(in1, in2, in3);
    }

    @Override
    public String toString() {
        return "HumanStepAnswer[runId=" + runId + ", step=" + step + ", secret=****]";
    }
}
