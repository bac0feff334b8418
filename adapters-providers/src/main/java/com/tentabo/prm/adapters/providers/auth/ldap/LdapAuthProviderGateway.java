package com.tentabo.prm.adapters.providers.auth.ldap;

import com.tentabo.prm.application.identity.port.out.AuthProviderGateway;
import com.tentabo.prm.application.identity.port.out.UserDirectoryGateway;
import com.tentabo.prm.application.provider.ProviderFailure;
import com.tentabo.prm.application.provider.ProviderSettings;
import com.tentabo.prm.application.provider.port.out.ProviderConfigDirectory;
import com.tentabo.prm.application.provider.port.out.ProviderHealthGateway;
import com.tentabo.prm.domain.provider.ProviderType;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import com.tentabo.prm.domain.shared.RetryLaterException;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The LDAP auth provider, active when the active AUTH provider of {@code provider_configs} is an LDAP one (named
 * {@code ldap} or {@code …_ldap}, or configured with {@code "type": "ldap"}). Search-then-bind: bind as the service
 * account (or anonymously), find exactly one entry with the user filter, then bind as that entry with the given
 * password. A wrong password, an unknown or ambiguous username answer empty; a directory that cannot be reached or a
 * refused service account throw SERVICE_UNAVAILABLE (503, retry later), so that users are not told their password is
 * wrong when the directory is down. A configuration that cannot work (no {@code url}, no {@code base_dn}, credentials
 * that do not decrypt…, as an adopted row of the replaced system may be) is not an outage that retrying cures: the
 * provider then authenticates nobody (a wrong password stays 401), logs why at each attempt, and its health check
 * ({@link #check}) reports it degraded with the reason. Passwords never reach a log line or a message.
 *
 * <p>As a {@link UserDirectoryGateway}, the same service account searches the people of the active LDAP provider
 * for the back office: the text is escaped (RFC 4515), the search bounded by a size limit and the provider's
 * {@code timeout_seconds} as time limit; a directory that stops at its own size or time limit gives the entries it
 * sent, said to be truncated.
 *
 * <p>{@code users.provider} of these users is the active provider's name ({@code oxiadmin_ldap} for the old
 * system's row), carried by the identity; {@link #providerName()} is only informative.
 */
@ApplicationScoped
public class LdapAuthProviderGateway implements AuthProviderGateway, ProviderHealthGateway, UserDirectoryGateway {

    static final String NAME = "ldap";
    static final long RETRY_AFTER_SECONDS = 30;

    private static final Logger LOG = Logger.getLogger(LdapAuthProviderGateway.class);

    private final ProviderConfigDirectory configs;

    public LdapAuthProviderGateway(ProviderConfigDirectory configs) {
        this.configs = configs;
    }

    @Override
    public String providerName() {
        return NAME;
    }

    @Override
    public Optional<ProviderIdentity> authenticate(String username, String password) {
        // an LDAP simple bind with an empty password is an anonymous bind that succeeds (RFC 4513 §5.1.2)
        if (username == null || username.isBlank() || password == null || password.isBlank()) {
            return Optional.empty();
        }
        Optional<LdapSettings> settings = activeLdapSettings();
        if (settings.isEmpty()) {
            return Optional.empty();
        }
        LdapSettings ldap = settings.get();
        Filter filter;
        try {
            filter = ldap.filterFor(username);
        } catch (IllegalArgumentException misconfigured) {
            return misconfigured(ldap.providerName(), misconfigured.getMessage());
        }
        try (LDAPConnection connection = connect(ldap)) {
            bindServiceAccount(connection, ldap);
            Optional<SearchResultEntry> entry = findUser(connection, ldap, filter);
            if (entry.isEmpty() || !bindAsUser(connection, ldap, entry.get().getDN(), password)) {
                return Optional.empty();
            }
            return Optional.of(identity(ldap, entry.get(), username));
        }
    }

    @Override
    public DirectorySearch search(String text, int sizeLimit) {
        LdapSettings ldap = directorySettings();
        Filter filter;
        try {
            filter = ldap.searchFilter(text);
        } catch (IllegalArgumentException misconfigured) {
            throw notConfigured(ldap.providerName(), misconfigured.getMessage());
        }
        try (LDAPConnection connection = connect(ldap)) {
            bindServiceAccount(connection, ldap);
            // one more than shown tells a directory holding more from one holding exactly the limit
            SearchOutcome found = searchPeople(connection, ldap, filter, sizeLimit + 1);
            List<DirectoryEntry> entries = found.entries().stream()
                    .limit(sizeLimit)
                    .map(entry -> directoryEntry(ldap, entry))
                    .toList();
            return new DirectorySearch(
                    ldap.providerName(),
                    entries,
                    found.stoppedByDirectory() || found.entries().size() > sizeLimit);
        }
    }

    @Override
    public Optional<DirectoryEntry> entry(String providerId) {
        LdapSettings ldap = directorySettings();
        Filter filter;
        try {
            filter = ldap.idFilter(providerId);
        } catch (IllegalArgumentException misconfigured) {
            throw notConfigured(ldap.providerName(), misconfigured.getMessage());
        }
        try (LDAPConnection connection = connect(ldap)) {
            bindServiceAccount(connection, ldap);
            List<SearchResultEntry> found =
                    searchPeople(connection, ldap, filter, 2).entries();
            if (found.size() == 1) {
                return Optional.of(directoryEntry(ldap, found.get(0)));
            }
            if (found.isEmpty() && isDn(providerId)) {
                // an entry without the id attribute is known by its DN (as its sign-in names it)
                return readByDn(connection, ldap, providerId).map(entry -> directoryEntry(ldap, entry));
            }
            return Optional.empty();
        }
    }

    /** The active LDAP provider's settings; none, or settings that cannot work, is DIRECTORY_NOT_CONFIGURED. */
    private LdapSettings directorySettings() {
        ProviderSettings active;
        try {
            active = configs.activeSettings(ProviderType.AUTH)
                    .filter(LdapSettings::isLdap)
                    .orElseThrow(() -> new DomainException(
                            ErrorCode.DIRECTORY_NOT_CONFIGURED, "No active sign-in provider is an LDAP directory"));
        } catch (ProviderFailure unreadable) {
            throw notConfigured(configs.activeProviderName(ProviderType.AUTH).orElse("ldap"), unreadable.getMessage());
        }
        try {
            return LdapSettings.of(active);
        } catch (IllegalArgumentException misconfigured) {
            throw notConfigured(active.name(), misconfigured.getMessage());
        }
    }

    private static DomainException notConfigured(String providerName, String why) {
        LOG.warnf("LDAP provider %s cannot be searched: %s", providerName, why);
        return new DomainException(
                ErrorCode.DIRECTORY_NOT_CONFIGURED, "The LDAP provider " + providerName + " cannot be used: " + why);
    }

    /** What a bounded search returned, and whether the directory stopped it at a size or time limit. */
    private record SearchOutcome(List<SearchResultEntry> entries, boolean stoppedByDirectory) {}

    private static SearchOutcome searchPeople(LDAPConnection connection, LdapSettings ldap, Filter filter, int limit) {
        SearchRequest request = new SearchRequest(
                ldap.baseDn(),
                SearchScope.SUB,
                filter,
                ldap.idAttribute(),
                ldap.usernameAttribute(),
                ldap.emailAttribute(),
                ldap.nameAttribute());
        request.setSizeLimit(limit);
        request.setTimeLimitSeconds(ldap.timeoutSeconds());
        try {
            return new SearchOutcome(connection.search(request).getSearchEntries(), false);
        } catch (LDAPSearchException e) {
            ResultCode code = e.getResultCode();
            if (ResultCode.SIZE_LIMIT_EXCEEDED.equals(code)
                    || ResultCode.TIME_LIMIT_EXCEEDED.equals(code)
                    || ResultCode.ADMIN_LIMIT_EXCEEDED.equals(code)) {
                // the directory holds more than it sent (our limit, or its own smaller one)
                List<SearchResultEntry> partial = e.getSearchEntries() == null ? List.of() : e.getSearchEntries();
                return new SearchOutcome(new ArrayList<>(partial), true);
            }
            throw unavailable(ldap, "refused the search under " + ldap.baseDn(), e);
        }
    }

    private static boolean isDn(String text) {
        return DN.isValidDN(text) && text.contains("=");
    }

    private static Optional<SearchResultEntry> readByDn(LDAPConnection connection, LdapSettings ldap, String dn) {
        try {
            if (!DN.isDescendantOf(dn, ldap.baseDn(), true)) {
                return Optional.empty();
            }
            SearchRequest request = new SearchRequest(
                    dn,
                    SearchScope.BASE,
                    ldap.anyUserFilter(),
                    ldap.idAttribute(),
                    ldap.usernameAttribute(),
                    ldap.emailAttribute(),
                    ldap.nameAttribute());
            request.setSizeLimit(1);
            request.setTimeLimitSeconds(ldap.timeoutSeconds());
            return connection.search(request).getSearchEntries().stream().findFirst();
        } catch (LDAPSearchException e) {
            if (ResultCode.NO_SUCH_OBJECT.equals(e.getResultCode())) {
                return Optional.empty();
            }
            throw unavailable(ldap, "refused the search of " + dn, e);
        } catch (LDAPException malformed) {
            // not a DN after all
            return Optional.empty();
        } catch (IllegalArgumentException misconfigured) {
            throw notConfigured(ldap.providerName(), misconfigured.getMessage());
        }
    }

    private static DirectoryEntry directoryEntry(LdapSettings ldap, SearchResultEntry entry) {
        String id = entry.getAttributeValue(ldap.idAttribute());
        return new DirectoryEntry(
                ldap.providerName(),
                id == null || id.isBlank() ? entry.getDN() : id,
                blankToNull(entry.getAttributeValue(ldap.usernameAttribute())),
                blankToNull(entry.getAttributeValue(ldap.emailAttribute())),
                blankToNull(entry.getAttributeValue(ldap.nameAttribute())));
    }

    private Optional<LdapSettings> activeLdapSettings() {
        ProviderSettings active;
        try {
            Optional<ProviderSettings> found = configs.activeSettings(ProviderType.AUTH);
            if (found.isEmpty() || !LdapSettings.isLdap(found.get())) {
                return Optional.empty();
            }
            active = found.get();
        } catch (ProviderFailure unreadable) {
            // credentials that cannot be decrypted: ours to report only when the provider is an LDAP one by name
            Optional<String> name =
                    configs.activeProviderName(ProviderType.AUTH).filter(LdapSettings::isLdapName);
            if (name.isEmpty()) {
                return Optional.empty();
            }
            return misconfigured(name.get(), unreadable.getMessage());
        }
        try {
            return Optional.of(LdapSettings.of(active));
        } catch (IllegalArgumentException misconfigured) {
            return misconfigured(active.name(), misconfigured.getMessage());
        }
    }

    /** Any provider row the LDAP gateway would use: named {@code ldap} or {@code …_ldap}, or of type ldap. */
    @Override
    public boolean checks(ProviderSettings settings) {
        return LdapSettings.isLdap(settings);
    }

    /**
     * Reads the configuration, connects and binds the service account (or stays anonymous): a configuration that
     * cannot work is a permanent failure naming the setting, a directory that does not answer or refuses the service
     * account a retryable one.
     */
    @Override
    public Map<String, Object> check(ProviderSettings settings) {
        LdapSettings ldap;
        try {
            ldap = LdapSettings.of(settings);
        } catch (IllegalArgumentException misconfigured) {
            throw ProviderFailure.permanent(
                    "The LDAP provider " + settings.name() + " cannot be used: " + misconfigured.getMessage());
        }
        try (LDAPConnection connection = connect(ldap)) {
            bindServiceAccount(connection, ldap);
        } catch (RetryLaterException unavailable) {
            throw ProviderFailure.retryable(
                    "The LDAP directory of " + settings.name() + " (" + ldap.urls()
                            + ") cannot be reached or refuses the service account; see the log",
                    unavailable);
        }
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("servers", ldap.urls().size());
        account.put("base_dn", ldap.baseDn());
        account.put("service_account", ldap.bindDn() != null);
        return account;
    }

    private static <T> Optional<T> misconfigured(String providerName, String why) {
        LOG.warnf("LDAP provider %s cannot be used, nobody signs in through it: %s", providerName, why);
        return Optional.empty();
    }

    private static LDAPConnection connect(LdapSettings ldap) {
        try {
            return ldap.servers().getConnection();
        } catch (LDAPException e) {
            throw unavailable(ldap, "cannot be reached", e);
        } catch (IllegalStateException noTls) {
            throw unusable(ldap.providerName(), noTls.getMessage());
        }
    }

    /** Binds as the service account of the credentials; without one, the connection stays anonymous. */
    private static void bindServiceAccount(LDAPConnection connection, LdapSettings ldap) {
        if (ldap.bindDn() == null) {
            return;
        }
        try {
            connection.bind(new SimpleBindRequest(ldap.bindDn(), ldap.bindPassword()));
        } catch (LDAPException e) {
            throw unavailable(ldap, "did not accept the service account " + ldap.bindDn(), e);
        }
    }

    /** The one entry the filter finds under the base DN; empty when none or several match. */
    private static Optional<SearchResultEntry> findUser(LDAPConnection connection, LdapSettings ldap, Filter filter) {
        SearchResult result;
        try {
            SearchRequest request = new SearchRequest(
                    ldap.baseDn(),
                    SearchScope.SUB,
                    filter,
                    ldap.idAttribute(),
                    ldap.emailAttribute(),
                    ldap.nameAttribute());
            request.setSizeLimit(2);
            request.setTimeLimitSeconds(ldap.timeoutSeconds());
            result = connection.search(request);
        } catch (LDAPSearchException e) {
            if (ResultCode.SIZE_LIMIT_EXCEEDED.equals(e.getResultCode())) {
                return ambiguous(ldap, filter);
            }
            throw unavailable(ldap, "refused the search under " + ldap.baseDn(), e);
        }
        if (result.getEntryCount() > 1) {
            return ambiguous(ldap, filter);
        }
        return result.getSearchEntries().stream().findFirst();
    }

    private static Optional<SearchResultEntry> ambiguous(LdapSettings ldap, Filter filter) {
        LOG.warnf(
                "LDAP provider %s: several entries under %s match %s; nobody signs in with that username",
                ldap.providerName(), ldap.baseDn(), filter);
        return Optional.empty();
    }

    /** Whether the directory accepts the password of the entry; a directory that fails meanwhile throws. */
    private static boolean bindAsUser(LDAPConnection connection, LdapSettings ldap, String dn, String password) {
        try {
            connection.bind(new SimpleBindRequest(dn, password));
            return true;
        } catch (LDAPException e) {
            ResultCode code = e.getResultCode();
            if (ResultCode.INVALID_CREDENTIALS.equals(code)) {
                LOG.debugf("LDAP provider %s: wrong password for %s", ldap.providerName(), dn);
                return false;
            }
            if (!code.isConnectionUsable()
                    || ResultCode.BUSY.equals(code)
                    || ResultCode.UNAVAILABLE.equals(code)
                    || ResultCode.TIMEOUT.equals(code)) {
                throw unavailable(ldap, "failed while checking the password of " + dn, e);
            }
            // e.g. unwillingToPerform for a locked or disabled account: refused like a wrong password
            LOG.infof("LDAP provider %s refused the bind of %s: %s %s", ldap.providerName(), dn, code, describe(e));
            return false;
        }
    }

    private static ProviderIdentity identity(LdapSettings ldap, SearchResultEntry entry, String username) {
        String id = entry.getAttributeValue(ldap.idAttribute());
        if (id == null || id.isBlank()) {
            id = entry.getDN();
        }
        return new ProviderIdentity(
                ldap.providerName(),
                id,
                username,
                blankToNull(entry.getAttributeValue(ldap.emailAttribute())),
                blankToNull(entry.getAttributeValue(ldap.nameAttribute())));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static RetryLaterException unavailable(LdapSettings ldap, String what, LDAPException e) {
        LOG.warnf(
                "LDAP provider %s (%s) %s: %s %s",
                ldap.providerName(), ldap.urls(), what, e.getResultCode(), describe(e));
        return retryLater();
    }

    private static RetryLaterException unusable(String providerName, String why) {
        LOG.warnf("LDAP provider %s cannot be used: %s", providerName, why);
        return retryLater();
    }

    /** What the SDK or the directory said; the SDK never puts a bind request's password in it. */
    private static String describe(LDAPException e) {
        return "(" + e.getMessage() + ")";
    }

    private static RetryLaterException retryLater() {
        return new RetryLaterException(
                ErrorCode.SERVICE_UNAVAILABLE,
                "The sign-in directory is unavailable; retry later",
                RETRY_AFTER_SECONDS);
    }
}
