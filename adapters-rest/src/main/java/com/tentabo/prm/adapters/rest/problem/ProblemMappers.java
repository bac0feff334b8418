package com.tentabo.prm.adapters.rest.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.tentabo.prm.adapters.rest.shared.JsonLimits;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import com.tentabo.prm.domain.shared.FieldViolation;
import com.tentabo.prm.domain.shared.RetryLaterException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where errors become HTTP answers: every error is an {@code application/problem+json} document
 * with a stable {@code code}. Unexpected errors answer 500 without stack trace or class name (both are logged).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response domain(DomainException e) {
        Response response = ProblemResponses.of(e.code(), e.detail(), e.violations());
        if (e instanceof RetryLaterException retry) {
            response.getHeaders().putSingle("Retry-After", String.valueOf(retry.retryAfterSeconds()));
        }
        return response;
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        ErrorCode code = switch (status) {
            case 400 -> ErrorCode.MALFORMED_REQUEST;
            case 401 -> ErrorCode.UNAUTHENTICATED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.ROUTE_NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 406 -> ErrorCode.NOT_ACCEPTABLE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            default -> null;
        };
        if (code == null) {
            if (status >= 500) {
                LOG.error("Request failed", e);
                return ProblemResponses.of(ErrorCode.INTERNAL_ERROR, "An unexpected error occurred", List.of());
            }
            return ProblemResponses.of(
                    status, "about:blank", "Request failed", "The request failed", "HTTP_" + status, List.of());
        }
        String detail = switch (code) {
            case ROUTE_NOT_FOUND -> "No resource at this address";
            case METHOD_NOT_ALLOWED -> "This method is not allowed on this resource";
            case UNSUPPORTED_MEDIA_TYPE -> "Send the body as application/json";
            case NOT_ACCEPTABLE -> "This resource answers application/json";
            case UNAUTHENTICATED -> "Authentication is required";
            default -> "The request is malformed";
        };
        return ProblemResponses.of(code, detail, List.of());
    }

    // Quarkus registers its own mappers for some Jackson subtypes; the most specific type wins, so each is named here.
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response unknownProperty(UnrecognizedPropertyException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response parse(JsonParseException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response instantiation(ValueInstantiationException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response mapping(JsonMappingException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return ProblemResponses.of(
                    ErrorCode.MALFORMED_REQUEST,
                    "Unknown field '" + unknown.getPropertyName() + "'",
                    List.of(new FieldViolation(path(unknown), "unknown field")));
        }
        if (e instanceof InvalidFormatException format) {
            String field = path(format);
            String expected = format.getTargetType() == null ? "value" : describe(format.getTargetType());
            return ProblemResponses.of(
                    ErrorCode.MALFORMED_REQUEST,
                    "Field '" + field + "' must be " + expected,
                    List.of(new FieldViolation(field, "must be " + expected)));
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            return ProblemResponses.of(
                    ErrorCode.MALFORMED_REQUEST,
                    "Field '" + field + "' has a value of the wrong type",
                    List.of(new FieldViolation(field, "wrong type or out of range")));
        }
        String detail = e instanceof JsonParseException
                ? "The body is not valid JSON"
                : "The body cannot be read as the expected JSON";
        return ProblemResponses.of(ErrorCode.MALFORMED_REQUEST, detail, List.of());
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        List<FieldViolation> violations = e.getConstraintViolations().stream()
                .map(v -> new FieldViolation(field(v), v.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        return ProblemResponses.of(
                ErrorCode.VALIDATION_FAILED,
                violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; ")),
                violations);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        SQLException sql = sqlCause(e);
        if (sql != null && sql.getSQLState() != null) {
            Response mapped = database(sql);
            if (mapped != null) {
                LOG.debugf("Database refused a change: %s", sql.getMessage());
                return mapped;
            }
        }
        if (sql != null && isPoolExhausted(sql)) {
            LOG.warnf("No database connection became free in time: %s", sql.getMessage());
            Response busy = ProblemResponses.of(
                    ErrorCode.SERVICE_UNAVAILABLE,
                    "The service is busy: no database connection became free in time; retry shortly",
                    List.of());
            busy.getHeaders().putSingle("Retry-After", "1");
            return busy;
        }
        if (isOptimisticLock(e)) {
            return ProblemResponses.of(
                    ErrorCode.CONCURRENT_MODIFICATION,
                    "The record was changed by someone else meanwhile; read it again and retry",
                    List.of());
        }
        DomainException domain = domainCause(e);
        if (domain != null) {
            return domain(domain);
        }
        LOG.error("Unexpected error", e);
        return ProblemResponses.of(ErrorCode.INTERNAL_ERROR, "An unexpected error occurred", List.of());
    }

    private static Response database(SQLException e) {
        String state = e.getSQLState();
        return switch (state) {
            case "23505" ->
                ProblemResponses.of(ErrorCode.DUPLICATE_VALUE, "A record with this value already exists", List.of());
            case "23503" ->
                ProblemResponses.of(
                        ErrorCode.REFERENCED_RECORD_MISSING,
                        "The change refers to a record that does not exist, or removes one that others refer to",
                        List.of());
            case "23514", "23502" ->
                ProblemResponses.of(
                        ErrorCode.BUSINESS_RULE_VIOLATED, "A value breaks a rule of the data model", List.of());
            case "22021", "22P05" ->
                ProblemResponses.of(
                        ErrorCode.VALIDATION_FAILED,
                        "A text holds a character the database cannot store (such as NUL, \\u0000)",
                        List.of());
            case "40001", "40P01" ->
                ProblemResponses.of(
                        ErrorCode.CONCURRENT_MODIFICATION, "A concurrent change got in the way; retry", List.of());
            default ->
                state.startsWith("22") // data exceptions: a value too long, out of range or malformed
                        ? ProblemResponses.of(
                                ErrorCode.VALIDATION_FAILED,
                                "A value is too long, out of range or malformed",
                                List.of())
                        : state.startsWith("08") || state.startsWith("53") || state.startsWith("57")
                                ? ProblemResponses.of(
                                        ErrorCode.SERVICE_UNAVAILABLE,
                                        "The database is unavailable; retry later",
                                        List.of())
                                : null;
        };
    }

    /**
     * Agroal refuses a connection after its acquisition timeout with a plain {@code SQLException} without SQL state
     * ("Sorry, acquisition timeout!"): every connection of the pool stayed busy. That is load, not a defect: 503.
     */
    static boolean isPoolExhausted(SQLException e) {
        return e.getSQLState() == null
                && e.getMessage() != null
                && e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("acquisition timeout");
    }

    private static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    private static DomainException domainCause(Throwable e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DomainException domain) {
                return domain;
            }
        }
        return null;
    }

    private static boolean isOptimisticLock(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String name = t.getClass().getSimpleName();
            if (name.contains("OptimisticLock") || name.contains("StaleObjectState") || name.contains("StaleState")) {
                return true;
            }
        }
        return false;
    }

    private static String path(JsonMappingException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of "
                    + java.util.Arrays.stream(type.getEnumConstants())
                            .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT))
                            .collect(Collectors.joining(", "));
        }
        return switch (type.getSimpleName()) {
            case "UUID" -> "a UUID";
            case "BigDecimal" ->
                "a decimal number of at most " + JsonLimits.MAX_INTEGER_DIGITS + " digits before the point and "
                        + JsonLimits.MAX_FRACTION_DIGITS + " after";
            case "Integer", "int", "Long", "long" -> "a whole number in range";
            case "Boolean", "boolean" -> "true or false";
            case "Instant", "OffsetDateTime" -> "an ISO-8601 timestamp";
            case "LocalDate" -> "an ISO-8601 date";
            default -> "a valid " + type.getSimpleName();
        };
    }

    private static String field(ConstraintViolation<?> v) {
        String path = v.getPropertyPath().toString();
        // method parameter paths look like "create.request.name": keep what the client wrote
        String[] parts = path.split("\\.");
        String last = parts.length > 2
                ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length))
                : parts[parts.length - 1];
        return snake(last);
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
