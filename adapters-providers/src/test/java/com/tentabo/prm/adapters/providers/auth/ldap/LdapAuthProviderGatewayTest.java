package com.tentabo.prm.adapters.providers.auth.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.tentabo.prm.application.identity.port.out.AuthProviderGateway.ProviderIdentity;
import com.tentabo.prm.application.provider.ProviderFailure;
import com.tentabo.prm.application.provider.ProviderHealth;
import com.tentabo.prm.application.provider.ProviderSettings;
import com.tentabo.prm.application.provider.port.out.ProviderConfigDirectory;
import com.tentabo.prm.domain.provider.ProviderType;
import com.tentabo.prm.domain.shared.ErrorCode;
import com.tentabo.prm.domain.shared.RetryLaterException;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSimpleBindRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldif.LDIFReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Search-then-bind against an in-memory directory loaded from {@code ldap/directory.ldif}. */
class LdapAuthProviderGatewayTest {

    static final String BASE_DN = "dc=example,dc=com";
    static final String SERVICE_DN = "cn=prm-service,ou=system,dc=example,dc=com";
    static final String SERVICE_PASSWORD = "service-secret";
    static final String ALICE_DN = "uid=alice,ou=people,dc=example,dc=com";
    static final String ALICE_PASSWORD = "alice-password-1";
    static final String BOB_PASSWORD = "bob-password-2";

    static final List<String> BINDS = new CopyOnWriteArrayList<>();
    static InMemoryDirectoryServer directory;
    static int port;

    final FakeConfigs configs = new FakeConfigs();
    final LdapAuthProviderGateway gateway = new LdapAuthProviderGateway(configs);
    final LogCapture logs = new LogCapture(LdapAuthProviderGateway.class.getPackageName());

