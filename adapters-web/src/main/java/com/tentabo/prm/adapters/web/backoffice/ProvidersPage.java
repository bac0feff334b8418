package com.tentabo.prm.adapters.web.backoffice;

import com.tentabo.prm.adapters.web.support.ConsolePages;
import com.tentabo.prm.adapters.web.support.ConsoleRequest;
import com.tentabo.prm.adapters.web.support.FormValues;
import com.tentabo.prm.adapters.web.support.Views;
import com.tentabo.prm.application.outbox.OutboxEventRecord;
import com.tentabo.prm.application.outbox.OutboxStatus;
import com.tentabo.prm.application.outbox.port.in.ManageOutboxUseCase;
import com.tentabo.prm.application.provider.HealthCheckRecord;
import com.tentabo.prm.application.provider.SyncLogRecord;
import com.tentabo.prm.application.provider.WebhookEventRecord;
import com.tentabo.prm.application.provider.WebhookEventStatus;
import com.tentabo.prm.application.provider.port.in.ManageProviderConfigsUseCase;
import com.tentabo.prm.application.provider.port.in.ProviderHealthUseCase;
import com.tentabo.prm.application.provider.port.in.QueryProviderActivityUseCase;
import com.tentabo.prm.application.provider.port.in.RequeueWebhookEventUseCase;
import com.tentabo.prm.application.provider.port.in.SyncProviderUseCase;
import com.tentabo.prm.application.shared.ExpectedVersion;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.access.AccessPolicy;
import com.tentabo.prm.domain.access.Capability;
import com.tentabo.prm.domain.id.OutboxEventId;
import com.tentabo.prm.domain.id.ProviderId;
import com.tentabo.prm.domain.id.SyncLogId;
import com.tentabo.prm.domain.id.WebhookEventId;
import com.tentabo.prm.domain.provider.ProviderConfig;
import com.tentabo.prm.domain.provider.ProviderType;
import com.tentabo.prm.domain.shared.DomainException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Providers (read by ADMIN and RESTRICTED_ADMIN, changed by ADMIN only), through the same use cases as
 * {@code /api/v1/providers}: each provider with its settings and only the <em>names</em> of its credentials ("set"),
 * never a value; create, change settings and credentials (a value typed replaces, a ticked box removes), activate,
 * deactivate, health check (the result and the history of checks), sync and its logs. The outbox and the received
 * webhooks are listed with their errors; a failed or skipped one can be sent again.
 */
