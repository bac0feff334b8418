package com.tentabo.prm.adapters.providers.crm.pipedrive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PipedriveFieldsTest {

    private static final Pattern DOCUMENTED = Pattern.compile("[0-9a-f]{40}");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "dcf558aac1ae4e8c4f849ba5e668430d8df9be12",
                "0000000000000000000000000000000000000000",
                "ffffffffffffffffffffffffffffffffffffffff",
                "DCF558AAC1AE4E8C4F849BA5E668430D8DF9BE12",
                "dcf558aac1ae4e8c4f849ba5e668430d8df9be1",
                "dcf558aac1ae4e8c4f849ba5e668430d8df9be123",
                "dcf558aac1ae4e8c4f849ba5e668430d8df9be1g",
                "gcf558aac1ae4e8c4f849ba5e668430d8df9be12",
                "dcf558aac1ae4e8c4f849ba5e668430d8df9be1/",
                "dcf558aac1ae4e8c4f849ba5e668430d8df9be1:",
                "dcf558aac1ae4e8c4f849ba5e668430d8df9be1`",
                "dcf558aac1ae4e8c4f849ba5e668430d8df9be1٣",
                "title",
                "",
                "owner_id"
            })
    void aCustomFieldKeyIsFortyLowerCaseHexadecimalDigits(String key) {
        assertThat(PipedriveFields.isCustomFieldKey(key))
                .isEqualTo(DOCUMENTED.matcher(key).matches());
    }
}
