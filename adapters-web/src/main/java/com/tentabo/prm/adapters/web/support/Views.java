package com.tentabo.prm.adapters.web.support;

import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.FieldViolation;
import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Renders the console's templates in the request's language, and turns every error into a page a person can read:
 * a refusal of the application becomes its message (with the fields it names), anything unexpected a plain
 * "something went wrong" — never a stack trace. An htmx request gets the message in the page's alert area instead.
 */
@ApplicationScoped
public class Views {

    private static final Logger LOG = Logger.getLogger(Views.class);
    /** Where htmx puts an error message: the layout's alert region. */
    public static final String FLASH = "#flash";

    private final Engine engine;
    private final ConsoleRequest request;
    private final Formats formats;

    public Views(Engine engine, ConsoleRequest request, Formats formats) {
        this.engine = engine;
        this.request = request;
        this.formats = formats;
    }

    public TemplateInstance page(String name) {
        return engine.getTemplate(name).instance().setLocale(request.locale());
    }

    public Response html(TemplateInstance view) {
        return Response.ok(view.render(), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .build();
    }

    public Response html(int status, TemplateInstance view) {
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(view.render())
                .build();
    }

    /** After a plain form's POST: go to the page showing the result (an htmx request is told to load it). */
    public Response redirect(String location) {
        String target = Paths.local(location);
        return request.htmx()
                ? Response.noContent().header(Htmx.REDIRECT, target).build()
                : Response.seeOther(URI.create(target)).build();
    }

    /**
     * Field → message in the reader's language ({@link FieldMessages}), for forms that show a refusal beside the fields
     * it names.
     */
    public Map<String, String> fieldErrors(DomainException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldViolation v : e.violations()) {
            errors.merge(v.field(), formats.t(FieldMessages.field(v.message())), (a, b) -> a + " " + b);
        }
        return errors;
    }

    /**
     * A refusal as a form's alert, in the reader's language: its code's message; for a refusal other than invalid
     * fields (which are marked beside the fields), followed by the application's own detail, which names the rule.
     */
    public String headline(DomainException e) {
        String message = formats.t(titleKey(e));
        boolean fields = e.code() == com.tentabo.prm.domain.shared.ErrorCode.VALIDATION_FAILED;
        return fields || e.detail() == null || e.detail().isBlank() ? message : message + " — " + e.detail();
    }

    /** The message key of a refusal: its code's; a code added since the bundles were written falls back on its kind's. */
    private String titleKey(DomainException e) {
        String key = FieldMessages.codeKey(e.code());
        return formats.has(key) ? key : "error_" + e.code().kind().name().toLowerCase(java.util.Locale.ROOT);
    }

    public Response error(DomainException e) {
        int status = switch (e.code().kind()) {
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT, PRECONDITION_FAILED -> 409;
            case UNPROCESSABLE -> 422;
            case TOO_MANY_REQUESTS -> 429;
            case UNAVAILABLE -> 503;
            case INTERNAL -> 500;
            default -> 400;
        };
        if (status == 401) {
            URI signIn =
                    URI.create(Paths.SIGN_IN + "?next=" + URLEncoder.encode(request.path(), StandardCharsets.UTF_8));
            return request.htmx()
                    ? Response.ok().header(Htmx.REDIRECT, signIn.toString()).build()
                    : Response.seeOther(signIn).build();
        }
        return problem(
                status,
                titleKey(e),
                e.detail(),
                e.violations().stream()
                        .map(v -> v.field() + ": " + formats.t(FieldMessages.field(v.message())))
                        .toList());
    }

    /** The page (or htmx fragment) for anything a console page throws. */
    public Response failure(Throwable e) {
        if (e instanceof DomainException refused) {
            return error(refused);
        }
        if (e instanceof jakarta.ws.rs.WebApplicationException web
                && web.getResponse().getStatus() < 500) {
            return error(new DomainException(
                    web.getResponse().getStatus() == 404
                            ? com.tentabo.prm.domain.shared.ErrorCode.ROUTE_NOT_FOUND
                            : com.tentabo.prm.domain.shared.ErrorCode.MALFORMED_REQUEST,
                    null));
        }
        return unexpected(e);
    }

    public Response unexpected(Throwable e) {
        LOG.error("Console request failed", e);
        return problem(500, "error_internal", null, List.of());
    }

    private Response problem(int status, String titleKey, String detail, List<String> details) {
        if (request.htmx()) {
            return Response.ok(
                            page("support/error-fragment")
                                    .data("titleKey", titleKey)
                                    .data("detail", detail)
                                    .data("details", details)
                                    .render(),
                            MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .header("HX-Retarget", FLASH)
                    .header("HX-Reswap", "innerHTML")
                    .build();
        }
        return html(
                status,
                page("support/error")
                        .data("titleKey", titleKey)
                        .data("detail", detail)
                        .data("details", details)
                        .data("status", status));
    }
}
