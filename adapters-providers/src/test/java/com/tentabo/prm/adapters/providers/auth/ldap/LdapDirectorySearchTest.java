package com.tentabo.prm.adapters.providers.auth.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tentabo.prm.application.identity.port.out.UserDirectoryGateway.DirectoryEntry;
import com.tentabo.prm.application.identity.port.out.UserDirectoryGateway.DirectorySearch;
import com.tentabo.prm.application.provider.ProviderSettings;
import com.tentabo.prm.domain.provider.ProviderType;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import com.tentabo.prm.domain.shared.RetryLaterException;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The directory search and entry lookup of the LDAP provider, against an in-memory directory of 40 people. */
class LdapDirectorySearchTest {

    static final String BASE_DN = "dc=search,dc=example";
    static final String SERVICE_DN = "cn=prm,dc=search,dc=example";
    static final String SERVICE_PASSWORD = "search-service-secret";
    static InMemoryDirectoryServer directory;
    static int port;

    final LdapAuthProviderGatewayTest.FakeConfigs configs = new LdapAuthProviderGatewayTest.FakeConfigs();
    final LdapAuthProviderGateway gateway = new LdapAuthProviderGateway(configs);
    final LogCapture logs = new LogCapture(LdapAuthProviderGateway.class.getPackageName());

