package dev.scimpilot.cards;

import java.util.List;

/**
 * Data of {@code cards/human-step.json}: a run paused at a step a person does outside SCIM Pilot (NinjaOne has no
 * API for its side). Exact instructions, the page to open, each value to copy on its own in monospace, and the
 * inputs to paste back; a secret input is a password field, never prefilled. {@code status} is {@code waiting}
 * (inputs and the button), {@code done} (who answered and when; the inputs have left the chat) or
 * {@code cancelled}. Emits {@code run.answer} with {@code runId}, {@code planVersion} and {@code step} only; the
 * inputs are {@code in1}..{@code in3} and {@code secret}.
 */
public record HumanStepCard(
        String runId,
        int planVersion,
        int step,
        String title,
        String clientName,
        String requestedBy,
        String status,
        String problem,
        String doneBy,
        List<Line> instructions,
        String linkLabel,
        String linkUrl,
        List<Copy> copy,
        List<TextInput> textInputs,
        List<SecretInput> secretInputs,
        String submitLabel) {

    /** One instruction, numbered. */
    public record Line(int number, String text) {}

    /** A value to copy into NinjaOne. */
    public record Copy(String label, String value) {}

    /** A text input ({@code slot} = in1..in3), prefilled with what was typed when the answer came back refused. */
    public record TextInput(String slot, String label, String placeholder, String value, String regex, String errorMessage) {}

    /** The secret input (id {@code secret}): a password field. */
    public record SecretInput(String label, String placeholder) {}
}
