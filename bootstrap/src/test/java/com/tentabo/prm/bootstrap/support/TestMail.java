package com.tentabo.prm.bootstrap.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The SMTP server of the tests: one GreenMail server in the test JVM, on a free loopback port, started with the
 * shared Quarkus boot ({@link PostgresResource}) and given to it as {@code quarkus.mailer.*}. Mail of every test class
 * arrives here: a test reads the messages of its own, unique recipients.
 */
public final class TestMail {

    private static GreenMail server;

    private TestMail() {}

    /** Starts the server (once) and answers the configuration that points the application at it. */
    static synchronized Map<String, String> start() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
        String port = Integer.toString(server.getSmtp().getPort());
        return Map.of(
                "prm.mail.smtp-host",
                "127.0.0.1",
                "quarkus.mailer.host",
                "127.0.0.1",
                "quarkus.mailer.port",
                port,
                "quarkus.mailer.start-tls",
                "DISABLED",
                "quarkus.mailer.from",
                "Tentabo PRM <no-reply@prm.test>");
    }

    public static synchronized GreenMail server() {
        return server;
    }

    /** The messages received so far for this address. */
    public static List<MimeMessage> to(String address) {
        return Arrays.stream(server.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                                .anyMatch(a -> a.toString().equalsIgnoreCase(address));
                    } catch (MessagingException e) {
                        return false;
                    }
                })
                .toList();
    }
}
