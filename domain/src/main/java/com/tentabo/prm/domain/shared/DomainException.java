package com.tentabo.prm.domain.shared;

import java.util.List;
import java.util.Objects;

/**
 * A rule violation: unchecked, carrying a stable {@link ErrorCode}, a human-readable detail and, when the
 * request named the faulty values, the list of field violations. One exception mapper in the REST adapter
 * turns it into an {@code application/problem+json} answer.
 */
public class DomainException extends RuntimeException {
    private final ErrorCode code;
    private final List<FieldViolation> violations;

    public DomainException(ErrorCode code, String detail) {
        this(code, detail, List.of());
    }

    public DomainException(ErrorCode code, String detail, List<FieldViolation> violations) {
        super(detail);
        this.code = Objects.requireNonNull(code, "code");
        this.violations = List.copyOf(violations);
    }

    public static DomainException notFound(ErrorCode code, String what, Object id) {
        return new DomainException(code, what + " " + id + " was not found");
    }

    public static DomainException invalid(String field, String message) {
        return new DomainException(
                ErrorCode.VALIDATION_FAILED, field + ": " + message, List.of(new FieldViolation(field, message)));
    }

    public ErrorCode code() {
        return code;
    }

    public String detail() {
        return getMessage();
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
