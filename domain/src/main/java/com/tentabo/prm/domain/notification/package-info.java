/** What the service tells people about: the notification types, their wire names and which of them are reminders. */
package com.tentabo.prm.domain.notification;
