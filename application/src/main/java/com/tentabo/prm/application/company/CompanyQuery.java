package com.tentabo.prm.application.company;

import com.tentabo.prm.application.shared.Cursor;

/** Filters of a partner or distributor list: name contains {@code search} (case-insensitive), activity, page. */
public record CompanyQuery(String search, Boolean active, int limit, Cursor after) {}
