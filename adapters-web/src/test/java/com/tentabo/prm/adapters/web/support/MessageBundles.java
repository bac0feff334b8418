package com.tentabo.prm.adapters.web.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Checks of a console message bundle kept in {@code messages/<name>_en.properties} and {@code _fr}. */
public final class MessageBundles {

    private MessageBundles() {}

    public static Properties load(String file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessageBundles.class.getClassLoader().getResourceAsStream("messages/" + file)) {
            assertThat(in).as(file).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    /**
     * English and French hold the same keys with the same placeholders, none blank, and the bundle's interface has one
     * method per key.
     */
    public static void assertComplete(String name, Class<?> bundle) throws IOException {
        Properties en = load(name + "_en.properties");
        Properties fr = load(name + "_fr.properties");
        assertThat(fr.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
        for (String key : en.stringPropertyNames()) {
            assertThat(placeholders(fr.getProperty(key))).as(key).isEqualTo(placeholders(en.getProperty(key)));
            assertThat(fr.getProperty(key)).as(key).isNotBlank();
        }
        Set<String> methods =
                Arrays.stream(bundle.getDeclaredMethods()).map(Method::getName).collect(Collectors.toSet());
        assertThat(methods).containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("\\{([a-zA-Z][a-zA-Z0-9]*)\\}").matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
