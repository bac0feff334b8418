package com.tentabo.prm.adapters.web.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.tentabo.prm.adapters.web.support.MessageBundles;
import com.tentabo.prm.domain.notification.NotificationType;
import java.io.IOException;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The notification texts: both languages complete, and a title for every type of notification there is. */
class NotificationMessagesTest {

    @Test
    void everyNotificationTypeHasATitle() throws IOException {
        Properties en = MessageBundles.load("ntf_en.properties");
        for (NotificationType type : NotificationType.values()) {
            assertThat(en).as(type.name()).containsKey("notif_" + type.name().toLowerCase(Locale.ROOT));
        }
    }
}
