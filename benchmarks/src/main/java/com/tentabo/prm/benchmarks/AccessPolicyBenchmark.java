package com.tentabo.prm.benchmarks;

import com.tentabo.prm.domain.access.AccessPolicy;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.access.Capability;
import com.tentabo.prm.domain.access.PrincipalKind;
import com.tentabo.prm.domain.access.Role;
import com.tentabo.prm.domain.access.TenantRef;
import com.tentabo.prm.domain.id.DistributorId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.id.UserId;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The per-record cost of the access policy: a distributor with many actively assigned partners checks
 * a record of one of them, of a stranger, and a capability. Target: well under a microsecond, so that scope
 * checks on every record of a 200-row page are negligible next to the query.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AccessPolicyBenchmark {

    @Param({"10", "1000"})
    public int assignedPartners;

    private Caller distributor;
    private TenantRef assignedRecord;
    private TenantRef strangerRecord;

    @Setup
    public void setUp() {
        Set<PartnerId> assigned = new HashSet<>();
        PartnerId last = null;
        for (int i = 0; i < assignedPartners; i++) {
            last = new PartnerId(UUID.randomUUID());
            assigned.add(last);
        }
        UUID id = UUID.randomUUID();
        distributor = new Caller(
                PrincipalKind.USER,
                id,
                new UserId(id),
                "bench",
                Role.DISTRIBUTOR,
                null,
                new DistributorId(UUID.randomUUID()),
                assigned,
                null,
                null);
        // the record as read from the database: an equal id, not the same instance as the caller's
        assignedRecord = TenantRef.of(new PartnerId(last.value()), null);
        strangerRecord = TenantRef.of(new PartnerId(UUID.randomUUID()), new DistributorId(UUID.randomUUID()));
    }

    @Benchmark
    public boolean inScopeAssignedPartner() {
        return AccessPolicy.inScope(distributor, assignedRecord);
    }

    @Benchmark
    public boolean inScopeStranger() {
        return AccessPolicy.inScope(distributor, strangerRecord);
    }

    @Benchmark
    public boolean capability() {
        return AccessPolicy.can(distributor, Capability.LEADS_WRITE);
    }
}
