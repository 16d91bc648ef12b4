package com.draftorders.messaging.tools;

/**
 * What an operator tool cannot do as asked (an unknown topic, id or offset; a dead-letter command on a topic that
 * is not a dead-letter topic). The tool prints the message and exits with {@value #EXIT_CODE}.
 */
public final class ToolException extends RuntimeException {

    /** The exit code of a tool that could not do what it was asked. */
    public static final int EXIT_CODE = 1;

    public ToolException(String message) {
        super(message);
    }
}
