package com.tentabo.prm.adapters.persistence.migration;

import java.util.Arrays;
import java.util.Optional;

/**
 * The Alembic revisions of the replaced system this service adopts, in chain order, with the Flyway baseline version
 * that records which one was found ({@code 1} for schema 1.0.0, then {@code 1.1} … {@code 1.8}). Every revision after
 * 1.0.0 also needs {@link LegacyAdoptionMigration} (version {@value LegacyAdoptionMigration#VERSION}) before V2.
 */
public enum LegacyRevision {
    SCHEMA_1_0_0("a8e2b505fe67", "1", "initial schema with all models"),
    API_KEYS("2919e6e03409", "1.1", "api_keys"),
    PRODUCT_TYPES("20251116233316", "1.2", "product_types"),
    CUSTOMER_FIELDS("591f669a8f74", "1.3", "pennylane_customers fields"),
    ORDER_OPTIONAL("b04fa3516d42", "1.4", "contracts.order_id optional"),
    NO_CONTRACT_FLAG("c6907407f0af", "1.5", "pennylane_invoices.no_contract"),
    PERIODICITY("7db160b68c8f", "1.6", "contracts periodicity"),
    CUSTOMER_ID("89e3af466eb3", "1.7", "contracts.customer_id"),
    CONTRACT_TYPE("736c4265309c", "1.8", "contracts.contract_type");

    private final String alembicRevision;
    private final String baselineVersion;
    private final String change;

    LegacyRevision(String alembicRevision, String baselineVersion, String change) {
        this.alembicRevision = alembicRevision;
        this.baselineVersion = baselineVersion;
        this.change = change;
    }

    public String alembicRevision() {
        return alembicRevision;
    }

    public String baselineVersion() {
        return baselineVersion;
    }

    public String baselineDescription() {
        return this == SCHEMA_1_0_0
                ? "seed schema 1.0.0 adopted (alembic " + alembicRevision + ")"
                : "seed schema adopted at alembic " + alembicRevision + " (" + change + ")";
    }

    /** True from the first revision whose structures {@link LegacyAdoptionMigration} must set aside or complete. */
    public boolean needsAdoptionMigration() {
        return this != SCHEMA_1_0_0;
    }

    /** The Pennylane mirror tables are required from the revision that first alters one of them. */
    public boolean requiresPennylaneTables() {
        return compareTo(CUSTOMER_FIELDS) >= 0;
    }

    public static Optional<LegacyRevision> of(String alembicRevision) {
        return Arrays.stream(values())
                .filter(r -> r.alembicRevision.equals(alembicRevision))
                .findFirst();
    }

    public static boolean isAdoptionBaseline(String flywayVersion) {
        return Arrays.stream(values())
                .anyMatch(r -> r.needsAdoptionMigration() && r.baselineVersion.equals(flywayVersion));
    }

    /** {@code a8e2b505fe67 → 2919e6e03409 → …}, for messages. */
    public static String chain() {
        return String.join(
                " → ",
                Arrays.stream(values()).map(LegacyRevision::alembicRevision).toList());
    }
}
