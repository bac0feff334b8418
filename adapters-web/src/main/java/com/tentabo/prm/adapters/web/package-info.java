/**
 * The web console (under {@code /ui}): server-rendered Qute pages with htmx. {@code support} holds what every page
 * shares (session, CSRF, locale, formats, errors, layout data); {@code portal} the pages of partners and distributors.
 * Pages call the application's use cases, as the REST adapter does, and decide nothing themselves.
 */
package com.tentabo.prm.adapters.web;
