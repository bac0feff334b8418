package com.tentabo.prm.adapters.persistence.company;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.util.UUID;

/**
 * The columns {@code partners} and {@code distributors} share (the seed gives both tables the same structure),
 * mapped once; {@link PartnerEntity} and {@link DistributorEntity} only name their table.
 */
@MappedSuperclass
public abstract class CompanyEntity {

    @Id
    @Column(name = "id", nullable = false)
    public UUID id;

    @Column(name = "name", nullable = false, length = 255)
    public String name;

    @Column(name = "legal_name", length = 255)
    public String legalName;

    @Column(name = "registration_number", length = 100)
    public String registrationNumber;

    @Column(name = "email", length = 255)
    public String email;

    @Column(name = "phone", length = 50)
    public String phone;

    @Column(name = "website", length = 255)
    public String website;

    @Column(name = "address_line1", length = 255)
    public String addressLine1;

    @Column(name = "address_line2", length = 255)
    public String addressLine2;

    @Column(name = "city", length = 100)
    public String city;

    @Column(name = "postal_code", length = 20)
    public String postalCode;

    @Column(name = "country", length = 100)
    public String country;

    @Column(name = "is_active", nullable = false)
    public Boolean isActive;

    @Column(name = "notes", columnDefinition = "text")
    public String notes;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
