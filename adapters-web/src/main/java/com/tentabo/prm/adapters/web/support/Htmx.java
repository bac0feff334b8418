package com.tentabo.prm.adapters.web.support;

/** The htmx headers the console reads and answers. */
public final class Htmx {

    /** Sent by htmx on each of its requests. */
    public static final String REQUEST = "HX-Request";
    /** Answered to make htmx load another page (a redirect an XHR cannot follow visibly). */
    public static final String REDIRECT = "HX-Redirect";

    private Htmx() {}
}
