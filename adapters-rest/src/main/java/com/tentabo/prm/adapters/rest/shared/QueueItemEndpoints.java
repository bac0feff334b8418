package com.tentabo.prm.adapters.rest.shared;

import com.tentabo.prm.adapters.rest.security.CallerContext;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.id.EntityId;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The HTTP side of a work queue's operators' endpoints (the outbox events, the received webhooks): the resources
 * declare their operations (paths, operation ids, who may call, query parameters) and hand each request here, so both
 * queues read a path id, list, show and requeue an item the same way.
 *
 * @param <K> the typed id of an item
 * @param <R> the application's record of an item
 * @param <T> its response
 */
public final class QueueItemEndpoints<K extends EntityId, R, T> {

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
    public QueueItemEndpoints(
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

    /** A page of items, read by the caller. */
    public PageResponse<T> list(Function<Caller, Page<R>> read) {
        return PageResponse.of(read.apply(callers.require()), shown);
    }

    /** The item of the path's {@code id}; a malformed UUID is a 400 naming {@code id}. */
    public T item(String id) {
        return shown.apply(item.apply(callers.require(), typed.apply(PathIds.uuid("id", id))));
    }

    /** Requeues the item of the path's {@code id}. */
    public T requeue(String id) {
        return shown.apply(requeue.apply(callers.require(), typed.apply(PathIds.uuid("id", id))));
    }
}
