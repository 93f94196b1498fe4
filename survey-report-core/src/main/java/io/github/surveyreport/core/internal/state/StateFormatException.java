package io.github.surveyreport.core.internal.state;

/** Bytes that are not an accumulator state this engine can read; the message says where they stop making sense. */
public final class StateFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StateFormatException(String message) {
        super(message);
    }
}
