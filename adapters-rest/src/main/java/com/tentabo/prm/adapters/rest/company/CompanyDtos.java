package com.tentabo.prm.adapters.rest.company;

import com.tentabo.prm.application.company.port.in.CompanyCommand;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.company.Assignment;
import com.tentabo.prm.domain.company.Company;
import com.tentabo.prm.domain.company.CompanyProfile;
import com.tentabo.prm.domain.id.CompanyId;
import com.tentabo.prm.domain.id.EntityId;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Request and response bodies of partners, distributors and assignments (same fields as the seed tables). */
public final class CompanyDtos {

    private CompanyDtos() {}

    public record CompanyRequest(
            @NotNull @Size(max = 255) String name,
            @Size(max = 255) String legalName,
            @Size(max = 100) String registrationNumber,
            @Size(max = 255) String email,
            @Size(max = 50) String phone,
            @Size(max = 255) String website,
            @Size(max = 255) String addressLine1,
            @Size(max = 255) String addressLine2,
            @Size(max = 100) String city,
            @Size(max = 20) String postalCode,
            @Size(max = 100) String country,
            @Size(max = 10000) String notes,
            Boolean isActive) {
        CompanyCommand toCommand() {
            return new CompanyCommand(
                    new CompanyProfile(
                            name,
                            legalName,
                            registrationNumber,
                            email,
                            phone,
                            website,
                            addressLine1,
                            addressLine2,
                            city,
                            postalCode,
                            country,
                            notes),
                    isActive);
        }
    }

    public record CompanyResponse(
            UUID id,
            String name,
            String legalName,
            String registrationNumber,
            String email,
            String phone,
            String website,
            String addressLine1,
            String addressLine2,
            String city,
            String postalCode,
            String country,
            String notes,
            boolean isActive,
            Instant createdAt,
            Instant updatedAt) {
        static CompanyResponse of(UUID id, CompanyProfile p, boolean active, Instant createdAt, Instant updatedAt) {
            return CompanyResponseMapper.INSTANCE.toResponse(id, p, active, createdAt, updatedAt);
        }

        static CompanyResponse of(Company<?> c) {
            return of(c.id().value(), c.profile(), c.active(), c.createdAt(), c.updatedAt());
        }
    }

    public record CompanyPage(List<CompanyResponse> items, String nextCursor) {
        static <I extends CompanyId> CompanyPage of(Page<Company<I>> page) {
            return new CompanyPage(
                    page.items().stream().map(CompanyResponse::of).toList(), page.nextCursor());
        }
    }

    public record AssignRequest(
            @NotNull UUID partnerId, @Size(max = 10000) String notes) {}

    public record AssignmentUpdate(@NotNull Boolean isActive) {}

    public record AssignmentResponse(
            UUID id,
            UUID distributorId,
            UUID partnerId,
            Instant assignedAt,
            UUID assignedBy,
            boolean isActive,
            String notes,
            Instant updatedAt) {
        static AssignmentResponse of(Assignment a) {
            return new AssignmentResponse(
                    a.id().value(),
                    a.distributorId().value(),
                    a.partnerId().value(),
                    a.assignedAt(),
                    EntityId.uuid(a.assignedBy()),
                    a.active(),
                    a.notes(),
                    a.updatedAt());
        }
    }

    public record AssignmentList(List<AssignmentResponse> items) {}
}
