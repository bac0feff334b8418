/**
 * Typed identifiers of the aggregates: one record per kind ({@link com.tentabo.prm.domain.id.OrderId},
 * {@link com.tentabo.prm.domain.id.PartnerId}, …) wrapping the row's {@code UUID}, so that a port or a command
 * taking three ids cannot receive them in the wrong order. Each refuses null; {@code ofNullable} maps an absent
 * optional reference to null. The {@code UUID} stays in the entities and the SQL; {@code toString()} is the UUID's.
 */
package com.tentabo.prm.domain.id;
