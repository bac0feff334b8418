package com.tentabo.prm.bootstrap.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Validates every request and answer of the REST test suite against the OpenAPI document the service serves
 * ({@code /q/openapi}). Installed once for every {@code @QuarkusTest} (a Quarkus test callback, registered in
 * {@code META-INF/services}), so that no test class has to ask for it.
 * <ul>
 *   <li>An answer that does not match what the document declares for its operation and status fails the test.</li>
 *   <li>A request the document would not allow fails the test when the service accepted it (2xx): the document must
 *       not be stricter than the service. Requests the service refused (4xx) are the tests of bad input, refused as
 *       the document says they would be.</li>
 *   <li>Tolerances of the service written in docs/api.md (enum values in any case, unknown query parameters
 *       ignored) are not failures.</li>
 *   <li>Paths the document does not describe ({@code /q/…}, the web console) are not checked, nor a {@code null}
 *       in place of a nested record or an enum (see {@link #isNullReference}).</li>
 * </ul>
 */
public final class ContractValidation implements Filter, QuarkusTestBeforeEachCallback {

    private static volatile OpenApiInteractionValidator validator;
    private static final ContractValidation FILTER = new ContractValidation();

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        install();
    }

    /** Adds the filter to RestAssured's default filters once. */
    public static synchronized void install() {
        if (RestAssured.filters().stream().noneMatch(f -> f instanceof ContractValidation)) {
            RestAssured.filters(FILTER);
        }
    }

    @Override
    public Response filter(
            FilterableRequestSpecification request,
            FilterableResponseSpecification responseSpec,
            FilterContext context) {
        Response response = context.next(request, responseSpec);
        String path = URI.create(request.getURI()).getPath();
        if (!path.startsWith("/api/")) {
            return response;
        }
        ValidationReport report =
                validator(request).validate(RestAssuredRequest.of(request), RestAssuredResponse.of(response));
        boolean accepted = response.statusCode() < 400;
        List<ValidationReport.Message> failures = report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .filter(m -> accepted || !isAboutRequest(m))
                .filter(m -> !isNullReference(m))
                .filter(m -> !isToleratedRequest(m))
                .toList();
        if (!failures.isEmpty()) {
            throw new AssertionError("The exchange does not match the OpenAPI document: " + request.getMethod() + " "
                    + path + " → " + response.statusCode() + "\n"
                    + failures.stream()
                            .map(m -> "  " + m.getKey() + ": " + m.getMessage())
                            .collect(Collectors.joining("\n"))
                    + "\nanswer: " + abbreviated(response.asString()));
        }
        return response;
    }

    /**
     * A {@code null} where a nested record or an enum is declared: OpenAPI 3.0 cannot mark a reference nullable (the
     * document leaves such fields plain references, docs/api.md), so this one case is not checked.
     */
    private static boolean isNullReference(ValidationReport.Message message) {
        String text = message.getMessage();
        // every property that is not a reference and not required is declared nullable: a null refused by type is one
        // in place of a reference (a nested record, an enum)
        return message.getKey().endsWith("schema.type") && text.contains("Instance type (null)")
                || message.getKey().endsWith("schema.enum") && text.contains("Instance value (null)");
    }

    /**
     * What the service tolerates beyond the document, on purpose (docs/api.md): enumerated values in any case (the
     * document lists them as written, in lower case), and query parameters it does not know (ignored).
     */
    private static boolean isToleratedRequest(ValidationReport.Message message) {
        if (message.getKey().equals("validation.request.parameter.query.unexpected")) {
            return true;
        }
        java.util.regex.Matcher value = ANY_CASE_ENUM.matcher(message.getMessage());
        return message.getKey().equals("validation.request.body.schema.enum")
                && value.find()
                && value.group(2).contains("\"" + value.group(1).toLowerCase(java.util.Locale.ROOT) + "\"");
    }

    private static final java.util.regex.Pattern ANY_CASE_ENUM = java.util.regex.Pattern.compile(
            "Instance value \\(\"([^\"]*)\"\\) not found in enum \\(possible values: (\\[.*\\])\\)");

    private static boolean isAboutRequest(ValidationReport.Message message) {
        return message.getKey().startsWith("validation.request")
                || message.getContext()
                        .flatMap(ValidationReport.MessageContext::getLocation)
                        .map(location -> location == ValidationReport.MessageContext.Location.REQUEST)
                        .orElse(false);
    }

    private static String abbreviated(String body) {
        return body.length() > 2000 ? body.substring(0, 2000) + "…" : body;
    }

    private static OpenApiInteractionValidator validator(FilterableRequestSpecification request) {
        if (validator == null) {
            synchronized (ContractValidation.class) {
                if (validator == null) {
                    validator = OpenApiInteractionValidator.createForInlineApiSpecification(document(request))
                            .withLevelResolver(LevelResolver.create()
                                    // routes the document does not describe answer 404 ROUTE_NOT_FOUND: not checked
                                    .withLevel("validation.request.path.missing", ValidationReport.Level.IGNORE)
                                    .build())
                            .build();
                }
            }
        }
        return validator;
    }

    /** The document as the service under test serves it. */
    static String document(FilterableRequestSpecification request) {
        URI uri = URI.create(request.getURI()).resolve("/q/openapi?format=json");
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("GET " + uri + " answered " + answer.statusCode());
            }
            return answer.body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
