/**
 * The Pipedrive CRM provider (API v2): opens the deal of a sent order, creating its organization first when Pipedrive
 * does not know it. Only {@link com.tentabo.prm.adapters.providers.crm.pipedrive.PipedriveCrmGateway} is visible;
 * Pipedrive's payloads stay in this package. See docs/providers.md.
 */
package com.tentabo.prm.adapters.providers.crm.pipedrive;
