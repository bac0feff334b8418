package com.tentabo.prm.domain.id;

/**
 * The identifier of a company: a partner's ({@link PartnerId}) or a distributor's ({@link DistributorId}). A
 * {@code Company<PartnerId>} is a partner; the id's type is the company's kind, so that a distributor's id cannot
 * reach a partner's port.
 */
public sealed interface CompanyId extends EntityId permits PartnerId, DistributorId {}
