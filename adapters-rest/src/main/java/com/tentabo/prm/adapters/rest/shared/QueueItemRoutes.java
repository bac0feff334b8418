package com.tentabo.prm.adapters.rest.shared;

import com.tentabo.prm.adapters.rest.openapi.InheritedOperation;
import com.tentabo.prm.adapters.rest.security.CallerContext;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.id.EntityId;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The routes a work queue's operators share, declared once (the outbox events, the received webhooks): show an item
 * and requeue it. Each queue's resource extends this class with its path and tag, says what the API document tells of
 * each route for its queue ({@link InheritedOperation}: operation id, summary, who may call), and declares its list,
 * whose filters are its own, answered through {@link #list}.
 *
 * @param <K> the typed id of an item
 * @param <R> the application's record of an item
 * @param <T> its response
 */
@Produces(MediaType.APPLICATION_JSON)
public abstract class QueueItemRoutes<K extends EntityId, R, T> {

    private final CallerContext callers;
    private final Function<UUID, K> typed;
    private final BiFunction<Caller, K, R> item;
    private final BiFunction<Caller, K, R> requeue;
    private final Function<R, T> shown;

    /**
     * @param typed   a path's UUID as the item's typed id
     * @param item    the use case reading one item
     * @param requeue the use case requeueing one
     * @param shown   an item's response
     */
    protected QueueItemRoutes(
            CallerContext callers,
            Function<UUID, K> typed,
            BiFunction<Caller, K, R> item,
            BiFunction<Caller, K, R> requeue,
            Function<R, T> shown) {
        this.callers = callers;
        this.typed = typed;
        this.item = item;
        this.requeue = requeue;
        this.shown = shown;
    }

    /** The item of the path's {@code id}; a malformed UUID is a 400 naming {@code id}. */
    @GET
    @Path("/{id}")
    public T item(@PathParam("id") String id) {
        return shown.apply(item.apply(callers.require(), typed.apply(PathIds.uuid("id", id))));
    }

    /** Requeues the item of the path's {@code id}. */
    @POST
    @Path("/{id}/requeue")
    public T requeue(@PathParam("id") String id) {
        return shown.apply(requeue.apply(callers.require(), typed.apply(PathIds.uuid("id", id))));
    }

    /** A page of items, read by the caller. */
    protected final PageResponse<T> list(Function<Caller, Page<R>> read) {
        return PageResponse.of(read.apply(callers.require()), shown);
    }
}
