package com.tentabo.prm.adapters.web.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import com.tentabo.prm.adapters.web.support.MessageBundles;
import java.io.IOException;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The catalog, companies and users texts: every company field has a label (both languages: ConsoleMessagesTest). */
class BackOfficeCatalogMessagesTest {

    @Test
    void everyCompanyFieldHasALabel() throws IOException {
        Properties en = MessageBundles.load("boc_en.properties");
        CompaniesPage.PROFILE_FIELDS.forEach(f -> assertThat(en).containsKey("company_" + f));
    }
}
