package com.tentabo.prm.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tentabo.prm.domain.access.Role;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.id.UserId;
import com.tentabo.prm.domain.shared.DomainException;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UserAccountTest {

    private static final Instant NOW = Instant.parse("2026-01-10T10:00:00Z");

    @Test
    void givenFirstLogin_thenUserIsDisabledNeverEnabledAndWithoutCompany() {
        UserAccount user =
                UserAccount.firstLogin(new UserId(UUID.randomUUID()), "ldap", "cn=x", "x@example.com", null, "x", NOW);
        assertThat(user.enabled()).isFalse();
        assertThat(user.enabledAt()).isNull();
        assertThat(user.partnerId()).isNull();
    }

    @Test
    void givenRole_whenCompanyDoesNotMatch_thenRefused() {
        UserAccount user =
                UserAccount.firstLogin(new UserId(UUID.randomUUID()), "ldap", "cn=x", "x@example.com", null, "x", NOW);
        assertThatThrownBy(() -> user.withRole(Role.PARTNER, null, null, NOW)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> user.withRole(Role.DISTRIBUTOR, null, null, NOW))
                .isInstanceOf(DomainException.class);
        PartnerId partner = new PartnerId(UUID.randomUUID());
        assertThat(user.withRole(Role.PARTNER, partner, null, NOW).partnerId()).isEqualTo(partner);
        assertThat(user.withRole(Role.PARTNER, partner, null, NOW)
                        .withRole(Role.FULFILLER, partner, null, NOW)
                        .partnerId())
                .isNull();
    }

    @Test
    void givenEnabledUser_whenDisabled_thenItIsDisabledNotPending() {
        UserAccount user = UserAccount.firstLogin(
                        new UserId(UUID.randomUUID()), "ldap", "cn=x", "x@example.com", null, "x", NOW)
                .withEnablement(true, null, NOW)
                .withEnablement(false, null, NOW.plusSeconds(5));
        assertThat(user.enabled()).isFalse();
        assertThat(user.enabledAt()).isEqualTo(NOW);
    }
}
