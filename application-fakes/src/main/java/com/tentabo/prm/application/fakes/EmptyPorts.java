package com.tentabo.prm.application.fakes;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An outbound port that stores nothing and holds nothing: finds answer empty, lists answer no rows, checks answer
 * false, counts zero, and writes are accepted and forgotten. For the ports a use-case test does not look at (no
 * programme level, no registration, no notification recipient); the ports a test asserts on have real fakes.
 */
public final class EmptyPorts {

    private EmptyPorts() {}

    public static <T> T of(Class<T> port) {
        Object proxy = Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (self, method, args) -> {
            Class<?> type = method.getReturnType();
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "toString" -> "empty " + port.getSimpleName();
                    case "hashCode" -> System.identityHashCode(self);
                    case "equals" -> self == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                };
            }
            if (type == Optional.class) {
                return Optional.empty();
            }
            if (type == List.class) {
                return List.of();
            }
            if (type == Set.class) {
                return Set.of();
            }
            if (type == Map.class) {
                return Map.of();
            }
            if (type == boolean.class) {
                return false;
            }
            if (type == int.class || type == long.class) {
                return type == int.class ? (Object) 0 : (Object) 0L;
            }
            if (type == java.math.BigDecimal.class) {
                return java.math.BigDecimal.ZERO;
            }
            if (type == void.class) {
                return null;
            }
            throw new UnsupportedOperationException(port.getSimpleName() + "." + method.getName()
                    + " has no empty answer; give the test a real fake of this port");
        });
        return port.cast(proxy);
    }
}