@Path("/ui/providers")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class ProvidersPage extends ConsolePages {

    static final int LIST_PAGE = 25;
    static final int HISTORY_PAGE = 10;
    /** The credential most adapters read (Pennylane, Pipedrive): offered as the name of a first credential. */
    static final String USUAL_CREDENTIAL = "api_token";

    static final List<String> OUTBOX_STATUSES = java.util.Arrays.stream(OutboxStatus.values())
            .map(OutboxStatus::wireName)
            .toList();
    static final List<String> WEBHOOK_STATUSES = java.util.Arrays.stream(WebhookEventStatus.values())
            .map(WebhookEventStatus::wireName)
            .toList();

    private final ManageProviderConfigsUseCase providers;
    private final ProviderHealthUseCase health;
    private final SyncProviderUseCase sync;
    private final QueryProviderActivityUseCase activity;
    private final ManageOutboxUseCase outbox;
    private final RequeueWebhookEventUseCase webhooks;

    public ProvidersPage(
            ConsoleRequest request,
            Views views,
            ManageProviderConfigsUseCase providers,
            ProviderHealthUseCase health,
            SyncProviderUseCase sync,
            QueryProviderActivityUseCase activity,
            ManageOutboxUseCase outbox,
            RequeueWebhookEventUseCase webhooks) {
        super(request, views);
        this.providers = providers;
        this.health = health;
        this.sync = sync;
        this.activity = activity;
        this.outbox = outbox;
        this.webhooks = webhooks;
    }

    /** A stored credential as shown: its name and whether a value is set (always, when it is listed). */
    public record Credential(int index, String name) {}

    /** One line of a provider's settings as shown. */
    public record Setting(String name, String value) {}

    /** A sync run as shown, its errors readable. */
    public record SyncRun(SyncLogRecord log, String errors) {
        public int synced() {
            return log.recordsSynced() == null ? 0 : log.recordsSynced();
        }

        public int failed() {
            return log.recordsFailed() == null ? 0 : log.recordsFailed();
        }
    }

    /** An outbox event or a webhook event as shown, its payload readable. */
    public record Event<T>(T event, String payload) {}

    @GET
    public Response list(@QueryParam("cursor") String cursor, @QueryParam("done") String done) {
        AccessPolicy.require(caller(), Capability.SYSTEM_READ);
        Page<ProviderConfig> page = providers.list(
                caller(), new ManageProviderConfigsUseCase.ProviderFilter(null, null, blankToNull(cursor), LIST_PAGE));
        return views.html(views.page("backoffice/providers-list")
                .data("page", page)
                .data("types", types())
                .data("usualCredential", USUAL_CREDENTIAL)
                .data("deleted", "deleted".equals(done))
                .data(
                        "nextQuery",
                        page.nextCursor() == null
                                ? null
                                : "cursor=" + URLEncoder.encode(page.nextCursor(), StandardCharsets.UTF_8))
                .data("paged", cursor != null && !cursor.isBlank()));
    }

    @POST
    public Response create(MultivaluedMap<String, String> form) {
        request.requireCsrf(form);
        AccessPolicy.require(caller(), Capability.SYSTEM_WRITE);
        FormValues values = new FormValues(form);
        ProviderType type = type(values.text("type"));
        String name = values.text("name");
        String settings = values.text("settings");
        Map<String, String> credentials = new LinkedHashMap<>();
        String credentialName = values.text("credential_name");
        String credentialValue = values.text("credential_value");
        boolean active = values.text("active") != null;
        values.check();
        if (credentialValue != null) {
            credentials.put(credentialName == null ? USUAL_CREDENTIAL : credentialName, credentialValue);
        }
        ProviderConfig created = providers.create(
                caller(),
                new ManageProviderConfigsUseCase.CreateProviderCommand(
                        type,
                        name,
                        JsonView.settings(settings, "settings"),
                        credentials.isEmpty() ? null : credentials,
                        active));
        return views.redirect("/ui/providers/" + created.id() + "?done=saved");
    }

    @GET
    @Path("/{id}")
    public Response detail(
            @PathParam("id") String rawId,
            @QueryParam("done") String done,
            @QueryParam("synced") String synced,
            @QueryParam("checks") String checksCursor,
            @QueryParam("runs") String runsCursor) {
        AccessPolicy.require(caller(), Capability.SYSTEM_READ);
        ProviderId id = new ProviderId(id(rawId));
        ProviderConfig provider = providers.get(caller(), id);
        Page<HealthCheckRecord> checks = health.history(caller(), id, blankToNull(checksCursor), HISTORY_PAGE);
        Page<SyncLogRecord> runs = activity.syncLogs(
                caller(),
                new QueryProviderActivityUseCase.SyncLogFilter(
                        id, null, null, null, null, blankToNull(runsCursor), HISTORY_PAGE));
        List<String> names = provider.credentialNames() == null ? List.of() : provider.credentialNames();
        List<Credential> credentials = java.util.stream.IntStream.range(0, names.size())
                .mapToObj(i -> new Credential(i, names.get(i)))
                .toList();
        SyncLogRecord syncedRun = synced == null ? null : activity.syncLog(caller(), new SyncLogId(id(synced)));
        return views.html(views.page("backoffice/providers-detail")
                .data("provider", provider)
                .data("version", ExpectedVersion.tagOf(provider.updatedAt()))
                .data("settings", provider.configuration().isEmpty() ? "" : JsonView.settings(provider.configuration()))
                .data("settingLines", settingLines(provider.configuration()))
                .data("credentials", credentials)
                .data("credentialsUnreadable", provider.credentialNames() == null)
                .data("usualCredential", names.isEmpty() ? USUAL_CREDENTIAL : "")
                .data("syncable", provider.active() && provider.type() != ProviderType.AUTH)
                .data(
                        "done",
                        done == null
                                ? null
                                : switch (done) {
                                    case "saved", "activated", "deactivated", "checked" -> done;
                                    default -> null;
                                })
                .data(
                        "syncedRun",
                        syncedRun == null ? null : new SyncRun(syncedRun, JsonView.line(syncedRun.errorDetailsJson())))
                .data("checks", checks.items())
                .data(
                        "checksNext",
                        checks.nextCursor() == null
                                ? null
                                : "checks=" + URLEncoder.encode(checks.nextCursor(), StandardCharsets.UTF_8)
                                        + "#h-health")
                .data(
                        "runs",
                        runs.items().stream()
                                .map(r -> new SyncRun(r, JsonView.line(r.errorDetailsJson())))
                                .toList())
                .data(
                        "runsNext",
                        runs.nextCursor() == null
                                ? null
                                : "runs=" + URLEncoder.encode(runs.nextCursor(), StandardCharsets.UTF_8) + "#h-runs"));
    }

    /** Changes the settings (replaced as typed) and the credentials: a value typed sets it, a ticked box removes it. */
    @POST
    @Path("/{id}")
    public Response update(@PathParam("id") String rawId, MultivaluedMap<String, String> form) {
        request.requireCsrf(form);
        AccessPolicy.require(caller(), Capability.SYSTEM_WRITE);
        ProviderId id = new ProviderId(id(rawId));
        FormValues values = new FormValues(form);
        String settings = values.text("settings");
        Map<String, String> credentials = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            String name = values.text("cred_name_" + i);
            if (name == null) {
                break;
            }
            String value = values.text("cred_value_" + i);
            if (values.text("cred_remove_" + i) != null) {
                credentials.put(name, null);
            } else if (value != null) {
                credentials.put(name, value);
            }
        }
        String newName = values.text("credential_name");
        String newValue = values.text("credential_value");
        ExpectedVersion version = values.version();
        values.check();
        if (newValue != null) {
            if (newName == null) {
                throw DomainException.invalid("credential_name", "name the credential whose value you typed");
            }
            credentials.put(newName, newValue);
        }
        providers.update(
                caller(),
                id,
                new ManageProviderConfigsUseCase.UpdateProviderCommand(
                        JsonView.settings(settings, "settings"), credentials.isEmpty() ? null : credentials),
                version);
        return views.redirect("/ui/providers/" + id + "?done=saved");
    }

    @POST
    @Path("/{id}/activate")
    public Response activate(@PathParam("id") String rawId, MultivaluedMap<String, String> form) {
        request.requireCsrf(form);
        ProviderConfig activated = providers.activate(caller(), new ProviderId(id(rawId)));
        return views.redirect("/ui/providers/" + activated.id() + "?done=activated");
    }

    @POST
    @Path("/{id}/deactivate")
    public Response deactivate(@PathParam("id") String rawId, MultivaluedMap<String, String> form) {
        request.requireCsrf(form);
        ProviderConfig deactivated = providers.deactivate(caller(), new ProviderId(id(rawId)));
        return views.redirect("/ui/providers/" + deactivated.id() + "?done=deactivated");
    }

    /**
     * Deletes a provider (ADMIN), confirmed by the ticked box: as the API rules, only an inactive one without sync
     * logs (else 409 PROVIDER_IN_USE: deactivate it, and keep a provider that synchronised).
     */
    @POST
    @Path("/{id}/delete")
    public Response delete(@PathParam("id") String rawId, MultivaluedMap<String, String> form) {
        request.requireCsrf(form);
        AccessPolicy.require(caller(), Capability.SYSTEM_WRITE);
        ProviderId id = new ProviderId(id(rawId));
        if (new FormValues(form).text("confirm") == null) {
            throw DomainException.invalid("confirm", "tick the box to confirm the deletion");
        }
        providers.delete(caller(), id);
        return views.redirect("/ui/providers?done=deleted");
    }

    /** Calls the provider with its stored credentials; the page then shows the recorded outcome and the history. */
    @POST
    @Path("/{id}/health")
    public Response check(@PathParam("id") String rawId, MultivaluedMap<String, String> form) {
        request.requireCsrf(form);
        ManageProviderConfigsUseCase.HealthCheck check = providers.checkHealth(caller(), new ProviderId(id(rawId)));
        return views.redirect("/ui/providers/" + check.provider().id() + "?done=checked");
    }

    @POST
    @Path("/{id}/sync")
    public Response sync(@PathParam("id") String rawId, MultivaluedMap<String, String> form) {
        request.requireCsrf(form);
        ProviderId id = new ProviderId(id(rawId));
        SyncLogRecord run = sync.sync(caller(), id);
        return views.redirect("/ui/providers/" + id + "?synced=" + run.id());
    }

    @GET
    @Path("/outbox")
    public Response outbox(
            @QueryParam("status") String status,
            @QueryParam("topic") String topic,
            @QueryParam("cursor") String cursor,
            @QueryParam("requeued") String requeued) {
        AccessPolicy.require(caller(), Capability.SYSTEM_READ);
        String chosen = choice(status, OUTBOX_STATUSES, "status");
        String topicFilter = bounded(topic, "topic");
        Page<OutboxEventRecord> page = outbox.events(
                caller(),
                new ManageOutboxUseCase.OutboxEventFilter(
                        chosen, topicFilter, null, null, null, blankToNull(cursor), LIST_PAGE));
        String filter = (chosen == null ? "" : "status=" + chosen + "&")
                + (topicFilter == null ? "" : "topic=" + URLEncoder.encode(topicFilter, StandardCharsets.UTF_8) + "&");
        return views.html(views.page("backoffice/providers-outbox")
                .data(
                        "events",
                        page.items().stream()
                                .map(e -> new Event<>(e, JsonView.line(e.payloadJson())))
                                .toList())
                .data("statuses", OUTBOX_STATUSES)
                .data("status", chosen == null ? "" : chosen)
                .data("topic", topicFilter == null ? "" : topicFilter)
                .data("firstQuery", filter)
                .data("requeued", requeued == null ? null : outbox.event(caller(), new OutboxEventId(id(requeued))))
                .data(
                        "nextQuery",
                        page.nextCursor() == null
                                ? null
                                : filter + "cursor=" + URLEncoder.encode(page.nextCursor(), StandardCharsets.UTF_8))
                .data("paged", cursor != null && !cursor.isBlank()));
    }

    @POST
    @Path("/outbox/{id}/requeue")
    public Response requeueOutbox(@PathParam("id") String rawId, MultivaluedMap<String, String> form) {
        request.requireCsrf(form);
        OutboxEventRecord requeued = outbox.requeue(caller(), new OutboxEventId(id(rawId)));
        return views.redirect("/ui/providers/outbox?requeued=" + requeued.id());
    }

    @GET
    @Path("/webhooks")
    public Response webhookEvents(
            @QueryParam("status") String status,
            @QueryParam("provider") String provider,
            @QueryParam("cursor") String cursor,
            @QueryParam("requeued") String requeued) {
        AccessPolicy.require(caller(), Capability.SYSTEM_READ);
        String chosen = choice(status, WEBHOOK_STATUSES, "status");
        String providerName = bounded(provider, "provider");
        Page<WebhookEventRecord> page = activity.webhookEvents(
                caller(),
                new QueryProviderActivityUseCase.WebhookEventFilter(
                        providerName, null, null, chosen, null, null, blankToNull(cursor), LIST_PAGE));
        String filter = (chosen == null ? "" : "status=" + chosen + "&")
                + (providerName == null
                        ? ""
                        : "provider=" + URLEncoder.encode(providerName, StandardCharsets.UTF_8) + "&");
        return views.html(views.page("backoffice/providers-webhooks")
                .data(
                        "events",
                        page.items().stream()
                                .map(e -> new Event<>(e, JsonView.line(e.payloadJson())))
                                .toList())
                .data("statuses", WEBHOOK_STATUSES)
                .data("status", chosen == null ? "" : chosen)
                .data("provider", providerName == null ? "" : providerName)
                .data("firstQuery", filter)
                .data(
                        "requeued",
                        requeued == null ? null : activity.webhookEvent(caller(), new WebhookEventId(id(requeued))))
                .data(
                        "nextQuery",
                        page.nextCursor() == null
                                ? null
                                : filter + "cursor=" + URLEncoder.encode(page.nextCursor(), StandardCharsets.UTF_8))
                .data("paged", cursor != null && !cursor.isBlank()));
    }

    @POST
    @Path("/webhooks/{id}/requeue")
    public Response requeueWebhook(@PathParam("id") String rawId, MultivaluedMap<String, String> form) {
        request.requireCsrf(form);
        WebhookEventRecord requeued = webhooks.requeue(caller(), new WebhookEventId(id(rawId)));
        return views.redirect("/ui/providers/webhooks?requeued=" + requeued.id());
    }

    @ServerExceptionMapper
    public Response refused(DomainException e) {
        return views.failure(e);
    }

    @ServerExceptionMapper
    public Response failed(Exception e) {
        return views.failure(e);
    }

    private static List<String> types() {
        return Arrays.stream(ProviderType.values())
                .map(t -> t.name().toLowerCase(Locale.ROOT))
                .toList();
    }

    private static ProviderType type(String raw) {
        if (raw == null) {
            throw DomainException.invalid("type", "choose a kind of provider");
        }
        return Arrays.stream(ProviderType.values())
                .filter(t -> t.name().equalsIgnoreCase(raw))
                .findFirst()
                .orElseThrow(() -> DomainException.invalid("type", "is not a kind of provider"));
    }

    /** The top-level settings, one line each (nested values in one line), secret-named ones hidden. */
    private static List<Setting> settingLines(Map<String, Object> configuration) {
        return JsonView.changes(configuration.isEmpty() ? null : JsonView.settings(configuration)).stream()
                .map(c -> new Setting(c.field(), c.after()))
                .toList();
    }

    private static String choice(String raw, List<String> allowed, String field) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String value = raw.trim().toLowerCase(Locale.ROOT);
        if (!allowed.contains(value)) {
            throw DomainException.invalid(field, "must be one of " + String.join(", ", allowed));
        }
        return value;
    }

    private static String bounded(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (raw.length() > AuditPage.MAX_FILTER) {
            throw DomainException.invalid(field, "is too long");
        }
        return raw.trim();
    }

    private static String blankToNull(String cursor) {
        return cursor == null || cursor.isBlank() ? null : cursor;
    }
}
