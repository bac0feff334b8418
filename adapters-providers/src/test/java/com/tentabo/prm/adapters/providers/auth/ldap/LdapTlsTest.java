package com.tentabo.prm.adapters.providers.auth.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tentabo.prm.application.identity.port.out.AuthProviderGateway.ProviderIdentity;
import com.tentabo.prm.application.provider.ProviderSettings;
import com.tentabo.prm.domain.provider.ProviderType;
import com.tentabo.prm.domain.shared.RetryLaterException;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.SelfSignedCertificateGenerator;
import com.unboundid.util.ObjectPair;
import com.unboundid.util.ssl.KeyStoreKeyManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustAllTrustManager;
import java.io.File;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** ldaps:// and StartTLS against an in-memory directory with a self-signed certificate, which the JVM does not trust. */
class LdapTlsTest {

    static final String BASE_DN = "dc=tls,dc=example";
    static InMemoryDirectoryServer directory;
    static File keyStore;

    @BeforeAll
    static void startDirectory() throws Exception {
        ObjectPair<File, char[]> certificate =
                SelfSignedCertificateGenerator.generateTemporarySelfSignedCertificate("LdapTlsTest", "PKCS12");
        keyStore = certificate.getFirst();
        SSLUtil server = new SSLUtil(
                new KeyStoreKeyManager(keyStore, certificate.getSecond(), "PKCS12", null), new TrustAllTrustManager());
        SSLUtil client = new SSLUtil(new TrustAllTrustManager());
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE_DN);
        InetAddress loopback = InetAddress.getLoopbackAddress();
        config.setListenerConfigs(
                InMemoryListenerConfig.createLDAPSConfig(
                        "ldaps", loopback, 0, server.createSSLServerSocketFactory(), client.createSSLSocketFactory()),
                InMemoryListenerConfig.createLDAPConfig("starttls", loopback, 0, server.createSSLSocketFactory()));
        directory = new InMemoryDirectoryServer(config);
        directory.add("dn: " + BASE_DN, "objectClass: top", "objectClass: domain", "dc: tls");
        directory.add(
                "dn: uid=tess," + BASE_DN,
                "objectClass: inetOrgPerson",
                "uid: tess",
                "cn: Tess Tls",
                "sn: Tls",
                "mail: tess@tls.example",
                "userPassword: tess-password");
        directory.startListening();
    }

    @AfterAll
    static void stopDirectory() {
        directory.shutDown(true);
        keyStore.delete();
    }

    static Optional<ProviderIdentity> signIn(Map<String, Object> configuration) {
        Map<String, Object> all = new HashMap<>(configuration);
        all.put("base_dn", BASE_DN);
        ProviderSettings settings = new ProviderSettings("ldap", ProviderType.AUTH, all, Map.of());
        LdapAuthProviderGatewayTest.FakeConfigs configs = new LdapAuthProviderGatewayTest.FakeConfigs();
        configs.active = settings;
        return new LdapAuthProviderGateway(configs).authenticate("tess", "tess-password");
    }

    static String ldaps() {
        return "ldaps://127.0.0.1:" + directory.getListenPort("ldaps");
    }

    static String startTls() {
        return "ldap://127.0.0.1:" + directory.getListenPort("starttls");
    }

    @Test
    void ldaps_withAnUntrustedCertificate_isUnavailable_andSignsInOnlyWhenTrustingAll() {
        assertThatThrownBy(() -> signIn(Map.of("url", ldaps()))).isInstanceOf(RetryLaterException.class);

        assertThat(signIn(Map.of("url", ldaps(), "trust_all_certificates", true)))
                .map(ProviderIdentity::email)
                .contains("tess@tls.example");
    }

    @Test
    void startTls_withAnUntrustedCertificate_isUnavailable_andSignsInOnlyWhenTrustingAll() {
        assertThatThrownBy(() -> signIn(Map.of("url", startTls(), "start_tls", "true")))
                .isInstanceOf(RetryLaterException.class);

        assertThat(signIn(Map.of("url", startTls(), "start_tls", true, "trust_all_certificates", "true")))
                .map(ProviderIdentity::fullName)
                .contains("Tess Tls");
    }

    @Test
    void startTls_onAnLdapsUrl_isAConfigurationError() {
        // a configuration that cannot work authenticates nobody (docs/ldap.md): no 503, no connection
        assertThat(signIn(Map.of("url", ldaps(), "start_tls", true, "trust_all_certificates", true)))
                .isEmpty();
    }
}