    @BeforeAll
    static void startDirectory() throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE_DN);
        config.setListenerConfigs(
                InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0, null));
        config.addInMemoryOperationInterceptor(new InMemoryOperationInterceptor() {
            @Override
            public void processSimpleBindRequest(InMemoryInterceptedSimpleBindRequest request) {
                BINDS.add(request.getRequest().getBindDN());
                if (request.getRequest().getPassword().getValueLength() == 0) {
                    // like many real directories, take a name with an empty password as an anonymous bind that
                    // succeeds (RFC 4513 §5.1.2); the in-memory server alone would refuse it
                    request.setRequest(new SimpleBindRequest());
                }
            }
        });
        directory = new InMemoryDirectoryServer(config);
        try (InputStream ldif = LdapAuthProviderGatewayTest.class.getResourceAsStream("/ldap/directory.ldif")) {
            directory.importFromLDIF(true, new LDIFReader(ldif));
        }
        directory.startListening();
        port = directory.getListenPort();
    }

    @AfterAll
    static void stopDirectory() {
        directory.shutDown(true);
    }

    @BeforeEach
    void activateLdap() {
        BINDS.clear();
        configs.active = ldap("oxiadmin_ldap", Map.of());
    }

    @AfterEach
    void nothingSecretWasLogged() {
        logs.close();
        assertThat(logs.text())
                .doesNotContain(ALICE_PASSWORD)
                .doesNotContain(BOB_PASSWORD)
                .doesNotContain(SERVICE_PASSWORD)
                .doesNotContain("wrong-password");
    }

    static ProviderSettings ldap(String name, Map<String, Object> overrides) {
        return ldap(name, overrides, Map.of("bind_dn", SERVICE_DN, "bind_password", SERVICE_PASSWORD));
    }

    static ProviderSettings ldap(String name, Map<String, Object> overrides, Map<String, String> credentials) {
        Map<String, Object> configuration = new HashMap<>();
        configuration.put("url", "ldap://127.0.0.1:" + port);
        configuration.put("base_dn", BASE_DN);
        configuration.putAll(overrides);
        return new ProviderSettings(name, ProviderType.AUTH, configuration, credentials);
    }

    @Test
    void rightPassword_givesTheEntryUuidAsStableId_withMailAndFullName_underTheActiveProvidersName() throws Exception {
        Optional<ProviderIdentity> identity = gateway.authenticate("alice", ALICE_PASSWORD);

        String entryUuid = directory.getEntry(ALICE_DN, "entryUUID").getAttributeValue("entryUUID");
        assertThat(entryUuid).isNotBlank();
        assertThat(identity)
                .contains(new ProviderIdentity(
                        "oxiadmin_ldap", entryUuid, "alice", "alice.martin@example.com", "Alice Martin"));
        assertThat(BINDS).containsExactly(SERVICE_DN, ALICE_DN);
        assertThat(gateway.providerName()).isEqualTo("ldap");
    }

    @Test
    void anEntryWithoutMail_givesNoEmail_andAnIdAttributeItLacks_fallsBackToTheDn() {
        configs.active = ldap("ldap", Map.of("id_attribute", "employeeNumber"));

        assertThat(gateway.authenticate("bob", BOB_PASSWORD))
                .contains(new ProviderIdentity("ldap", "uid=bob,ou=people,dc=example,dc=com", "bob", null, "bob"));
    }

    @Test
    void wrongPassword_isEmpty() {
        assertThat(gateway.authenticate("alice", "wrong-password")).isEmpty();
        assertThat(gateway.authenticate("alice", BOB_PASSWORD)).isEmpty();
        assertThat(BINDS).contains(ALICE_DN);
    }

    @Test
    void unknownUser_isEmpty_withoutBindingAsAnyone() {
        assertThat(gateway.authenticate("mallory", ALICE_PASSWORD)).isEmpty();
        assertThat(BINDS).containsExactly(SERVICE_DN);
    }

    @Test
    void anEmptyPasswordBindIsAnonymousAndSucceeds_soABlankPasswordNeverReachesTheDirectory() throws Exception {
        // the bypass being guarded against: the directory itself "accepts" alice with no password
        LDAPConnectionOptions lenient = new LDAPConnectionOptions();
        lenient.setBindWithDNRequiresPassword(false);
        try (LDAPConnection raw = new LDAPConnection(lenient, "127.0.0.1", port)) {
            assertThat(raw.bind(new SimpleBindRequest(ALICE_DN, "")).getResultCode())
                    .isEqualTo(ResultCode.SUCCESS);
        }
        BINDS.clear();

        assertThat(gateway.authenticate("alice", "")).isEmpty();
        assertThat(gateway.authenticate("alice", "   ")).isEmpty();
        assertThat(gateway.authenticate("alice", null)).isEmpty();
        assertThat(gateway.authenticate(" ", ALICE_PASSWORD)).isEmpty();
        assertThat(BINDS).isEmpty();
        assertThat(configs.reads).isZero();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "*",
                "al*",
                "*)(uid=*",
                ")(uid=*",
                "alice)(uid=*",
                "*)(|(uid=*)",
                "\\00",
                "alice\u0000",
                "alice)(objectClass=*",
                "\\2a"
            })
    void filterInjection_matchesNobody(String username) {
        assertThat(gateway.authenticate(username, ALICE_PASSWORD)).isEmpty();
        assertThat(gateway.authenticate(username, BOB_PASSWORD)).isEmpty();
        assertThat(BINDS).containsOnly(SERVICE_DN);
    }

    @Test
    void twoEntriesMatchingTheUsername_isEmpty_andWarnsWithoutThePassword() {
        assertThat(gateway.authenticate("twin", "twin-password")).isEmpty();

        assertThat(BINDS).containsExactly(SERVICE_DN);
        assertThat(logs.text()).contains("several entries").contains("twin").doesNotContain("twin-password");
    }

    @Test
    void refusedServiceAccount_isServiceUnavailable_namingNoSecret() {
        configs.active =
                ldap("oxiadmin_ldap", Map.of(), Map.of("bind_dn", SERVICE_DN, "bind_password", "wrong-password"));

        RetryLaterException refused =
                catchThrowableOfType(RetryLaterException.class, () -> gateway.authenticate("alice", ALICE_PASSWORD));

        assertThat(refused.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
        assertThat(refused.retryAfterSeconds()).isPositive();
        assertThat(String.valueOf(refused)).doesNotContain("wrong-password").doesNotContain(ALICE_PASSWORD);
        assertThat(logs.text())
                .contains("did not accept the service account")
                .contains(SERVICE_DN)
                .contains(ResultCode.INVALID_CREDENTIALS.getName());
    }

    @Test
    void withoutServiceAccount_theSearchIsAnonymous() {
        configs.active = ldap("oxiadmin_ldap", Map.of(), Map.of());

        assertThat(gateway.authenticate("alice", ALICE_PASSWORD))
                .map(ProviderIdentity::email)
                .contains("alice.martin@example.com");
        assertThat(BINDS).containsExactly(ALICE_DN);
    }

    @Test
    void unreachableDirectory_isServiceUnavailable_notAWrongPassword() throws IOException {
        configs.active = ldap("oxiadmin_ldap", Map.of("url", "ldap://127.0.0.1:" + closedPort()));

        assertThatThrownBy(() -> gateway.authenticate("alice", ALICE_PASSWORD))
                .isInstanceOfSatisfying(
                        RetryLaterException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE))
                .hasMessageNotContaining(ALICE_PASSWORD)
                .hasMessageNotContaining(SERVICE_PASSWORD);
        assertThat(logs.text()).contains("cannot be reached");
    }

    @Test
    void aDirectoryThatNeverAnswers_timesOutAsConfigured() throws IOException {
        // the kernel accepts the connection into the backlog; nothing ever reads or answers
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            configs.active = ldap(
                    "oxiadmin_ldap", Map.of("url", "ldap://127.0.0.1:" + silent.getLocalPort(), "timeout_seconds", 1));
            long started = System.nanoTime();

            assertThatThrownBy(() -> gateway.authenticate("alice", ALICE_PASSWORD))
                    .isInstanceOf(RetryLaterException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
        }
    }

    @Test
    void severalUrls_failOverToTheNextServer() throws IOException {
        configs.active =
                ldap("oxiadmin_ldap", Map.of("url", "ldap://127.0.0.1:" + closedPort() + "  ldap://127.0.0.1:" + port));

        assertThat(gateway.authenticate("alice", ALICE_PASSWORD)).isPresent();
    }

    @Test
    void noActiveAuthProvider_orANonLdapOne_isEmpty_withoutConnecting() throws IOException {
        String nowhere = "ldap://127.0.0.1:" + closedPort();
        configs.active = null;
        assertThat(gateway.authenticate("alice", ALICE_PASSWORD)).isEmpty();

        configs.active = ldap("keycloak_oidc", Map.of("url", nowhere));
        assertThat(gateway.authenticate("alice", ALICE_PASSWORD)).isEmpty();

        configs.active = ldap("database", Map.of("url", nowhere, "type", "database"));
        assertThat(gateway.authenticate("alice", ALICE_PASSWORD)).isEmpty();
        assertThat(BINDS).isEmpty();
    }

    @Test
    void aProviderOfTypeLdap_isUsedWhateverItsName() {
        configs.active = ldap("corporate-directory", Map.of("type", "LDAP"));

        assertThat(gateway.authenticate("alice", ALICE_PASSWORD))
                .map(ProviderIdentity::provider)
                .contains("corporate-directory");
    }

    @Test
    void aUserFilterWithoutTheUsername_isRefusedAsMisconfigured() {
        // (objectClass=person) alone would find the same entry for every username
        configs.active = ldap("oxiadmin_ldap", Map.of("user_filter", "(uid=alice)"));

        assertThat(gateway.authenticate("bob", ALICE_PASSWORD)).isEmpty();
        assertThat(BINDS).isEmpty();
        assertThat(logs.text()).contains("user_filter must contain {0}").contains("nobody signs in through it");
    }

    @Test
    void anActiveRowWithoutUrl_authenticatesNobody_andItsHealthCheckSaysWhy() {
        // as the replaced system's adopted provider_configs row may be: active, no url
        ProviderSettings adopted = new ProviderSettings(
                "oxiadmin_ldap", ProviderType.AUTH, Map.of("base_dn", "dc=example,dc=com"), Map.of());
        configs.active = adopted;

        assertThat(gateway.authenticate("alice", ALICE_PASSWORD)).isEmpty();
        assertThat(gateway.authenticate("alice", "wrong")).isEmpty();
        assertThat(BINDS).isEmpty();
        assertThat(logs.text()).contains("oxiadmin_ldap cannot be used").contains("url is missing");

        assertThat(gateway.checks(adopted)).isTrue();
        assertThatThrownBy(() -> gateway.check(adopted))
                .isInstanceOfSatisfying(
                        ProviderFailure.class, f -> assertThat(f.isRetryable()).isFalse())
                .hasMessageContaining("url is missing");
    }

    @Test
    void healthCheck_bindsTheServiceAccount_andSaysWhenTheDirectoryIsDown() throws IOException {
        ProviderSettings working =
                ldap("oxiadmin_ldap", Map.of(), Map.of("bind_dn", SERVICE_DN, "bind_password", SERVICE_PASSWORD));
        assertThat(gateway.check(working)).containsEntry("servers", 1).containsEntry("service_account", true);
        assertThat(BINDS).containsExactly(SERVICE_DN);

        ProviderSettings down = ldap("oxiadmin_ldap", Map.of("url", "ldap://127.0.0.1:" + closedPort()));
        assertThatThrownBy(() -> gateway.check(down))
                .isInstanceOfSatisfying(
                        ProviderFailure.class, f -> assertThat(f.isRetryable()).isTrue());
        assertThat(gateway.checks(ldap("keycloak_oidc", Map.of()))).isFalse();
    }

    @Test
    void aCustomUserFilter_isUsedWithTheEscapedUsername() {
        configs.active = ldap("oxiadmin_ldap", Map.of("user_filter", "(&(objectClass=inetOrgPerson)(mail={0}))"));

        assertThat(gateway.authenticate("alice.martin@example.com", ALICE_PASSWORD))
                .map(ProviderIdentity::username)
                .contains("alice.martin@example.com");
        assertThat(gateway.authenticate("*@example.com", ALICE_PASSWORD)).isEmpty();
    }

    @Test
    void undecryptableCredentials_failTheLdapProviderOnly() {
        configs.undecryptable = true;
        assertThat(gateway.authenticate("alice", ALICE_PASSWORD)).isEmpty();
        assertThat(logs.text()).contains("cannot be decrypted");

        configs.active = ldap("keycloak_oidc", Map.of());
        assertThat(gateway.authenticate("alice", ALICE_PASSWORD)).isEmpty();
    }

    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The active AUTH provider of the tests; can pretend its credentials do not decrypt. */
    static final class FakeConfigs implements ProviderConfigDirectory {
        ProviderSettings active;
        boolean undecryptable;
        int reads;

        @Override
        public Optional<String> activeProviderName(ProviderType type) {
            return Optional.ofNullable(active).map(ProviderSettings::name);
        }

        @Override
        public Optional<ProviderSettings> activeSettings(ProviderType type) {
            reads++;
            if (undecryptable && active != null) {
                throw ProviderFailure.permanent("the credentials of provider '" + active.name()
                        + "' cannot be decrypted with the configured key (PRM_PROVIDER_CREDENTIALS_KEY)");
            }
            return Optional.ofNullable(active);
        }

        @Override
        public Optional<ProviderSettings> activeSettingsNamed(String providerName) {
            return activeSettings(ProviderType.AUTH)
                    .filter(settings -> settings.name().equalsIgnoreCase(providerName));
        }

        @Override
        public Optional<String> activeVersionNamed(String providerName) {
            return Optional.ofNullable(active)
                    .filter(settings -> settings.name().equalsIgnoreCase(providerName))
                    .map(settings -> settings.name() + settings.configuration() + settings.credentials());
        }

        @Override
        public void recordHealth(
                ProviderType type, String providerName, ProviderHealth status, java.time.Instant at, String error) {
            // no health is kept by these tests
        }
    }
}
