package com.tentabo.prm.bootstrap.support;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldif.LDIFException;
import java.net.InetAddress;
import java.util.UUID;
import javax.sql.DataSource;

/** An in-memory LDAP directory on a free loopback port, and the active AUTH provider row that points at it. */
public final class TestLdap {

    private TestLdap() {}

    /**
     * A directory holding only its base entry ({@code dc=…,dc=example}), not yet listening: the test adds its people,
     * then calls {@code startListening()}.
     */
    public static InMemoryDirectoryServer directory(String baseDn) throws LDAPException, LDIFException {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(baseDn);
        config.setListenerConfigs(
                InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0, null));
        InMemoryDirectoryServer directory = new InMemoryDirectoryServer(config);
        String dc = baseDn.substring("dc=".length(), baseDn.indexOf(','));
        directory.add("dn: " + baseDn, "objectClass: top", "objectClass: domain", "dc: " + dc);
        return directory;
    }

    /**
     * An active LDAP provider named {@code name} at {@code url} under {@code baseDn} (2 s timeout), with its
     * credentials stored as given; delete it after the test ({@link TestProviders#delete}).
     */
    public static UUID activate(DataSource ds, String name, String url, String baseDn, String credentialsJson) {
        return TestProviders.activeAsStored(
                ds,
                "AUTH",
                name,
                "{\"url\": \"" + url + "\", \"base_dn\": \"" + baseDn + "\", \"timeout_seconds\": 2}",
                credentialsJson);
    }
}
