package com.tentabo.prm.adapters.providers.auth.ldap;

import com.tentabo.prm.application.provider.ProviderSettings;
import com.unboundid.ldap.sdk.FailoverServerSet;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.PostConnectProcessor;
import com.unboundid.ldap.sdk.ServerSet;
import com.unboundid.ldap.sdk.SingleServerSet;
import com.unboundid.ldap.sdk.StartTLSPostConnectProcessor;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustAllTrustManager;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

/**
 * The configuration of an LDAP auth provider, read from its {@code provider_configs} row and checked once per login.
 * A configuration that cannot work throws {@link IllegalArgumentException} naming the key, never a credential.
 * {@link #toString()} hides the service account's password.
 */
record LdapSettings(
        String providerName,
        List<LDAPURL> urls,
        boolean startTls,
        String baseDn,
        String userFilter,
        String idAttribute,
        String emailAttribute,
        String nameAttribute,
        int timeoutSeconds,
        boolean trustAllCertificates,
        String bindDn,
        String bindPassword) {

    static final String DEFAULT_USER_FILTER = "(&(objectClass=person)(uid={0}))";
    static final String USERNAME_PLACEHOLDER = "{0}";
    private static final Pattern USERNAME_COMPARISON = Pattern.compile("\\(([A-Za-z][A-Za-z0-9;.-]*)=\\{0\\}\\)");

    LdapSettings {
        urls = List.copyOf(urls);
    }

    /** Whether the active AUTH provider is an LDAP one: named {@code ldap} or {@code …_ldap}, or of {@code type} ldap. */
    static boolean isLdap(ProviderSettings settings) {
        return isLdapName(settings.name())
                || "ldap".equalsIgnoreCase(settings.setting("type", "").strip());
    }

    static boolean isLdapName(String providerName) {
        String name = providerName.strip().toLowerCase(Locale.ROOT);
        return name.equals("ldap") || name.endsWith("_ldap");
    }

    static LdapSettings of(ProviderSettings settings) {
        List<LDAPURL> urls = urls(settings.setting("url", null));
        boolean startTls = flag(settings, "start_tls");
        if (startTls && urls.stream().anyMatch(url -> url.getScheme().equals("ldaps"))) {
            throw new IllegalArgumentException("start_tls applies to ldap:// URLs only, not to ldaps://");
        }
        String baseDn = settings.setting("base_dn", null);
        if (baseDn == null) {
            throw new IllegalArgumentException("base_dn is missing");
        }
        String userFilter = settings.setting("user_filter", DEFAULT_USER_FILTER).strip();
        checkFilter(userFilter);
        int timeoutSeconds = timeoutSeconds(settings.setting("timeout_seconds", "5"));
        String bindDn = settings.credentials().get("bind_dn");
        String bindPassword = settings.credentials().get("bind_password");
        if (bindDn != null && !bindDn.isBlank() && (bindPassword == null || bindPassword.isEmpty())) {
            throw new IllegalArgumentException("credentials have a bind_dn without a bind_password");
        }
        boolean anonymous = bindDn == null || bindDn.isBlank();
        return new LdapSettings(
                settings.name(),
                urls,
                startTls,
                baseDn.strip(),
                userFilter,
                settings.setting("id_attribute", "entryUUID").strip(),
                settings.setting("email_attribute", "mail").strip(),
                settings.setting("name_attribute", "cn").strip(),
                timeoutSeconds,
                flag(settings, "trust_all_certificates"),
                anonymous ? null : bindDn.strip(),
                anonymous ? null : bindPassword);
    }

    /** The user filter with {@code {0}} replaced by the username escaped as an RFC 4515 assertion value. */
    Filter filterFor(String username) {
        try {
            return Filter.create(userFilter.replace(USERNAME_PLACEHOLDER, Filter.encodeValue(username)));
        } catch (LDAPException e) {
            throw new IllegalArgumentException("user_filter is not a valid LDAP filter", e);
        }
    }

    /**
     * The filter of a directory search: the entries the user filter admits (any username) whose username, name or
     * e-mail contain {@code text}, escaped as an RFC 4515 assertion value ({@code * ( ) \} and NUL never act as
     * filter syntax).
     */
    Filter searchFilter(String text) {
        String contains = "*" + Filter.encodeValue(text) + "*";
        String anyUser = anyUserText();
        try {
            return Filter.create("(|" + userFilter.replace(USERNAME_PLACEHOLDER, contains)
                    + "(&" + anyUser + "(" + nameAttribute + "=" + contains + "))"
                    + "(&" + anyUser + "(" + emailAttribute + "=" + contains + ")))");
        } catch (LDAPException e) {
            throw new IllegalArgumentException("user_filter cannot be searched by a part of the username", e);
        }
    }

    /** The filter finding the entry whose id attribute holds {@code id}, among the entries the user filter admits. */
    Filter idFilter(String id) {
        try {
            return Filter.create("(&" + anyUserText() + "(" + idAttribute + "=" + Filter.encodeValue(id) + "))");
        } catch (LDAPException e) {
            throw new IllegalArgumentException("user_filter or id_attribute is not valid in an LDAP filter", e);
        }
    }

    /** The user filter admitting any username: the entries that may sign in. */
    Filter anyUserFilter() {
        try {
            return Filter.create(anyUserText());
        } catch (LDAPException e) {
            throw new IllegalArgumentException("user_filter is not a valid LDAP filter", e);
        }
    }

    private String anyUserText() {
        return userFilter.replace(USERNAME_PLACEHOLDER, "*");
    }

    /**
     * The attribute holding the username: the attribute the user filter compares with {@code {0}} ({@code uid} in the
     * default filter), else {@code uid}.
     */
    String usernameAttribute() {
        Matcher compared = USERNAME_COMPARISON.matcher(userFilter);
        return compared.find() ? compared.group(1) : "uid";
    }

    /** The directory servers, tried in the configured order, each with the configured timeouts and TLS. */
    ServerSet servers() {
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis(timeoutSeconds * 1000);
        options.setResponseTimeoutMillis(timeoutSeconds * 1000L);
        options.setUseSynchronousMode(true);
        options.setFollowReferrals(false);
        options.setBindWithDNRequiresPassword(true);
        if (!trustAllCertificates) {
            options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
        }
        List<ServerSet> servers = new ArrayList<>();
        for (LDAPURL url : urls) {
            boolean ldaps = url.getScheme().equals("ldaps");
            SocketFactory sockets = ldaps ? tls() : null;
            PostConnectProcessor startTlsProcessor = startTls ? new StartTLSPostConnectProcessor(tls()) : null;
            servers.add(new SingleServerSet(url.getHost(), url.getPort(), sockets, options, null, startTlsProcessor));
        }
        return servers.size() == 1 ? servers.get(0) : new FailoverServerSet(servers);
    }

    private SSLSocketFactory tls() {
        SSLUtil ssl =
                new SSLUtil(trustAllCertificates ? new TrustAllTrustManager() : JVMDefaultTrustManager.getInstance());
        try {
            return ssl.createSSLSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available: " + e.getMessage(), e);
        }
    }

    private static List<LDAPURL> urls(String text) {
        if (text == null) {
            throw new IllegalArgumentException("url is missing");
        }
        List<LDAPURL> urls = new ArrayList<>();
        for (String one : text.strip().split("\\s+")) {
            LDAPURL url;
            try {
                url = new LDAPURL(one);
            } catch (LDAPException e) {
                throw new IllegalArgumentException("url '" + one + "' is not an LDAP URL", e);
            }
            if (!url.getScheme().equals("ldap") && !url.getScheme().equals("ldaps")) {
                throw new IllegalArgumentException("url '" + one + "' must start with ldap:// or ldaps://");
            }
            if (!url.hostProvided()) {
                throw new IllegalArgumentException("url '" + one + "' names no host");
            }
            urls.add(url);
        }
        return urls;
    }

    private static void checkFilter(String userFilter) {
        if (!userFilter.contains(USERNAME_PLACEHOLDER)) {
            // without the username the filter finds the same entry for everyone
            throw new IllegalArgumentException("user_filter must contain {0}, the username");
        }
        try {
            Filter.create(userFilter.replace(USERNAME_PLACEHOLDER, "x"));
        } catch (LDAPException e) {
            throw new IllegalArgumentException("user_filter is not a valid LDAP filter", e);
        }
    }

    private static boolean flag(ProviderSettings settings, String key) {
        String value = settings.setting(key, "false").strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(key + " must be true or false");
        };
    }

    private static int timeoutSeconds(String text) {
        try {
            int seconds = Integer.parseInt(text.strip());
            if (seconds >= 1 && seconds <= 60) {
                return seconds;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new IllegalArgumentException("timeout_seconds must be a whole number of seconds from 1 to 60");
    }

    @Override
    public String toString() {
        return "LdapSettings[provider=" + providerName + ", urls=" + urls + ", startTls=" + startTls + ", baseDn="
                + baseDn + ", userFilter=" + userFilter + ", bindDn=" + bindDn + " (password hidden)]";
    }
}
