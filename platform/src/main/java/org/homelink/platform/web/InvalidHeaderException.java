package org.homelink.platform.web;

/** A request header that is present but malformed: answered with 400, naming the header. */
public class InvalidHeaderException extends RuntimeException {

    private final String header;

    public InvalidHeaderException(String header, String problem) {
        super(header + " " + problem);
        this.header = header;
    }

    public String header() {
        return header;
    }
}
