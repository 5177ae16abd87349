package dev.scimpilot.runs;

import java.util.List;

/**
 * The card of a human step: what to do ({@code instructions}, in order), where ({@code linkLabel} /
 * {@code linkUrl}, e.g. the NinjaOne page), the values to copy (each shown on its own, in monospace, so nothing
 * is retyped) and the inputs to collect. At most {@link #MAX_TEXT_INPUTS} text inputs and one secret input.
 */
public record HumanTask(List<String> instructions, String linkLabel, String linkUrl, List<Copy> copy, List<Input> inputs,
        String submitLabel) {

    public static final int MAX_TEXT_INPUTS = 3;

    public HumanTask {
        instructions = List.copyOf(instructions);
        copy = List.copyOf(copy);
        inputs = List.copyOf(inputs);
        linkLabel = linkLabel == null ? "" : linkLabel;
        linkUrl = linkUrl == null ? "" : linkUrl;
        submitLabel = submitLabel == null || submitLabel.isBlank() ? "Done, continue" : submitLabel;
        if (inputs.stream().filter(i -> !i.secret()).count() > MAX_TEXT_INPUTS || inputs.stream().filter(Input::secret).count() > 1) {
            throw new IllegalArgumentException("A human step collects at most " + MAX_TEXT_INPUTS + " text inputs and one secret");
        }
    }

    /** A value the person copies into the other system. */
    public record Copy(String label, String value) {}

    /**
     * One input. {@code id} names it in {@link HumanAnswer#values()}; {@code secret} inputs are password fields
     * whose value reaches the step as a {@link dev.scimpilot.secrets.Secret} only. {@code regex} is the card's
     * client-side hint; the step checks again on the server.
     */
    public record Input(String id, String label, String placeholder, boolean secret, boolean required, String regex,
            String errorMessage) {

        public static Input text(String id, String label, String placeholder, String regex, String errorMessage) {
            return new Input(id, label, placeholder, false, true, regex, errorMessage);
        }

        public static Input secret(String id, String label, String placeholder) {
            return new Input(id, label, placeholder, true, true, "", "Paste the whole value.");
        }
    }
}
