package com.tentabo.prm.adapters.web.support;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * The console's three static files, served from the classpath: htmx (from its webjar, no CDN), the stylesheet and the
 * small script (drag and drop on the lead board). Cached by browsers for an hour.
 */
@Path("/ui/static")
public class StaticPage {

    private static final String HTMX = "META-INF/resources/webjars/htmx.org/" + htmxVersion() + "/dist/htmx.min.js";
    private static final Map<String, String[]> FILES = Map.of(
            "htmx.min.js", new String[] {HTMX, "text/javascript; charset=utf-8"},
            "console.css", new String[] {"console/console.css", "text/css; charset=utf-8"},
            "console.js", new String[] {"console/console.js", "text/javascript; charset=utf-8"});
    private static final Map<String, byte[]> CONTENT = Map.of(
            "htmx.min.js",
            read(HTMX),
            "console.css",
            read("console/console.css"),
            "console.js",
            read("console/console.js"));

    @GET
    @Path("/{file}")
    public Response file(@PathParam("file") String file) {
        String[] found = FILES.get(file);
        if (found == null) {
            return Response.status(404).type("text/plain").entity("Not found").build();
        }
        CacheControl cache = new CacheControl();
        cache.setMaxAge(3600);
        return Response.ok(CONTENT.get(file), found[1]).cacheControl(cache).build();
    }

    private static String htmxVersion() {
        Properties build = new Properties();
        try (InputStream in = StaticPage.class.getClassLoader().getResourceAsStream("console-build.properties")) {
            build.load(in);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("console-build.properties is missing from the console module", e);
        }
        return build.getProperty("htmx.version");
    }

    private static byte[] read(String resource) {
        try (InputStream in = StaticPage.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing console resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
