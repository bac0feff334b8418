package com.tentabo.prm.bootstrap.foundation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tentabo.prm.bootstrap.support.Api;
import com.tentabo.prm.bootstrap.support.PostgresResource;
import com.tentabo.prm.bootstrap.support.RepositoryFiles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Runs docs/tour.md against the service, step by step, as its "How to read this tour" section says: every
 * {@code http} block holding a request is sent, and the {@code http} block that follows it holds the answer expected
 * (status, the headers shown, the fields shown); {@code {{name}}} in an answer captures the value found there and in a
 * later request stands for it; {@code …} matches anything. The tour drifting from the API fails this test.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class TourTest {

    private static final String BASE_URL = "http://localhost:8080";
    private static final String ANY = "…";
    private static final Pattern FENCE = Pattern.compile("(?ms)^```http[ \\t]*\\n(.*?)^```[ \\t]*$");
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{([a-z][a-z0-9_]*)}}");
    private static final Pattern VARIABLE_OR_ANY = Pattern.compile("\\{\\{([a-z][a-z0-9_]*)}}|…");
    private static final Pattern REQUEST_LINE = Pattern.compile("([A-Z]+) (\\S+)(?: HTTP/1\\.1)?");
    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.1 (\\d{3})(?: .*)?");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request of the tour and the answer written after it; {@code line} is where the request starts. */
    record Step(
            int line,
            String method,
            String url,
            Map<String, String> headers,
            String body,
            int status,
            Map<String, String> expectedHeaders,
            String expectedBody) {}

    @Test
    void everyStepOfTheTourAnswersAsWritten() {
        List<Step> steps = steps(RepositoryFiles.read(RepositoryFiles.root().resolve("docs/tour.md")));
        assertThat(steps).as("steps of docs/tour.md").hasSizeGreaterThan(30);
        Map<String, String> values = new HashMap<>();
        values.put("admin_password", Api.ADMIN_PASSWORD);
        String address = Api.freshAddress(); // the tour signs in often: never from the address other tests use
        List<String> drifts = new ArrayList<>();
        for (Step step : steps) {
            drifts.addAll(run(step, values, address));
        }
        assertThat(drifts).as("where docs/tour.md and the service differ").isEmpty();
    }

    @Test
    void anAnswerThatDiffersFromTheTourIsReported() {
        Map<String, String> values = new HashMap<>(Map.of("known", "42"));
        List<String> problems = new ArrayList<>();
        match(
                "$",
                json("{\"id\":\"{{fresh}}\",\"n\":\"{{known}}\",\"items\":[{\"a\":1},\"…\"],\"t\":\"inv_…\"}"),
                json("{\"id\":\"x-1\",\"n\":\"42\",\"items\":[{\"a\":1},{\"a\":2}],\"t\":\"inv_abc\",\"more\":true}"),
                values,
                problems);
        assertThat(problems).isEmpty();
        assertThat(values).containsEntry("fresh", "x-1");

        match(
                "$",
                json("{\"n\":\"{{known}}\",\"items\":[{\"a\":1}],\"gone\":\"…\",\"amount\":\"9.50\"}"),
                json("{\"n\":\"43\",\"items\":[{\"a\":1},{\"a\":2}],\"amount\":\"9.5\"}"),
                values,
                problems);
        assertThat(problems)
                .containsExactly(
                        "$.n: \"43\" does not match \"{{known}}\"",
                        "$.items: 2 elements where the tour shows 1",
                        "$.gone: missing",
                        "$.amount: \"9.5\" does not match \"9.50\"");
    }

    /** The steps of the tour: each request block paired with the answer block after it. */
    static List<Step> steps(String markdown) {
        List<Step> steps = new ArrayList<>();
        Matcher fence = FENCE.matcher(markdown);
        Step pending = null;
        while (fence.find()) {
            int line = lineOf(markdown, fence.start());
            Block block = Block.of(fence.group(1));
            Matcher status = STATUS_LINE.matcher(block.firstLine);
            if (status.matches()) {
                if (pending == null) {
                    fail("docs/tour.md line " + line + ": an answer with no request before it");
                }
                steps.add(new Step(
                        pending.line(),
                        pending.method(),
                        pending.url(),
                        pending.headers(),
                        pending.body(),
                        Integer.parseInt(status.group(1)),
                        block.headers,
                        block.body));
                pending = null;
                continue;
            }
            Matcher request = REQUEST_LINE.matcher(block.firstLine);
            if (!request.matches() || pending != null) {
                fail("docs/tour.md line " + line + ": expected " + (pending == null ? "a request line" : "the answer")
                        + ", found: " + block.firstLine);
            }
            pending = new Step(line, request.group(1), request.group(2), block.headers, block.body, 0, Map.of(), null);
        }
        if (pending != null) {
            fail("docs/tour.md line " + pending.line() + ": a request with no answer after it");
        }
        return steps;
    }

    /** A fenced block: its first line (after {@code #} comments), the header lines, then the body after a blank line. */
    private record Block(String firstLine, Map<String, String> headers, String body) {

        static Block of(String text) {
            Iterator<String> lines = text.lines().iterator();
            String first = "";
            while (lines.hasNext() && (first.isBlank() || first.startsWith("#"))) {
                first = lines.next().strip();
            }
            Map<String, String> headers = new LinkedHashMap<>();
            while (lines.hasNext()) {
                String line = lines.next();
                if (line.isBlank()) {
                    break;
                }
                int colon = line.indexOf(':');
                headers.put(
                        line.substring(0, colon).strip(),
                        line.substring(colon + 1).strip());
            }
            StringBuilder body = new StringBuilder();
            lines.forEachRemaining(line -> body.append(line).append('\n'));
            return new Block(
                    first,
                    headers,
                    body.toString().isBlank() ? null : body.toString().strip());
        }
    }

    /** Sends one step's request and lists where the answer differs from the one written (empty: as written). */
    private static List<String> run(Step step, Map<String, String> values, String address) {
        String where = "docs/tour.md line " + step.line() + " (" + step.method() + " " + step.url() + ")";
        if (!step.url().startsWith(BASE_URL + "/")) {
            return List.of(where + ": the tour's requests go to " + BASE_URL);
        }
        List<String> unknown = new ArrayList<>();
        RequestSpecification request =
                RestAssured.given().urlEncodingEnabled(false).header("X-Forwarded-For", address);
        step.headers().forEach((name, value) -> {
            if (name.equalsIgnoreCase("Content-Type")) {
                request.contentType(substitute(value, values, unknown));
            } else {
                request.header(name, substitute(value, values, unknown));
            }
        });
        if (step.body() != null) {
            request.body(substitute(step.body(), values, unknown));
        }
        String path = substitute(step.url().substring(BASE_URL.length()), values, unknown);
        if (!unknown.isEmpty()) {
            return List.of(where + ": " + unknown + " used before an answer captures them");
        }
        Response response = request.request(step.method(), path);
        String answer = response.asString();
        if (response.statusCode() != step.status()) {
            return List.of(where + ": status " + response.statusCode() + " where the tour shows " + step.status()
                    + "; the service answered " + answer);
        }
        List<String> problems = new ArrayList<>();
        step.expectedHeaders().forEach((name, expected) -> {
            String actual = response.header(name);
            if (actual == null) {
                problems.add(name + ": missing");
            } else if (!matches(expected.contains(";") ? actual : actual.split(";")[0].strip(), expected, values)) {
                problems.add(name + ": \"" + actual + "\" does not match \"" + expected + "\"");
            }
        });
        if (step.expectedBody() != null) {
            match("$", json(step.expectedBody()), json(answer), values, problems);
        }
        return problems.isEmpty() ? List.of() : List.of(where + ": " + problems + "; the service answered " + answer);
    }

    /** The text with every {@code {{name}}} replaced by the value captured under that name; unknown names listed. */
    private static String substitute(String text, Map<String, String> values, List<String> unknown) {
        Matcher variable = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (variable.find()) {
            String value = values.get(variable.group(1));
            if (value == null) {
                unknown.add("{{" + variable.group(1) + "}}");
                value = "";
            }
            variable.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return variable.appendTail(out).toString();
    }

    /**
     * Whether the actual answer holds what the tour shows: every field shown (others are not checked), arrays of the
     * length shown unless their last element is {@code "…"}, equal values (amounts as written, numbers by value).
     */
    static void match(
            String path, JsonNode expected, JsonNode actual, Map<String, String> values, List<String> problems) {
        if (actual == null || actual.isMissingNode()) {
            problems.add(path + ": missing");
        } else if (expected.isObject()) {
            if (!actual.isObject()) {
                problems.add(path + ": " + actual + " where the tour shows an object");
                return;
            }
            expected.fields()
                    .forEachRemaining(field -> match(
                            path + "." + field.getKey(),
                            field.getValue(),
                            actual.get(field.getKey()),
                            values,
                            problems));
        } else if (expected.isArray()) {
            int shown = expected.size();
            boolean open = shown > 0 && ANY.equals(expected.get(shown - 1).asText(null));
            int checked = open ? shown - 1 : shown;
            if (!actual.isArray() || (open ? actual.size() < checked : actual.size() != checked)) {
                problems.add(path + ": " + (actual.isArray() ? actual.size() + " elements" : actual.toString())
                        + " where the tour shows " + checked);
                return;
            }
            for (int i = 0; i < checked; i++) {
                match(path + "[" + i + "]", expected.get(i), actual.get(i), values, problems);
            }
        } else if (expected.isTextual()) {
            if (!actual.isValueNode() && !ANY.equals(expected.asText())) {
                problems.add(path + ": " + actual + " where the tour shows \"" + expected.asText() + "\"");
            } else if (actual.isValueNode()
                    && !matches(actual.isNull() ? "null" : actual.asText(), expected.asText(), values)) {
                problems.add(path + ": " + actual + " does not match \"" + expected.asText() + "\"");
            }
        } else if (expected.isNumber()) {
            if (!actual.isNumber() || actual.decimalValue().compareTo(new BigDecimal(expected.asText())) != 0) {
                problems.add(path + ": " + actual + " where the tour shows " + expected);
            }
        } else if (!expected.equals(actual)) {
            problems.add(path + ": " + actual + " where the tour shows " + expected);
        }
    }

    /** Matches a text against a written value: {@code …} stands for anything, {@code {{name}}} captures or compares. */
    private static boolean matches(String actual, String expected, Map<String, String> values) {
        StringBuilder regex = new StringBuilder();
        List<String> captured = new ArrayList<>();
        Matcher token = VARIABLE_OR_ANY.matcher(expected);
        int from = 0;
        while (token.find()) {
            regex.append(Pattern.quote(expected.substring(from, token.start())));
            if (token.group(1) == null) {
                regex.append(".*?");
            } else if (values.containsKey(token.group(1))) {
                regex.append(Pattern.quote(values.get(token.group(1))));
            } else {
                regex.append("(.+?)");
                captured.add(token.group(1));
            }
            from = token.end();
        }
        regex.append(Pattern.quote(expected.substring(from)));
        Matcher match = Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(actual);
        if (!match.matches()) {
            return false;
        }
        for (int i = 0; i < captured.size(); i++) {
            values.put(captured.get(i), match.group(i + 1));
        }
        return true;
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    private static int lineOf(String text, int offset) {
        return (int) text.substring(0, offset).lines().count() + 1;
    }
}
