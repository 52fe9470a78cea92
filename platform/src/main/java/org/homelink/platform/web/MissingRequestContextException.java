package org.homelink.platform.web;

/** The request does not say, or does not soundly say, whom it acts for: answered with 401. */
public class MissingRequestContextException extends RuntimeException {

    private final String header;

    public MissingRequestContextException(String header, String problem) {
        super(header + " " + problem);
        this.header = header;
    }

    public String header() {
        return header;
    }
}
