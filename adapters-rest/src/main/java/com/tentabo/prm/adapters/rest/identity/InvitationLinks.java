package com.tentabo.prm.adapters.rest.identity;

import com.tentabo.prm.application.identity.port.in.ManagePasswordsUseCase.IssuedInvitation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The link of an invitation: {@code prm.invitations.link-base} ({@code PRM_INVITATIONS_LINK_BASE}, e.g. a web
 * console's page) followed by the token, or by default this API's
 * {@code POST /api/v1/auth/invitations/{token}} at the address the creator's request used.
 */
@ApplicationScoped
public class InvitationLinks {

    /** Shown once, to the one who issued it: the person it is meant for sets a password with it. */
    public record InvitationResponse(String token, String url, Instant expiresAt) {
        @Override
        public String toString() {
            return "InvitationResponse[token hidden, expiresAt=" + expiresAt + "]";
        }
    }

    private final Optional<String> linkBase;

    public InvitationLinks(@ConfigProperty(name = "prm.invitations.link-base") Optional<String> linkBase) {
        this.linkBase = linkBase.map(String::strip).filter(base -> !base.isEmpty());
    }

    InvitationResponse of(IssuedInvitation invitation, UriInfo uri) {
        if (invitation == null) {
            return null;
        }
        String base = linkBase.orElseGet(() ->
                uri.getBaseUriBuilder().path("api/v1/auth/invitations/").build().toString());
        return new InvitationResponse(invitation.token(), base + invitation.token(), invitation.expiresAt());
    }
}
