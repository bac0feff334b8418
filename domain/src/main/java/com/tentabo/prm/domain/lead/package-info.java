/** The lead aggregate: details, the status pipeline as an explicit transition table, activities and notes. */
package com.tentabo.prm.domain.lead;