    @BeforeAll
    static void startDirectory() throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE_DN);
        config.setListenerConfigs(
                InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0, null));
        directory = new InMemoryDirectoryServer(config);
        populate(directory);
        directory.startListening();
        port = directory.getListenPort();
    }

    static void populate(InMemoryDirectoryServer directory) throws Exception {
        directory.add("dn: " + BASE_DN, "objectClass: top", "objectClass: domain", "dc: search");
        directory.add("dn: ou=people," + BASE_DN, "objectClass: top", "objectClass: organizationalUnit", "ou: people");
        directory.add(
                "dn: " + SERVICE_DN,
                "objectClass: person",
                "cn: prm",
                "sn: Service",
                "userPassword: " + SERVICE_PASSWORD);
        for (int i = 1; i <= 40; i++) {
            String uid = String.format("sales%02d", i);
            directory.add(
                    "dn: uid=" + uid + ",ou=people," + BASE_DN,
                    "objectClass: inetOrgPerson",
                    "uid: " + uid,
                    "cn: Sales Person " + i,
                    "sn: Person",
                    "mail: " + uid + "@search.example");
        }
        directory.add(
                "dn: uid=zoe,ou=people," + BASE_DN,
                "objectClass: inetOrgPerson",
                "uid: zoe",
                "cn: Zoé Lefèvre",
                "sn: Lefèvre",
                "mail: zoe.lefevre@search.example");
        directory.add(
                "dn: uid=star,ou=people," + BASE_DN,
                "objectClass: inetOrgPerson",
                "uid: star",
                "cn: Star (*) Paren",
                "sn: Paren");
        // not a person: the user filter keeps it out of every search
        directory.add("dn: cn=sales-printer," + BASE_DN, "objectClass: device", "cn: sales-printer");
    }

    @AfterAll
    static void stopDirectory() {
        directory.shutDown(true);
    }

    @BeforeEach
    void activateLdap() {
        configs.active = ldap(Map.of());
    }

    @AfterEach
    void nothingSecretWasLogged() {
        logs.close();
        assertThat(logs.text()).doesNotContain(SERVICE_PASSWORD);
    }

    static ProviderSettings ldap(Map<String, Object> overrides) {
        Map<String, Object> configuration = new HashMap<>();
        configuration.put("url", "ldap://127.0.0.1:" + port);
        configuration.put("base_dn", BASE_DN);
        configuration.putAll(overrides);
        return new ProviderSettings(
                "corp_ldap",
                ProviderType.AUTH,
                configuration,
                Map.of("bind_dn", SERVICE_DN, "bind_password", SERVICE_PASSWORD));
    }

    @Test
    void searchByName_mailOrUid_givesTheEntryWithItsStableId() throws Exception {
        String zoeUuid =
                directory.getEntry("uid=zoe,ou=people," + BASE_DN, "entryUUID").getAttributeValue("entryUUID");
        DirectoryEntry zoe =
                new DirectoryEntry("corp_ldap", zoeUuid, "zoe", "zoe.lefevre@search.example", "Zoé Lefèvre");

        for (String text : new String[] {"zoe", "ZOE", "Lefèvre", "lefevre@search", "é Le"}) {
            DirectorySearch found = gateway.search(text, 25);
            assertThat(found.entries()).as(text).containsExactly(zoe);
            assertThat(found.truncated()).isFalse();
            assertThat(found.provider()).isEqualTo("corp_ldap");
        }
    }

    @Test
    void moreMatchesThanTheLimit_showsTheLimit_andSaysSo() {
        DirectorySearch many = gateway.search("sales", 25);
        assertThat(many.entries())
                .hasSize(25)
                .allSatisfy(e -> assertThat(e.username()).startsWith("sales"));
        assertThat(many.truncated()).isTrue();

        DirectorySearch exactly = gateway.search("sales1", 10);
        assertThat(exactly.entries())
                .extracting(DirectoryEntry::username)
                .hasSize(10)
                .allMatch(u -> u.startsWith("sales1"));
        assertThat(exactly.truncated()).isFalse();
    }

    @Test
    void aDirectorySizeLimitBelowOurs_stillGivesWhatItSent_andSaysTruncated() throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE_DN);
        config.setListenerConfigs(
                InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0, null));
        config.setMaxSizeLimit(5);
        InMemoryDirectoryServer limitedDirectory = new InMemoryDirectoryServer(config);
        populate(limitedDirectory);
        limitedDirectory.startListening();
        try {
            configs.active = ldap(Map.of("url", "ldap://127.0.0.1:" + limitedDirectory.getListenPort()));
            DirectorySearch limited = gateway.search("sales", 25);
            assertThat(limited.entries()).hasSize(5);
            assertThat(limited.truncated()).isTrue();
        } finally {
            limitedDirectory.shutDown(true);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"**", "*)(uid=*", ")(uid=*", "*)(|(uid=*)", "sales*", "\\2a", "a\u0000", "\\", "((", "))"})
    void hostileText_isAValueNeverFilterSyntax(String text) {
        assertThat(gateway.search(text, 25).entries()).isEmpty();
    }

    @Test
    void filterCharacters_matchLiterally() {
        assertThat(gateway.search("(*)", 25).entries())
                .extracting(DirectoryEntry::username)
                .containsExactly("star");
        assertThat(gateway.search("(*)", 25).entries().get(0).email()).isNull();
    }

    @Test
    void entryById_findsThePerson_andNobodyForAnUnknownOrWildcardId() throws Exception {
        String uuid = directory
                .getEntry("uid=sales07,ou=people," + BASE_DN, "entryUUID")
                .getAttributeValue("entryUUID");

        assertThat(gateway.entry(uuid)).map(DirectoryEntry::username).contains("sales07");
        assertThat(gateway.entry("00000000-0000-0000-0000-000000000000")).isEmpty();
        assertThat(gateway.entry("*")).isEmpty();
        assertThat(gateway.entry("cn=sales-printer," + BASE_DN)).isEmpty();
    }

    @Test
    void withoutTheIdAttribute_theEntryIsKnownByItsDn_asItsSignInNamesIt() {
        configs.active = ldap(Map.of("id_attribute", "employeeNumber"));
        String dn = "uid=sales08,ou=people," + BASE_DN;

        assertThat(gateway.search("sales08", 25).entries())
                .extracting(DirectoryEntry::providerId)
                .containsExactly(dn);
        assertThat(gateway.entry(dn)).map(DirectoryEntry::email).contains("sales08@search.example");
        assertThat(gateway.entry("uid=sales08,dc=elsewhere")).isEmpty();
    }

    @Test
    void unreachableDirectory_isServiceUnavailable() throws Exception {
        configs.active = ldap(Map.of("url", "ldap://127.0.0.1:" + LdapAuthProviderGatewayTest.closedPort()));

        assertThatThrownBy(() -> gateway.search("sales", 25))
                .isInstanceOfSatisfying(
                        RetryLaterException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE));
        assertThatThrownBy(() -> gateway.entry("x")).isInstanceOf(RetryLaterException.class);
    }

    @Test
    void noActiveLdapProvider_orAnUnusableOne_isDirectoryNotConfigured() {
        configs.active = null;
        assertThatThrownBy(() -> gateway.search("sales", 25))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DIRECTORY_NOT_CONFIGURED));

        configs.active = new ProviderSettings("keycloak_oidc", ProviderType.AUTH, Map.of(), Map.of());
        assertThatThrownBy(() -> gateway.search("sales", 25))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DIRECTORY_NOT_CONFIGURED));

        configs.active = new ProviderSettings("corp_ldap", ProviderType.AUTH, Map.of("base_dn", BASE_DN), Map.of());
        assertThatThrownBy(() -> gateway.entry("x"))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DIRECTORY_NOT_CONFIGURED))
                .hasMessageContaining("url is missing");
    }
}
