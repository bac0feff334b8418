package com.tentabo.prm.domain.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tentabo.prm.domain.access.TenantRef;
import com.tentabo.prm.domain.id.LeadId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.id.RegistrationId;
import com.tentabo.prm.domain.id.UserId;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RegistrationTest {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    static Registration submitted() {
        return Registration.submit(
                new RegistrationId(UUID.randomUUID()),
                new LeadId(UUID.randomUUID()),
                TenantRef.of(new PartnerId(UUID.randomUUID()), null),
                new UserId(UUID.randomUUID()),
                CustomerIdentity.of("Acme SAS", "732829320", "acme.fr"),
                "backup",
                new BigDecimal("1200.00"),
                "EUR",
                ConflictKind.NONE,
                NOW);
    }

    @Test
    void givenASubmittedRegistration_approve_protectsForTheLevelsDays() {
        Registration approved = submitted().approve("looks good", 90, NOW);

        assertThat(approved.status()).isEqualTo(RegistrationStatus.APPROVED);
        assertThat(approved.protectionEndsAt()).isEqualTo(NOW.plus(Duration.ofDays(90)));
        assertThat(approved.decisionReason()).isEqualTo("looks good");
        assertThat(approved.protects(NOW.plus(Duration.ofDays(89)))).isTrue();
        assertThat(approved.protects(NOW.plus(Duration.ofDays(90)))).isFalse();
    }

    @Test
    void givenNoReason_aDecision_isRefused() {
        assertThatThrownBy(() -> submitted().reject(" ", NOW))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo(ErrorCode.VALIDATION_FAILED);
    }

    @Test
    void givenAReturnedRegistration_resubmit_submitsAgainWithANewCheck() {
        Registration returned = submitted().returnToPartner("which subsidiary?", NOW);
        Registration again = returned.resubmit(
                CustomerIdentity.of("Acme Lyon", null, null),
                "backup",
                null,
                ConflictKind.OVERLAP,
                NOW.plusSeconds(60));

        assertThat(again.status()).isEqualTo(RegistrationStatus.SUBMITTED);
        assertThat(again.customer().organizationKey()).isEqualTo("acme lyon");
        assertThat(again.conflict()).isEqualTo(ConflictKind.OVERLAP);
    }

    @Test
    void givenFinalStatuses_anyMove_isAnIllegalTransitionNamingBoth() {
        Registration rejected = submitted().reject("no", NOW);
        assertThatThrownBy(() -> rejected.approve("yes", 90, NOW))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("from rejected to approved")
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo(ErrorCode.ILLEGAL_REGISTRATION_TRANSITION);
        Registration approved = submitted().approve("ok", 90, NOW);
        assertThatThrownBy(() -> approved.approve("again", 90, NOW)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> approved.returnToPartner("?", NOW)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> approved.convert(NOW).expire(NOW)).hasMessageContaining("from converted to expired");
        assertThatThrownBy(() -> submitted().expire(NOW)).hasMessageContaining("from submitted to expired");
    }

    @Test
    void givenAnApprovedRegistration_extension_isGrantedOnceToALaterEnd() {
        Registration approved = submitted().approve("ok", 90, NOW);
        Instant later = approved.protectionEndsAt().plus(Duration.ofDays(30));
        assertThatThrownBy(() -> approved.requestExtension(approved.protectionEndsAt(), "more time", NOW))
                .isInstanceOf(DomainException.class);
        Registration asked = approved.requestExtension(later, "customer board meets in June", NOW);
        assertThatThrownBy(() -> asked.requestExtension(later.plusSeconds(1), "again", NOW))
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo(ErrorCode.REGISTRATION_EXTENSION_UNAVAILABLE);

        Registration granted = asked.decideExtension(true, "fine", NOW);
        assertThat(granted.status()).isEqualTo(RegistrationStatus.APPROVED);
        assertThat(granted.protectionEndsAt()).isEqualTo(later);
        assertThat(granted.extended()).isTrue();
        assertThatThrownBy(() -> granted.requestExtension(later.plusSeconds(60), "one more", NOW))
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo(ErrorCode.REGISTRATION_EXTENSION_UNAVAILABLE);
    }

    @Test
    void givenARefusedExtension_theEndStaysAndTheLevelMayBeAskedAgain() {
        Registration approved = submitted().approve("ok", 90, NOW);
        Registration refused = approved.requestExtension(
                        approved.protectionEndsAt().plusSeconds(3600), "why not", NOW)
                .decideExtension(false, "no", NOW);
        assertThat(refused.protectionEndsAt()).isEqualTo(approved.protectionEndsAt());
        assertThat(refused.extended()).isFalse();
        assertThat(refused.extensionRequestedUntil()).isNull();
    }

    @Test
    void givenBadIdentifiers_customerIdentity_isA400() {
        assertThatThrownBy(() -> CustomerIdentity.of(" ", null, null)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> CustomerIdentity.of("Acme", null, "no domain here"))
                .hasMessageContaining("domain");
        assertThat(CustomerIdentity.of("Acme", null, "https://www.acme.fr").domainKey())
                .isEqualTo("acme.fr");
    }
}
