/** Partners, distributors and the assignments that put partners under a distributor (validation of company data). */
package com.tentabo.prm.domain.company;
