package com.tentabo.prm.adapters.providers.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.tentabo.prm.application.provider.ProviderFailure;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * One provider's JSON calls over the JDK {@link HttpClient}. A 2xx answer is read as a JSON tree; anything else
 * becomes a {@link ProviderFailure}: network errors, timeouts, 408, 429 and 5xx are retryable (with the provider's
 * hint of when, see {@link ProviderDialect#retryAfter}), every other status is permanent. A failure message names the
 * provider, the method, the path (never the query) and the status, plus the provider's own error text cut to
 * {@value #MAX_ERROR_TEXT} characters; the endpoint's secret is blanked out of it.
 * <p>
 * An answer is read up to {@value #MAX_RESPONSE_BYTES} bytes: a larger one (declared by its {@code Content-Length}
 * or found while reading) is given up and is a permanent failure, so a provider, or whoever answers in its name,
 * cannot make the service hold an unbounded body in memory.
 * <p>
 * Bodies are read with floats as {@link BigDecimal} (money is never a double) and written with property names in
 * snake_case, nulls left out and {@link BigDecimal}s in plain notation ({@code 1E+3} goes out as {@code 1000}).
 */
public final class JsonHttp {

    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    static final int MAX_ERROR_TEXT = 300;
    /** The largest provider answer read, in bytes (8 MiB). */
    public static final int MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .defaultPropertyInclusion(
                    JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
            .build();

    /**
     * Where one provider's calls go and how they are sent: the base URL the paths are appended to, the headers of
     * every call (credentials included), the request timeout, and the secret that must never reach a message.
     */
    public record Endpoint(String baseUrl, Map<String, String> headers, Duration timeout, String secret) {
        public Endpoint {
            Objects.requireNonNull(baseUrl, "baseUrl");
            headers = Map.copyOf(headers);
            Objects.requireNonNull(timeout, "timeout");
        }
    }

    /** Called before every request of an endpoint (a client-side rate limit); may wait or fail the call. */
    @FunctionalInterface
    public interface Throttle {
        Throttle NONE = endpoint -> {};

        void beforeCall(Endpoint endpoint);
    }

    private final HttpClient client;
    private final ProviderDialect dialect;
    private final Throttle throttle;
    private final int maxResponseBytes;

    public JsonHttp(HttpClient client, ProviderDialect dialect) {
        this(client, dialect, Throttle.NONE);
    }

    public JsonHttp(HttpClient client, ProviderDialect dialect, Throttle throttle) {
        this(client, dialect, throttle, MAX_RESPONSE_BYTES);
    }

    JsonHttp(HttpClient client, ProviderDialect dialect, Throttle throttle, int maxResponseBytes) {
        this.client = Objects.requireNonNull(client, "client");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
        if (maxResponseBytes < 1) {
            throw new IllegalArgumentException("maxResponseBytes must be positive");
        }
        this.maxResponseBytes = maxResponseBytes;
    }

    /** The client every provider shares: connect timeout {@link #CONNECT_TIMEOUT}, redirects not followed. */
    public static HttpClient newClient() {
        return HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The same mapper the calls use, for the JSON a provider wants inside a parameter (a filter, …). */
    public static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "not writable as JSON: " + value.getClass().getName(), e);
        }
    }

    /** A received JSON body (a webhook), read with the same mapper: money stays exact. */
    public static JsonNode parse(byte[] body) throws java.io.IOException {
        return MAPPER.readTree(body);
    }

    /** A streaming parser of {@code body}, with the same settings and limits as {@link #parse}. */
    public static com.fasterxml.jackson.core.JsonParser parser(byte[] body) throws java.io.IOException {
        return MAPPER.createParser(body);
    }

    /** {@code GET base + path ? query}; the query values are URL-encoded here, in the order given. */
    public JsonNode get(Endpoint endpoint, String path, Map<String, String> query) {
        return send(endpoint, "GET", path, query, null, false).orElseThrow();
    }

    /** {@code GET base + path}, empty when the provider answers 404 or 410 (the object is not, or no longer, there). */
    public Optional<JsonNode> getIfFound(Endpoint endpoint, String path) {
        return send(endpoint, "GET", path, Map.of(), null, true);
    }

    /** {@code POST base + path} with {@code body} written as JSON. */
    public JsonNode post(Endpoint endpoint, String path, Object body) {
        return send(endpoint, "POST", path, Map.of(), Objects.requireNonNull(body, "body"), false)
                .orElseThrow();
    }

    /** {@code PATCH base + path} with {@code body} written as JSON (a partial update). */
    public JsonNode patch(Endpoint endpoint, String path, Object body) {
        return send(endpoint, "PATCH", path, Map.of(), Objects.requireNonNull(body, "body"), false)
                .orElseThrow();
    }

    /**
     * {@code POST base + path} with {@code form} as {@code application/x-www-form-urlencoded} (an OAuth token
     * endpoint), the values URL-encoded here, in the order given.
     */
    public JsonNode postForm(Endpoint endpoint, String path, Map<String, String> form) {
        StringJoiner fields = new StringJoiner("&");
        form.forEach((name, value) -> fields.add(encode(name) + "=" + encode(value)));
        return send(endpoint, "POST", path, Map.of(), new FormBody(fields.toString()), false)
                .orElseThrow();
    }

    /** A body already encoded as a form. */
    private record FormBody(String encoded) {}

    private Optional<JsonNode> send(
            Endpoint endpoint,
            String method,
            String path,
            Map<String, String> query,
            Object body,
            boolean missingIsEmpty) {
        URI uri = uri(endpoint.baseUrl(), path, query);
        String call = dialect.name() + " " + method + " " + uri.getRawPath();
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri).timeout(endpoint.timeout()).header("Accept", "application/json");
        endpoint.headers().forEach(request::header);
        if (body == null) {
            request.GET();
        } else if (body instanceof FormBody form) {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form.encoded(), StandardCharsets.UTF_8));
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json(body), StandardCharsets.UTF_8));
        }
        throttle.beforeCall(endpoint);
        Answer response;
        try {
            response = receive(call, request.build());
        } catch (HttpTimeoutException e) {
            throw ProviderFailure.retryable(call + " timed out (" + e.getClass().getSimpleName() + ")", e);
        } catch (IOException e) {
            throw ProviderFailure.retryable(call + " failed: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProviderFailure.retryable(call + " was interrupted", e);
        }
        if (missingIsEmpty && (response.status() == 404 || response.status() == 410)) {
            return Optional.empty();
        }
        return Optional.of(answer(call, response, endpoint.secret()));
    }

    /** A provider's answer as read: its status, headers and body (never more than the cap). */
    private record Answer(int status, HttpHeaders headers, String body) {}

    /**
     * Sends and reads the answer in the calling thread, at most {@link #maxResponseBytes}: a body declared or found
     * larger is closed unread and the call fails for good (reading it again would fail again).
     */
    private Answer receive(String call, HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            long declared =
                    response.headers().firstValueAsLong("Content-Length").orElse(-1);
            byte[] bytes = declared > maxResponseBytes ? null : body.readNBytes(maxResponseBytes + 1);
            if (bytes == null || bytes.length > maxResponseBytes) {
                throw ProviderFailure.permanent(call + " answered " + response.statusCode() + " with a body over "
                        + maxResponseBytes + " bytes (given up unread)");
            }
            return new Answer(response.statusCode(), response.headers(), new String(bytes, StandardCharsets.UTF_8));
        }
    }

    private JsonNode answer(String call, Answer response, String secret) {
        int status = response.status();
        if (status >= 200 && status < 300) {
            try {
                return MAPPER.readTree(response.body());
            } catch (JsonProcessingException e) {
                throw ProviderFailure.permanent(call + " answered " + status + " with a body that is not JSON");
            }
        }
        boolean retryable = status == 408 || status == 429 || status >= 500;
        StringBuilder message = new StringBuilder(call).append(" answered ").append(status);
        String note = retryable ? dialect.note(status, response.headers()) : null;
        if (note != null) {
            message.append(" (").append(note).append(')');
        }
        String text = errorText(response.body());
        if (!text.isEmpty()) {
            message.append(": ").append(text);
        }
        String safe = redact(message.toString(), secret);
        if (status == 429) {
            throw ProviderFailure.rateLimited(safe, dialect.retryAfter(status, response.headers()));
        }
        if (retryable) {
            throw ProviderFailure.retryable(safe, dialect.retryAfter(status, response.headers()));
        }
        if (status == 401 || status == 403) {
            throw ProviderFailure.credentialsRefused(safe);
        }
        throw ProviderFailure.permanent(safe);
    }

    /** The provider's error text from a JSON body, or the body itself when it is short text; HTML is left out. */
    private String errorText(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String text;
        try {
            JsonNode node = MAPPER.readTree(body);
            String own = node != null && node.isObject() ? dialect.errorText(node) : null;
            text = own != null && !own.isBlank() ? own : String.valueOf(node);
        } catch (JsonProcessingException e) {
            text = body.stripLeading().startsWith("<") ? "" : body;
        }
        text = text.replaceAll("\\s+", " ").strip();
        return text.length() <= MAX_ERROR_TEXT ? text : text.substring(0, MAX_ERROR_TEXT) + "…";
    }

    private static String redact(String message, String secret) {
        return secret == null || secret.isEmpty() ? message : message.replace(secret, "[redacted]");
    }

    private URI uri(String baseUrl, String path, Map<String, String> query) {
        StringJoiner parameters = new StringJoiner("&", "?", "").setEmptyValue("");
        query.forEach((name, value) -> parameters.add(encode(name) + "=" + encode(value)));
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        try {
            URI uri = URI.create(base + path + parameters);
            if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())
                    || uri.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw ProviderFailure.permanent(dialect.name() + " base_url is not an http(s) URL: " + base);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    // ---- reading answers -------------------------------------------------------------------------------------

    /** An id (a JSON number or text) as text; a permanent failure naming {@code what} when it is missing. */
    public String id(JsonNode node, String what) {
        JsonNode id = node == null ? null : node.get("id");
        if (id == null
                || !(id.isIntegralNumber() || id.isTextual() && !id.asText().isBlank())) {
            throw ProviderFailure.permanent(dialect.name() + " answered " + what + " without an id");
        }
        return id.asText();
    }

    /** Text of a field, or null when missing or null. */
    public static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }

    /** A money field written as a JSON string ({@code "480.0"}) or number, exact; null when missing. */
    public BigDecimal money(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        try {
            return new BigDecimal(value.asText().strip());
        } catch (NumberFormatException e) {
            throw ProviderFailure.permanent(dialect.name() + " answered a " + field + " that is not a number");
        }
    }
}
