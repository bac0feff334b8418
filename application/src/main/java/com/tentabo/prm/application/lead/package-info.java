/** Use cases of the lead pipeline: scoped CRUD, status changes with history, activities, notes, conversion. */
package com.tentabo.prm.application.lead;
