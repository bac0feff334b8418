package com.tentabo.prm.adapters.providers.crm.pipedrive;

import com.fasterxml.jackson.databind.JsonNode;
import com.tentabo.prm.adapters.providers.http.JsonHttp;
import com.tentabo.prm.application.provider.CrmActivity;
import com.tentabo.prm.application.provider.CrmNote;
import com.tentabo.prm.application.provider.ProviderFailure;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Activities ({@code /api/v2/activities}, cursor pages) and notes ({@code /v1/notes}, offset pages: notes exist in v1
 * only) of Pipedrive leads. An activity's due time is {@code due_date} + {@code due_time}, both UTC; done =
 * {@code done}, done at {@code marked_as_done_time}.
 */
final class PipedriveFollowUps {

    /** Pipedrive's largest page; a lead with more than {@value #MAX_PAGES} pages of either stops there, failing. */
    static final int PAGE = 500;

    static final int MAX_PAGES = 20;

    private final JsonHttp http;

    PipedriveFollowUps(JsonHttp http) {
        this.http = http;
    }

    Optional<CrmActivity> activity(JsonHttp.Endpoint endpoint, String id) {
        return http.getIfFound(endpoint, "/api/v2/activities/" + numeric(id, "activity"))
                .map(answer -> answer.path("data"))
                .filter(JsonNode::isObject)
                .map(this::activity);
    }

    Optional<CrmNote> note(JsonHttp.Endpoint endpoint, String id) {
        return http.getIfFound(endpoint, "/v1/notes/" + numeric(id, "note"))
                .map(answer -> answer.path("data"))
                .filter(JsonNode::isObject)
                .map(this::note);
    }

    List<CrmActivity> activitiesOfLead(JsonHttp.Endpoint endpoint, String leadId) {
        List<CrmActivity> activities = new ArrayList<>();
        Set<String> cursors = new HashSet<>();
        String cursor = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("lead_id", leadId);
            query.put("limit", String.valueOf(PAGE));
            if (cursor != null) {
                query.put("cursor", cursor);
            }
            JsonNode answer = http.get(endpoint, "/api/v2/activities", query);
            answer.path("data").forEach(item -> activities.add(activity(item)));
            cursor = JsonHttp.text(answer.path("additional_data"), "next_cursor");
            if (cursor == null || cursor.isBlank()) {
                return activities;
            }
            if (!cursors.add(cursor)) {
                break;
            }
        }
        throw ProviderFailure.permanent(
                PipedriveCrmGateway.NAME + " kept answering pages of activities for lead " + leadId);
    }

    List<CrmNote> notesOfLead(JsonHttp.Endpoint endpoint, String leadId) {
        List<CrmNote> notes = new ArrayList<>();
        int start = 0;
        for (int page = 0; page < MAX_PAGES; page++) {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("lead_id", leadId);
            query.put("start", String.valueOf(start));
            query.put("limit", String.valueOf(PAGE));
            JsonNode answer = http.get(endpoint, "/v1/notes", query);
            answer.path("data").forEach(item -> notes.add(note(item)));
            JsonNode pagination = answer.path("additional_data").path("pagination");
            if (!pagination.path("more_items_in_collection").asBoolean(false)
                    || answer.path("data").isEmpty()) {
                return notes;
            }
            start = pagination
                    .path("next_start")
                    .asInt(start + answer.path("data").size());
        }
        throw ProviderFailure.permanent(PipedriveCrmGateway.NAME + " kept answering pages of notes for lead " + leadId);
    }

    private CrmActivity activity(JsonNode item) {
        return new CrmActivity(
                http.id(item, "an activity"),
                JsonHttp.text(item, "lead_id"),
                JsonHttp.text(item, "type"),
                JsonHttp.text(item, "subject"),
                blankToNull(JsonHttp.text(item, "note")),
                due(JsonHttp.text(item, "due_date"), JsonHttp.text(item, "due_time")),
                item.path("done").asBoolean(false),
                item.path("done").asBoolean(false)
                        ? PipedriveCrmGateway.instant(JsonHttp.text(item, "marked_as_done_time"))
                        : null,
                PipedriveCrmGateway.instant(JsonHttp.text(item, "update_time")));
    }

    private CrmNote note(JsonNode item) {
        return new CrmNote(
                http.id(item, "a note"),
                JsonHttp.text(item, "lead_id"),
                JsonHttp.text(item, "content"),
                PipedriveCrmGateway.instant(JsonHttp.text(item, "add_time")),
                PipedriveCrmGateway.instant(JsonHttp.text(item, "update_time")));
    }

    private static Instant due(String date, String time) {
        if (date == null || date.isBlank()) {
            return null;
        }
        try {
            LocalTime at = time == null || time.isBlank() ? LocalTime.MIDNIGHT : LocalTime.parse(time.strip());
            return LocalDate.parse(date.strip()).atTime(at).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException unreadable) {
            throw ProviderFailure.permanent(PipedriveCrmGateway.NAME + " answered a due date that is not one: " + date);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static String numeric(String id, String what) {
        if (id == null || !id.matches("[0-9]{1,18}")) {
            throw ProviderFailure.permanent(PipedriveCrmGateway.NAME + " " + what + " id is not one: " + id);
        }
        return id;
    }
}
