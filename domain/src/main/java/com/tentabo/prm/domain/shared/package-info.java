/** Building blocks shared by every feature: the error model ({@link com.tentabo.prm.domain.shared.DomainException}, stable error codes). */
package com.tentabo.prm.domain.shared;
