package com.tentabo.prm.domain.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tentabo.prm.domain.shared.DomainException;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CustomerKeysTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Société Générale S.A.|societe generale",
                "SOCIETE GENERALE SA|societe generale",
                "  Acme,  Inc. |acme",
                "ACME GmbH & Co. KG|acme",
                "Müller-Lüdenscheidt AG|muller ludenscheidt",
                "L'Œuvre Française SARL|loeuvre francaise",
                "Straße Bau GmbH|strasse bau",
                "Ørsted AS|orsted",
                "Fiat S.p.A.|fiat",
                "Tesco PLC|tesco",
                "SAS|''",
                "Big Blue Ltd (UK)|big blue uk",
            })
    void givenAnOrganisationName_organization_foldsCaseAccentsPunctuationAndLegalForms(String name, String key) {
        assertThat(CustomerKeys.organization(name)).isEqualTo(key);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "jane@acme.fr|acme.fr",
                "JANE@Sales.EU.Acme.COM|acme.com",
                "https://www.acme.co.uk/contact?x=1|acme.co.uk",
                "http://shop.acme.com.au:8080|acme.com.au",
                "acme.example.|acme.example",
                "a.b.gouv.fr|b.gouv.fr",
            })
    void givenAnEmailOrWebAddress_domain_foldsSubdomains(String value, String key) {
        assertThat(CustomerKeys.domain(value)).isEqualTo(key);
    }

    @Test
    void givenNoHost_domain_isNull() {
        assertThat(CustomerKeys.domain("not a domain")).isNull();
        assertThat(CustomerKeys.domain("localhost")).isNull();
        assertThat(CustomerKeys.domain("   ")).isNull();
        assertThat(CustomerKeys.domain(null)).isNull();
    }

    @Test
    void givenAPublicMailDomain_isPublic_isTrue() {
        assertThat(CustomerKeys.isPublic(CustomerKeys.domain("bob@mail.gmail.com"), Set.of("gmail.com")))
                .isTrue();
        assertThat(CustomerKeys.isPublic(CustomerKeys.domain("bob@acme.com"), Set.of("gmail.com")))
                .isFalse();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "732 829 320|SIREN:732829320",
                "732 829 320 00074|SIREN:732829320",
                "FR44 732829320|SIREN:732829320",
                "fr 44 732 829 320|SIREN:732829320",
                "DE 123456789|VAT:DE123456789",
            })
    void givenASirenSiretOrVatNumber_registrationNumber_normalisesToOneKey(String value, String key) {
        assertThat(CustomerKeys.registrationNumber(value, "registration_number"))
                .isEqualTo(key);
    }

    @Test
    void givenAWrongCheckDigitOrGarbage_registrationNumber_isA400NamingTheField() {
        assertThatThrownBy(() -> CustomerKeys.registrationNumber("732829321", "registration_number"))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("check digit");
        assertThatThrownBy(() -> CustomerKeys.registrationNumber("12-ab", "registration_number"))
                .isInstanceOf(DomainException.class)
                .satisfies(e -> assertThat(
                                ((DomainException) e).violations().get(0).field())
                        .isEqualTo("registration_number"));
        assertThat(CustomerKeys.registrationNumber(" ", "registration_number")).isNull();
    }

    @Test
    void accentTable_foldsEachLetterToOnePlainLetter() {
        assertThat(CustomerKeys.ACCENTED).hasSameSizeAs(CustomerKeys.PLAIN);
        assertThat(CustomerKeys.PLAIN).matches("[A-Za-z]+");
    }
}
