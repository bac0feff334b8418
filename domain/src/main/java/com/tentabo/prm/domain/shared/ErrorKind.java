package com.tentabo.prm.domain.shared;

/** The family of an error: how a client should react to it. Adapters map it to their protocol (HTTP status). */
public enum ErrorKind {
    /** The request itself is malformed or a value is out of its syntactic range. */
    BAD_REQUEST,
    /** No (valid) credentials. */
    UNAUTHENTICATED,
    /** Authenticated, but the role or key does not allow the action. */
    FORBIDDEN,
    /** The record does not exist or is outside the caller's scope (never distinguished). */
    NOT_FOUND,
    METHOD_NOT_ALLOWED,
    NOT_ACCEPTABLE,
    UNSUPPORTED_MEDIA_TYPE,
    /** The request conflicts with the current state (duplicate, in use, concurrent change). */
    CONFLICT,
    /** An {@code If-Match} precondition did not hold. */
    PRECONDITION_FAILED,
    /** Well-formed, but a business rule refuses it. */
    UNPROCESSABLE,
    TOO_MANY_REQUESTS,
    /** The request body is too large. */
    PAYLOAD_TOO_LARGE,
    /** A dependency (database, provider) is unavailable. */
    UNAVAILABLE,
    /** A defect: never caused by the request. */
    INTERNAL
}
