package com.tentabo.prm.adapters.rest.openapi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What the API document says of a route that a resource inherits: twin resources (partners and distributors, the two
 * work queues) declare their shared routes once, in an abstract class, and each names on its own class, with this
 * annotation, the operation id, summary and description that {@code @Operation} gives a route it declares itself.
 * {@link InheritedOperations} writes them into the document; a route without one, or one naming no inherited route,
 * fails the build.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(InheritedOperation.List.class)
public @interface InheritedOperation {

    /** The Java name of the inherited route's method ({@code create}). */
    String method();

    String operationId();

    String summary();

    /** Says who may call, as every operation's description does. */
    String description();

    /** The operations of one resource. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        InheritedOperation[] value();
    }
}
