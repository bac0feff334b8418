package com.tentabo.prm.adapters.web.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.tentabo.prm.domain.shared.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every refusal the console can show has its words in English and French: each stable error code, each field
 * constraint (with as many placeholders as the constraint carries bounds); and the application's wording of each
 * constraint is recognised.
 */
class ConsoleProblemMessagesTest {

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in =
                ConsoleProblemMessagesTest.class.getClassLoader().getResourceAsStream("messages/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static long placeholders(String text) {
        return Pattern.compile("\\{[a-zA-Z][a-zA-Z0-9]*\\}")
                .matcher(text)
                .results()
                .count();
    }

    @Test
    void bothLanguagesHaveTheSameKeysOneMethodOfTheBundleEach() throws IOException {
        Properties en = bundle("err_en.properties");
        assertThat(bundle("err_fr.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
        assertThat(java.util.Arrays.stream(Problems.class.getDeclaredMethods()).map(java.lang.reflect.Method::getName))
                .containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
    }

    @Test
    void everyErrorCodeHasItsMessageInBothLanguages() throws IOException {
        for (String language : List.of("en", "fr")) {
            Properties messages = bundle("err_" + language + ".properties");
            for (ErrorCode code : ErrorCode.values()) {
                assertThat(messages.getProperty(FieldMessages.codeKey(code)))
                        .as(language + " " + code)
                        .isNotBlank();
            }
        }
    }

    @Test
    void everyFieldConstraintHasItsMessageInBothLanguagesWithItsBounds() throws IOException {
        for (String language : List.of("en", "fr")) {
            Properties messages = bundle("err_" + language + ".properties");
            for (FieldMessages.Constraint constraint : FieldMessages.CONSTRAINTS) {
                String text = messages.getProperty(constraint.key());
                assertThat(text).as(language + " " + constraint.key()).isNotBlank();
                assertThat(placeholders(text))
                        .as(language + " " + constraint.key())
                        .isEqualTo(constraint.wording().matcher("").groupCount());
            }
            assertThat(placeholders(messages.getProperty("field_other"))).isEqualTo(1);
        }
    }

    @Test
    void theApplicationsWordingIsRecognisedWithItsBounds() {
        assertThat(FieldMessages.field("is required")).isEqualTo(new FieldMessages.Text("field_required", List.of()));
        assertThat(FieldMessages.field("must be at most 255 characters"))
                .isEqualTo(new FieldMessages.Text("field_max_length", List.of("255")));
        assertThat(FieldMessages.field("must be between 0 and 100"))
                .isEqualTo(new FieldMessages.Text("field_between", List.of("0", "100")));
        assertThat(FieldMessages.field("must be an email address").key()).isEqualTo("field_email");
        assertThat(FieldMessages.field("must be an e-mail address").key()).isEqualTo("field_email");
        assertThat(FieldMessages.field("must have at most 2 decimals"))
                .isEqualTo(new FieldMessages.Text("field_decimals", List.of("2")));
        assertThat(FieldMessages.field("must not be after expected_close_to"))
                .isEqualTo(new FieldMessages.Text("field_not_after", List.of("expected_close_to")));
        assertThat(FieldMessages.field("no such partner").key()).isEqualTo("field_unknown_record");
        assertThat(FieldMessages.field("only staff set a tax rate"))
                .isEqualTo(new FieldMessages.Text("field_other", List.of("only staff set a tax rate")));
    }
}
