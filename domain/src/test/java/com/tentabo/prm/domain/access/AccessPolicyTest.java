package com.tentabo.prm.domain.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tentabo.prm.domain.id.DistributorId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.id.UserId;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AccessPolicyTest {

    private static final PartnerId PARTNER_A = new PartnerId(UUID.randomUUID());
    private static final PartnerId PARTNER_B = new PartnerId(UUID.randomUUID());
    private static final DistributorId DISTRIBUTOR_D = new DistributorId(UUID.randomUUID());
    private static final DistributorId DISTRIBUTOR_E = new DistributorId(UUID.randomUUID());

    private static Caller user(Role role, PartnerId partner, DistributorId distributor, Set<PartnerId> assigned) {
        UUID id = UUID.randomUUID();
        return new Caller(
                PrincipalKind.USER, id, new UserId(id), "u", role, partner, distributor, assigned, null, null);
    }

    private static Caller partnerA() {
        return user(Role.PARTNER, PARTNER_A, null, Set.of());
    }

    private static Caller distributorD(Set<PartnerId> assigned) {
        return user(Role.DISTRIBUTOR, null, DISTRIBUTOR_D, assigned);
    }

    @Test
    void givenPartnerUser_whenRecordBelongsToAnotherPartner_thenOutOfScope() {
        assertThat(AccessPolicy.inScope(partnerA(), TenantRef.of(PARTNER_A, null)))
                .isTrue();
        assertThat(AccessPolicy.inScope(partnerA(), TenantRef.of(PARTNER_A, DISTRIBUTOR_D)))
                .isTrue();
        assertThat(AccessPolicy.inScope(partnerA(), TenantRef.of(PARTNER_B, null)))
                .isFalse();
        assertThat(AccessPolicy.inScope(partnerA(), TenantRef.of(null, DISTRIBUTOR_D)))
                .isFalse();
        assertThat(AccessPolicy.inScope(partnerA(), TenantRef.of(null, null))).isFalse();
    }

    @Test
    void givenRecordReadFromTheDatabase_whenItsIdsEqualTheCallersButAreOtherInstances_thenInScope() {
        TenantRef ofPartnerA = TenantRef.of(new PartnerId(PARTNER_A.value()), null);
        TenantRef ofDistributorD = TenantRef.of(null, new DistributorId(DISTRIBUTOR_D.value()));
        assertThat(AccessPolicy.inScope(partnerA(), ofPartnerA)).isTrue();
        assertThat(AccessPolicy.inScope(distributorD(Set.of(PARTNER_A)), ofPartnerA))
                .isTrue();
        assertThat(AccessPolicy.inScope(distributorD(Set.of()), ofDistributorD)).isTrue();
        assertThat(AccessPolicy.stampTenant(distributorD(Set.of(PARTNER_A)), ofPartnerA))
                .isEqualTo(TenantRef.of(PARTNER_A, DISTRIBUTOR_D));
    }

    @Test
    void givenDistributorUser_whenRecordIsItsOwnOrOfAnActivelyAssignedPartner_thenInScope() {
        Caller caller = distributorD(Set.of(PARTNER_A));
        assertThat(AccessPolicy.inScope(caller, TenantRef.of(null, DISTRIBUTOR_D)))
                .isTrue();
        assertThat(AccessPolicy.inScope(caller, TenantRef.of(PARTNER_A, null))).isTrue();
        assertThat(AccessPolicy.inScope(caller, TenantRef.of(PARTNER_B, null))).isFalse();
        assertThat(AccessPolicy.inScope(caller, TenantRef.of(PARTNER_B, DISTRIBUTOR_E)))
                .isFalse();
    }

    @Test
    void givenDistributorUser_whenAssignmentIsNoLongerActive_thenPartnerRecordsLeaveItsScopeAt404() {
        Caller before = distributorD(Set.of(PARTNER_A));
        Caller after = before.withAssignedPartners(Set.of());
        UUID id = UUID.randomUUID();
        assertThatCode(() -> AccessPolicy.requireInScope(
                        before, TenantRef.of(PARTNER_A, null), ErrorCode.LEAD_NOT_FOUND, "Lead", id))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> AccessPolicy.requireInScope(
                        after, TenantRef.of(PARTNER_A, null), ErrorCode.LEAD_NOT_FOUND, "Lead", id))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.LEAD_NOT_FOUND));
        assertThat(AccessPolicy.scopeOf(after)).isEqualTo(new TenantScope.OfDistributor(DISTRIBUTOR_D, Set.of()));
    }

    @Test
    void givenDistributorUser_whenPartnerRecordIsStampedWithItButPartnerIsNotAssigned_thenOutOfScope() {
        Caller caller = distributorD(Set.of(PARTNER_A));
        assertThat(AccessPolicy.inScope(caller, TenantRef.of(PARTNER_B, DISTRIBUTOR_D)))
                .isFalse();
        assertThat(AccessPolicy.inScope(caller, TenantRef.of(PARTNER_A, DISTRIBUTOR_E)))
                .isTrue();
        assertThat(AccessPolicy.inScope(caller, TenantRef.of(null, DISTRIBUTOR_E)))
                .isFalse();
        assertThat(AccessPolicy.inScope(caller.withAssignedPartners(Set.of()), TenantRef.of(PARTNER_A, DISTRIBUTOR_D)))
                .isFalse();
    }

    @Test
    void givenWriteOnlyKey_whenCapabilityReads_thenRefusedEvenForAdmin() {
        Caller admin = user(Role.ADMIN, null, null, Set.of()).withScopes(Set.of(ApiScope.WRITE));
        assertThat(AccessPolicy.can(admin, Capability.ORDERS_READ)).isFalse();
        assertThat(AccessPolicy.can(admin, Capability.ORDERS_WRITE)).isTrue();
        assertThatThrownBy(() -> AccessPolicy.require(admin, Capability.LEADS_READ))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN));
    }

    @Test
    void givenRoleTable_whenWritingNotesPinningOrSettingTaxRates_thenOnlyTheRolesOfTheTable() {
        for (Role role : Role.values()) {
            Caller caller = user(
                    role,
                    role == Role.PARTNER ? PARTNER_A : null,
                    role == Role.DISTRIBUTOR ? DISTRIBUTOR_D : null,
                    Set.of());
            boolean staff = role == Role.ADMIN || role == Role.RESTRICTED_ADMIN || role == Role.FULFILLER;
            assertThat(AccessPolicy.can(caller, Capability.ORDER_NOTES_WRITE))
                    .as(role.name())
                    .isEqualTo(role != Role.DISTRIBUTOR);
            assertThat(AccessPolicy.can(caller, Capability.CONTRACT_NOTES_WRITE))
                    .as(role.name())
                    .isEqualTo(role == Role.ADMIN || role == Role.FULFILLER);
            assertThat(AccessPolicy.can(caller, Capability.NOTES_PIN))
                    .as(role.name())
                    .isEqualTo(staff);
            assertThat(AccessPolicy.can(caller, Capability.ORDERS_TAX_RATE))
                    .as(role.name())
                    .isEqualTo(role == Role.ADMIN || role == Role.RESTRICTED_ADMIN);
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = Role.class,
            names = {"ADMIN", "RESTRICTED_ADMIN", "FULFILLER"})
    void givenCompanyLessRole_whenAnyRecord_thenInScopeAndListsUnrestricted(Role role) {
        Caller caller = user(role, null, null, Set.of());
        assertThat(AccessPolicy.inScope(caller, TenantRef.of(PARTNER_B, DISTRIBUTOR_E)))
                .isTrue();
        assertThat(AccessPolicy.scopeOf(caller)).isInstanceOf(TenantScope.Everything.class);
    }

    @Test
    void givenReadOnlyKey_whenCapabilityWrites_thenRefusedEvenForAdmin() {
        Caller admin = user(Role.ADMIN, null, null, Set.of()).withScopes(Set.of(ApiScope.READ));
        assertThat(AccessPolicy.can(admin, Capability.USERS_READ)).isTrue();
        assertThat(AccessPolicy.can(admin, Capability.USERS_MANAGE)).isFalse();
        assertThatThrownBy(() -> AccessPolicy.require(admin, Capability.CATALOG_WRITE))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN));
    }

    @Test
    void givenRoleTable_whenCheckingUserAdministration_thenOnlyAdminsManageAndOnlyAdminReadsAdminAccounts() {
        for (Role role : Role.values()) {
            Caller caller = user(
                    role,
                    role == Role.PARTNER ? PARTNER_A : null,
                    role == Role.DISTRIBUTOR ? DISTRIBUTOR_D : null,
                    Set.of());
            boolean admin = role == Role.ADMIN || role == Role.RESTRICTED_ADMIN;
            assertThat(AccessPolicy.can(caller, Capability.USERS_MANAGE))
                    .as(role.name())
                    .isEqualTo(admin);
            assertThat(AccessPolicy.can(caller, Capability.ADMIN_USERS_MANAGE))
                    .as(role.name())
                    .isEqualTo(role == Role.ADMIN);
            assertThat(AccessPolicy.can(caller, Capability.OWN_API_KEYS_MANAGE))
                    .as(role.name())
                    .isTrue();
        }
    }

    @Test
    void givenRestrictedAdmin_whenGrantingAdminOrTouchingAnAdminOrItself_thenForbidden() {
        Caller restricted = user(Role.RESTRICTED_ADMIN, null, null, Set.of());
        UserId other = new UserId(UUID.randomUUID());
        assertThatCode(() -> AccessPolicy.requireMayAdministerUser(restricted, other, Role.PARTNER, Role.FULFILLER))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> AccessPolicy.requireMayAdministerUser(restricted, other, Role.PARTNER, Role.ADMIN))
                .hasMessageContaining("cannot grant the ADMIN role");
        assertThatThrownBy(() -> AccessPolicy.requireMayAdministerUser(restricted, other, Role.ADMIN, null))
                .hasMessageContaining("cannot change an ADMIN");
        assertThatThrownBy(() -> AccessPolicy.requireMayAdministerUser(
                        restricted, restricted.userId(), Role.RESTRICTED_ADMIN, null))
                .hasMessageContaining("its own account");
        assertThatThrownBy(() -> AccessPolicy.requireMayAdministerUser(restricted, null, null, Role.ADMIN))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN));
    }

    @Test
    void givenAdmin_whenAdministeringAnyone_thenAllowed() {
        Caller admin = Caller.of(PrincipalKind.ADMIN_USER, UUID.randomUUID(), null, "admin", Role.ADMIN, null, null);
        assertThatCode(() -> AccessPolicy.requireMayAdministerUser(
                        admin, new UserId(UUID.randomUUID()), Role.ADMIN, Role.ADMIN))
                .doesNotThrowAnyException();
    }

    @Test
    void givenPartnerOrDistributor_whenReadingUsers_thenOnlyColleaguesInScopeElse404_andFulfiller403() {
        UserId userId = new UserId(UUID.randomUUID());
        assertThatCode(() -> AccessPolicy.requireMayReadUser(partnerA(), userId, TenantRef.of(PARTNER_A, null)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> AccessPolicy.requireMayReadUser(partnerA(), userId, TenantRef.of(PARTNER_B, null)))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USER_NOT_FOUND));
        assertThatThrownBy(() -> AccessPolicy.requireMayReadUser(partnerA(), userId, TenantRef.of(null, null)))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USER_NOT_FOUND));
        assertThatCode(() -> AccessPolicy.requireMayReadUser(
                        distributorD(Set.of(PARTNER_B)), userId, TenantRef.of(PARTNER_B, null)))
                .doesNotThrowAnyException();
        Caller fulfiller = user(Role.FULFILLER, null, null, Set.of());
        assertThatThrownBy(() -> AccessPolicy.requireMayReadUser(fulfiller, userId, TenantRef.of(PARTNER_A, null)))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN));
    }

    @Test
    void givenPartnerUser_whenCreatingForAnotherPartner_then404_andOwnCompanyIsStamped() {
        assertThat(AccessPolicy.stampTenant(partnerA(), null)).isEqualTo(TenantRef.of(PARTNER_A, null));
        assertThatThrownBy(() -> AccessPolicy.stampTenant(partnerA(), TenantRef.of(PARTNER_B, null)))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PARTNER_NOT_FOUND));
        Caller distributor = distributorD(Set.of(PARTNER_A));
        assertThat(AccessPolicy.stampTenant(distributor, TenantRef.of(PARTNER_A, DISTRIBUTOR_E)))
                .isEqualTo(TenantRef.of(PARTNER_A, DISTRIBUTOR_D));
        assertThatThrownBy(() -> AccessPolicy.stampTenant(distributor, TenantRef.of(PARTNER_B, null)))
                .isInstanceOf(DomainException.class);
    }
}
