package com.tentabo.prm.adapters.providers.mail.smtp;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.Variant;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The mail templates of {@code mail/}: {@code <name>.<language>.txt} per message, whose first line is
 * {@code Subject: …}; {@code layout.<language>.txt} and {@code layout.<language>.html} around the body. Values are
 * escaped in the HTML layout (Qute's HTML escaping of {@code text/html} templates), never in the text.
 */
final class MailTemplates {

    /** A rendered mail. */
    record Rendered(String subject, String text, String html) {}

    private static final Variant HTML = Variant.forContentType(Variant.TEXT_HTML);
    private static final Variant TEXT = Variant.forContentType("text/plain");

    private final Engine engine;
    private final Map<String, Optional<Template>> parsed = new ConcurrentHashMap<>();

    MailTemplates(Engine engine) {
        this.engine = engine;
    }

    Rendered render(String name, String language, Map<String, ?> data) {
        Template message = template(name + "." + language + ".txt", TEXT)
                .or(() -> template(name + ".en.txt", TEXT))
                .orElseThrow(() -> new IllegalStateException("no mail template for " + name));
        String rendered = message.data(data).render().strip();
        int newline = rendered.indexOf('\n');
        String first = newline < 0 ? rendered : rendered.substring(0, newline);
        if (!first.startsWith("Subject:")) {
            throw new IllegalStateException("the mail template " + name + " does not start with 'Subject:'");
        }
        String subject = first.substring("Subject:".length()).strip();
        String body = newline < 0 ? "" : rendered.substring(newline + 1).strip();
        List<String> paragraphs = new ArrayList<>();
        for (String paragraph : body.split("\\n\\s*\\n")) {
            if (!paragraph.isBlank()) {
                paragraphs.add(paragraph.strip());
            }
        }
        Map<String, Object> layout = new java.util.HashMap<>(data);
        layout.put("subject", subject);
        layout.put("body", body);
        layout.put("paragraphs", paragraphs);
        String text = layout(language, "txt", TEXT).data(layout).render().strip() + "\n";
        String html = layout(language, "html", HTML).data(layout).render();
        return new Rendered(subject, text, html);
    }

    private Template layout(String language, String extension, Variant variant) {
        return template("layout." + language + "." + extension, variant)
                .orElseThrow(() -> new IllegalStateException("no mail layout " + language + "." + extension));
    }

    private Optional<Template> template(String file, Variant variant) {
        return parsed.computeIfAbsent(file, f -> {
            try (InputStream in = MailTemplates.class.getClassLoader().getResourceAsStream("mail/" + f)) {
                if (in == null) {
                    return Optional.empty();
                }
                return Optional.of(engine.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), variant, f));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
