package com.tentabo.prm.application.shared;

import java.util.UUID;

/** Source of new record ids; injected so that tests can make ids predictable. */
@FunctionalInterface
public interface IdGenerator {
    UUID newId();
}
