package org.pscdesk.analysis;

/** The workspace or the options cannot give an RTM run (unknown layer, no events in the area, grid too fine). */
public final class RtmInputException extends Exception {
    public RtmInputException(String message) {
        super(message);
    }

    public RtmInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
