package com.tentabo.prm.bootstrap.console;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A minimal browser for page tests: keeps the console's cookies, follows nothing by itself, and reads the CSRF token
 * of the last page so that forms can be posted as a browser would post them.
 */
final class ConsoleBrowser {

    private final Map<String, String> cookies = new HashMap<>();
    private final String acceptLanguage;
    private String csrf = "";
    private String address = null;

    ConsoleBrowser(String acceptLanguage) {
        this.acceptLanguage = acceptLanguage;
    }

    ConsoleBrowser from(String clientAddress) {
        this.address = clientAddress;
        return this;
    }

    Response get(String path) {
        Response r = request().get(path);
        remember(r);
        return r;
    }

    Document page(String path) {
        Response r = get(path);
        if (r.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + r.statusCode() + ": " + r.asString());
        }
        return parse(r);
    }

    /** A GET of an address exactly as given (already encoded, as in a Location header). */
    Document pageAsIs(String path) {
        Response r = request().urlEncodingEnabled(false).get(path);
        remember(r);
        if (r.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + r.statusCode() + ": " + r.asString());
        }
        return parse(r);
    }

    Document parse(Response r) {
        Document doc = Jsoup.parse(r.asString());
        String token = doc.select("input[name=_csrf]").attr("value");
        if (!token.isEmpty()) {
            csrf = token;
        }
        return doc;
    }

    Response post(String path, Map<String, String> form) {
        Map<String, String> body = new HashMap<>(form);
        body.putIfAbsent("_csrf", csrf);
        Response r = request()
                .contentType("application/x-www-form-urlencoded")
                .formParams(body)
                .post(path);
        remember(r);
        return r;
    }

    Response htmxPost(String path, Map<String, String> form) {
        Response r = request()
                .header("HX-Request", "true")
                .header("X-CSRF-Token", csrf)
                .contentType("application/x-www-form-urlencoded")
                .formParams(form)
                .post(path);
        remember(r);
        return r;
    }

    /** A form whose fields may repeat (a list value posts the name once per item), as a plain or an htmx request. */
    Response postRepeated(String path, Map<String, ?> form, boolean htmx) {
        io.restassured.specification.RequestSpecification spec = request();
        if (htmx) {
            spec = spec.header("HX-Request", "true").header("X-CSRF-Token", csrf);
        }
        Map<String, Object> body = new HashMap<>(form);
        body.putIfAbsent("_csrf", csrf);
        Response r = spec.contentType("application/x-www-form-urlencoded")
                .formParams(body)
                .post(path);
        remember(r);
        return r;
    }

    ConsoleBrowser signIn(String username, String password) {
        page("/ui/sign-in");
        Response r = post("/ui/sign-in", Map.of("username", username, "password", password, "next", "/ui"));
        if (r.statusCode() != 303) {
            throw new AssertionError("sign-in answered " + r.statusCode() + ": " + r.asString());
        }
        page("/ui");
        return this;
    }

    String cookie(String name) {
        return cookies.get(name);
    }

    void forget(String name) {
        cookies.remove(name);
    }

    private io.restassured.specification.RequestSpecification request() {
        io.restassured.specification.RequestSpecification spec = RestAssured.given()
                .redirects()
                .follow(false)
                .header("Accept-Language", acceptLanguage)
                .cookies(cookies);
        return address == null ? spec : spec.header("X-Forwarded-For", address);
    }

    private void remember(Response r) {
        r.getDetailedCookies().asList().forEach(c -> {
            if (c.getValue() == null || c.getValue().isEmpty() || (c.hasMaxAge() && c.getMaxAge() == 0)) {
                cookies.remove(c.getName());
            } else {
                cookies.put(c.getName(), c.getValue());
            }
        });
    }
}
