package com.tentabo.prm.application.fakes;

import com.tentabo.prm.application.shared.IdGenerator;
import java.util.UUID;

/** Predictable ids: 00000000-0000-4000-8000-000000000001, …02, … */
public final class SequentialIds implements IdGenerator {

    private long next = 1;

    @Override
    public synchronized UUID newId() {
        return new UUID(0x0000000000004000L, 0x8000000000000000L | next++);
    }
}
