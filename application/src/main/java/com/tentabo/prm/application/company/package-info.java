/** Use cases of partners, distributors and assignments. */
package com.tentabo.prm.application.company;
