package com.tentabo.prm.adapters.persistence.company;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** Row of table {@code partners} (seed schema 1.0.0). Mapped to the domain by hand in the repository adapter. */
@Entity
@Table(name = "partners")
public class PartnerEntity {

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
