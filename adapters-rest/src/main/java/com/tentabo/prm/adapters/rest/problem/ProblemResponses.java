package com.tentabo.prm.adapters.rest.problem;

import com.tentabo.prm.domain.shared.ErrorCode;
import com.tentabo.prm.domain.shared.ErrorKind;
import com.tentabo.prm.domain.shared.FieldViolation;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;

/** Builds problem+json responses. */
public final class ProblemResponses {

    private ProblemResponses() {}

    public static int status(ErrorKind kind) {
        return switch (kind) {
            case BAD_REQUEST -> 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case METHOD_NOT_ALLOWED -> 405;
            case NOT_ACCEPTABLE -> 406;
            case CONFLICT -> 409;
            case PRECONDITION_FAILED -> 412;
            case UNSUPPORTED_MEDIA_TYPE -> 415;
            case UNPROCESSABLE -> 422;
            case TOO_MANY_REQUESTS -> 429;
            case PAYLOAD_TOO_LARGE -> 413;
            case UNAVAILABLE -> 503;
            case INTERNAL -> 500;
        };
    }

    public static Response of(ErrorCode code, String detail, List<FieldViolation> violations) {
        return of(
                status(code.kind()),
                "urn:tentabo:problem:" + code.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                title(code),
                detail,
                code.name(),
                violations);
    }

    public static Response of(
            int status, String type, String title, String detail, String code, List<FieldViolation> violations) {
        List<Problem.Violation> errors = violations.isEmpty()
                ? null
                : violations.stream()
                        .map(v -> new Problem.Violation(v.field(), v.message()))
                        .toList();
        Response.ResponseBuilder builder = Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(type, title, status, detail, code, errors));
        if (status == 401) {
            builder.header("WWW-Authenticate", "Bearer");
        }
        return builder.build();
    }

    public static String title(ErrorCode code) {
        String words = code.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
