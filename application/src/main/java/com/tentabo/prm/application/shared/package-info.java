/** What every use case shares: id generation. Time comes from an injected {@link java.time.Clock}. */
package com.tentabo.prm.application.shared;
