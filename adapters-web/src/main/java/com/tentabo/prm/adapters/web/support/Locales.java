package com.tentabo.prm.adapters.web.support;

import java.util.List;
import java.util.Locale;

/**
 * The console speaks English and French. The language is the one remembered by the switch in the header (cookie
 * {@code prm_lang}), else the first of the browser's {@code Accept-Language} the console speaks, else English.
 * Amounts and dates follow the language: British English conventions for English, France's for French.
 */
public final class Locales {

    public static final Locale ENGLISH = Locale.UK;
    public static final Locale FRENCH = Locale.FRANCE;
    public static final Locale DEFAULT = ENGLISH;
    public static final String COOKIE = "prm_lang";

    private Locales() {}

    public static Locale of(String remembered, String acceptLanguage) {
        Locale chosen = byTag(remembered);
        if (chosen != null) {
            return chosen;
        }
        if (acceptLanguage != null && acceptLanguage.length() < 1000) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                    Locale match = byTag(range.getRange());
                    if (match != null) {
                        return match;
                    }
                }
            } catch (IllegalArgumentException malformed) {
                return DEFAULT;
            }
        }
        return DEFAULT;
    }

    /** English or French for a language tag ({@code fr}, {@code fr-CA}, {@code en-US} …), else null. */
    public static Locale byTag(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        String language = tag.trim().toLowerCase(Locale.ROOT);
        if (language.startsWith("fr")) {
            return FRENCH;
        }
        if (language.startsWith("en")) {
            return ENGLISH;
        }
        return null;
    }

    public static List<Locale> supported() {
        return List.of(ENGLISH, FRENCH);
    }
}
