package com.tentabo.prm.domain.company;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tentabo.prm.domain.shared.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CompanyProfileTest {

    private static CompanyProfile profile(String registration, String email, String website) {
        return new CompanyProfile("Acme", null, registration, email, null, website, null, null, null, null, null, null);
    }

    @Test
    void givenValidValues_thenTrimmedAndRegistrationUpperCased_andBlanksBecomeNull() {
        CompanyProfile p = new CompanyProfile(
                "  Acme  ",
                " ",
                " fr-123 456 ",
                "sales@acme.example",
                "+33 1 23 45 67 89",
                "https://www.acme.example/partners",
                null,
                null,
                "Lyon",
                "69001",
                "FR",
                null);
        assertThat(p.name()).isEqualTo("Acme");
        assertThat(p.legalName()).isNull();
        assertThat(p.registrationNumber()).isEqualTo("FR-123 456");
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "a@b", "a@@b.com", "a b@c.com", "@acme.example"})
    void givenMalformedEmail_thenRefusedNamingEmail(String email) {
        assertThatThrownBy(() -> profile(null, email, null))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.violations())
                                .extracting(v -> v.field())
                                .containsExactly("email"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"acme.example", "ftp://acme.example", "http://", "javascript:alert(1)", "https://acme"})
    void givenMalformedWebsite_thenRefusedNamingWebsite(String website) {
        assertThatThrownBy(() -> profile(null, null, website))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.violations())
                                .extracting(v -> v.field())
                                .containsExactly("website"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"<script>", "12;DROP", "-abc"})
    void givenRegistrationWithOddCharacters_thenRefused(String registration) {
        assertThatThrownBy(() -> profile(registration, null, null)).isInstanceOf(DomainException.class);
    }

    @Test
    void givenMissingNameAndOverlongCity_thenBothNamed() {
        assertThatThrownBy(() -> new CompanyProfile(
                        null, null, null, null, null, null, null, null, "x".repeat(101), null, null, null))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.violations())
                                .extracting(v -> v.field())
                                .containsExactlyInAnyOrder("name", "city"));
    }

    @Test
    void givenAStoredProfileBreakingTheRules_thenItIsReadAsStored_andTheSameValuesAsInputAreRefused() {
        String notes = "n".repeat(10_001);
        CompanyProfile stored = CompanyProfile.stored(
                " ", null, "fr#123", "sales at acme", "call me", "www.acme", null, null, null, null, null, notes);

        assertThat(stored.name()).isEqualTo(" ");
        assertThat(stored.registrationNumber()).isEqualTo("fr#123");
        assertThat(stored.email()).isEqualTo("sales at acme");
        assertThat(stored.phone()).isEqualTo("call me");
        assertThat(stored.website()).isEqualTo("www.acme");
        assertThat(stored.notes()).hasSize(10_001);
        assertThatThrownBy(() -> new CompanyProfile(
                        " ",
                        null,
                        "fr#123",
                        "sales at acme",
                        "call me",
                        "www.acme",
                        null,
                        null,
                        null,
                        null,
                        null,
                        notes))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.violations())
                                .extracting(v -> v.field())
                                .containsExactly("name", "registration_number", "email", "phone", "website", "notes"));
    }
}
