package com.tentabo.prm.adapters.rest.openapi;

import com.tentabo.prm.adapters.rest.shared.JsonLimits;
import com.tentabo.prm.application.shared.Cursor;
import com.tentabo.prm.application.shared.IdempotencyKey;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.info.Info;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/** The document's {@code info} and tag descriptions: what a client author reads first. */
final class ApiDescription {

    static final String DESCRIPTION = String.format(
            java.util.Locale.ROOT,
            """
            Partner Relationship Management: catalog and pricing, partners and distributors, leads, orders and \
            contracts, with the providers (CRM, billing, directories) behind them.

            ## Authentication
            Every operation but the logins and the provider webhooks takes `Authorization: Bearer <token>`: either an \
            access token from `POST /api/v1/auth/login` (`{"username","password"}`) or `POST /api/v1/auth/oidc`, valid \
            for an hour by default, or an API key (`tnt_…`, created with `POST /api/v1/auth/api-keys`, shown once). No \
            or bad credentials: 401. A role that may not do something: 403. A record outside the caller's scope answers \
            404, exactly as a missing one. Each operation's description says who may call it.

            ## Errors
            Every error is an RFC 9457 `application/problem+json` document (`Problem`) with a stable `code`; each \
            error answer lists the codes of its status. Branch on `code`, never on `detail`. A field violation lists \
            the fields in `errors`.

            ## JSON
            Names are snake_case; unknown fields are refused (400). Money and percentages are decimal strings \
            (`"9720.00"`); a decimal has at most %d digits before the point and %d after (narrower where the field says \
            so) and a number at most %d characters. Enumerated values are lower case. Ids are UUIDs, timestamps ISO-8601 \
            UTC. Texts are at most %d characters unless the field says less.

            ## Pagination
            Lists are keyset-paginated: `limit` (%d–%d, default %d) and `cursor`; an answer is `{"items": [...], \
            "next_cursor": "…" | null}`, newest first unless the operation says otherwise. Pass `next_cursor` as \
            `cursor` to read the next page.

            ## Idempotency
            Creates honour an `Idempotency-Key` header (1–%d printable characters): a retry with the same key and the \
            same request answers the record the first request created (201, `Idempotent-Replayed: true`) and creates \
            nothing; the same key with another request is 422 `IDEMPOTENCY_KEY_REUSED`. Keys are per caller and kept \
            7 days by default.

            ## ETags
            Reading one record and changing it answer its `ETag`. A change with `If-Match` naming an ETag that is no \
            longer current is 412 `PRECONDITION_FAILED` and changes nothing; without `If-Match` the last writer wins.

            ## Throttling
            Repeated failed logins are answered 429 `TOO_MANY_LOGIN_ATTEMPTS` with `Retry-After` (seconds).
            """,
            JsonLimits.MAX_INTEGER_DIGITS,
            JsonLimits.MAX_FRACTION_DIGITS,
            JsonLimits.MAX_NUMBER_LENGTH,
            JsonLimits.MAX_STRING_LENGTH,
            Cursor.MIN_LIMIT,
            Cursor.MAX_LIMIT,
            Cursor.DEFAULT_LIMIT,
            IdempotencyKey.MAX_LENGTH);

    /** Tag descriptions; a tag without one here is described by its name. */
    private static final Map<String, String> TAGS = new LinkedHashMap<>();

    static {
        TAGS.put("auth", "Logging in, the caller, API keys");
        TAGS.put("users", "Users of the auth providers: pre-provisioning, enablement, roles, companies");
        TAGS.put("admin-users", "Administrator accounts");
        TAGS.put("catalog", "Products with their price tiers, durations, quotes");
        TAGS.put("partners", "Partner companies");
        TAGS.put("distributors", "Distributor companies and the partners assigned to them");
        TAGS.put("leads", "The sales pipeline: leads, their activities, notes and status history");
        TAGS.put("orders", "Orders priced from the catalog, their lifecycle and notes");
        TAGS.put("contracts", "Contracts activated from fulfilled orders, renewals and notes");
        TAGS.put("dashboard", "Pipeline, orders, revenue and renewals in the caller's scope");
        TAGS.put("audit log", "Who changed what");
        TAGS.put("providers", "Provider configurations (CRM, billing, directories), their health and synchronisation");
        TAGS.put("provider activity", "Synchronisation runs, received webhooks, the outbox");
        TAGS.put("webhooks", "Deliveries from providers, authenticated the provider's way");
        TAGS.put(
                "billing",
                "What the active billing provider holds (customers, invoices, quotes), in the caller's scope");
    }

    private ApiDescription() {}

    static void describe(OpenAPI api) {
        Info info = api.getInfo() == null ? OASFactory.createInfo() : api.getInfo();
        info.setDescription(DESCRIPTION);
        api.setInfo(info);
        TreeSet<String> used = new TreeSet<>();
        if (api.getPaths() != null && api.getPaths().getPathItems() != null) {
            api.getPaths()
                    .getPathItems()
                    .values()
                    .forEach(item -> item.getOperations().values().forEach(operation -> {
                        if (operation.getTags() != null) {
                            used.addAll(operation.getTags());
                        }
                    }));
        }
        List<Tag> tags = used.stream()
                .map(name -> ApiDocumentFilter.tag(name, TAGS.getOrDefault(name, name)))
                .sorted(Comparator.comparing(Tag::getName))
                .toList();
        api.setTags(tags);
    }
}
