package com.tentabo.prm.adapters.persistence.company;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** Row of table {@code distributors} (seed schema 1.0.0); its columns are those of {@link CompanyEntity}. */
@Entity
@Table(name = "distributors")
public class DistributorEntity extends CompanyEntity {}
