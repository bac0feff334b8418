package com.tentabo.prm.adapters.web.portal;

import com.tentabo.prm.adapters.web.support.ConsolePages;
import com.tentabo.prm.adapters.web.support.ConsoleRequest;
import com.tentabo.prm.adapters.web.support.Views;
import com.tentabo.prm.application.company.port.in.ManagePartnersUseCase;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.company.Company;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.shared.DomainException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A distributor's partners (its active assignments, as the API lists them), each leading to its leads and orders. */
@Path("/ui/partners")
public class PartnersPage extends ConsolePages {

    static final int LIST_PAGE = 50;

    private final ManagePartnersUseCase partners;

    public PartnersPage(ConsoleRequest request, Views views, ManagePartnersUseCase partners) {
        super(request, views);
        this.partners = partners;
    }

    @GET
    public Response list(@QueryParam("q") String q, @QueryParam("cursor") String cursor) {
        String search = q == null || q.isBlank() ? null : q.trim();
        Page<Company<PartnerId>> page =
                partners.list(caller(), search, null, LIST_PAGE, cursor == null || cursor.isBlank() ? null : cursor);
        return views.html(views.page("portal/partners")
                .data("page", page)
                .data("q", search == null ? "" : search)
                .data(
                        "nextQuery",
                        page.nextCursor() == null
                                ? null
                                : (search == null
                                                ? ""
                                                : "q="
                                                        + java.net.URLEncoder.encode(
                                                                search, java.nio.charset.StandardCharsets.UTF_8)
                                                        + "&")
                                        + "cursor="
                                        + java.net.URLEncoder.encode(
                                                page.nextCursor(), java.nio.charset.StandardCharsets.UTF_8)));
    }

    @ServerExceptionMapper
    public Response refused(DomainException e) {
        return views.failure(e);
    }

    @ServerExceptionMapper
    public Response failed(Exception e) {
        return views.failure(e);
    }
}
