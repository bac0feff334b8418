package com.tentabo.prm.adapters.web.support;

import com.tentabo.prm.application.notification.port.in.NotificationInboxUseCase;
import com.tentabo.prm.domain.shared.DomainException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/**
 * The header's inbox entry on every page: the signed-in caller's unread count, asked once per request (one indexed
 * count) and only when a template shows it. Templates read it as {@code {cdi:inbox.unread}}.
 */
@RequestScoped
@Named("inbox")
public class InboxBadge {

    private final ConsoleRequest request;
    private final NotificationInboxUseCase inbox;
    private Long unread;

    public InboxBadge(ConsoleRequest request, NotificationInboxUseCase inbox) {
        this.request = request;
        this.inbox = inbox;
    }

    /** Unread notifications of the caller; 0 before sign-in. */
    public long unread() {
        if (unread == null) {
            long count = 0;
            if (request.signedIn()) {
                try {
                    count = inbox.unreadCount(request.caller());
                } catch (DomainException refused) {
                    count = 0; // a caller without an inbox: the header shows none
                }
            }
            unread = count;
        }
        return unread;
    }
}
