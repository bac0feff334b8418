package com.tentabo.prm.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Runs the seed system's normalising query ({@code schema-facts.sql}) and reads the reference fact list. */
public final class SchemaFacts {

    private SchemaFacts() {}

    public static List<String> of(Connection connection) throws SQLException {
        List<String> facts = new ArrayList<>();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery(resource("/schema/schema-facts.sql"))) {
            while (rs.next()) {
                facts.add(rs.getString(1));
            }
        }
        return facts;
    }

    public static List<String> reference() {
        return Arrays.stream(resource("/schema/seed-schema-1.0.0.facts").split("\n"))
                .filter(line -> !line.isBlank())
                .toList();
    }

    public static String resource(String path) {
        try (InputStream in = SchemaFacts.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
