package com.tentabo.prm.adapters.rest.shared;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ValueNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.tentabo.prm.domain.shared.DomainException;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * JSON conventions of the API (docs/api.md): snake_case names; money and percentages as decimal strings
 * ({@code "9720.00"}); enums written in lower case and read in any case; unknown fields refused; floats never
 * used for decimals; numbers, texts and nesting bounded as {@link JsonLimits} says, before anything computes with them.
 */
@Singleton
public class JsonConfiguration implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxNumberLength(JsonLimits.MAX_NUMBER_LENGTH)
                        .maxNestingDepth(JsonLimits.MAX_NESTING_DEPTH)
                        .maxStringLength(JsonLimits.MAX_STRING_LENGTH)
                        .build());
        mapper.setNodeFactory(new BoundedNodeFactory());
        mapper.setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        mapper.configure(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, true);
        mapper.configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);
        mapper.configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false);
        mapper.configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false);
        mapper.configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS, true);
        SimpleModule module = new SimpleModule("tentabo-api");
        module.addSerializer(BigDecimal.class, new PlainDecimalSerializer());
        module.addSerializer(Enum.class, new LowerCaseEnumSerializer());
        module.addDeserializer(BigDecimal.class, new BoundedDecimalDeserializer());
        mapper.registerModule(module);
    }

    @SuppressWarnings("rawtypes")
    static final class LowerCaseEnumSerializer extends StdSerializer<Enum> {
        LowerCaseEnumSerializer() {
            super(Enum.class);
        }

        @Override
        public void serialize(Enum value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(value.name().toLowerCase(Locale.ROOT));
        }
    }

    static final class PlainDecimalSerializer extends StdSerializer<BigDecimal> {
        PlainDecimalSerializer() {
            super(BigDecimal.class);
        }

        @Override
        public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(value.toPlainString());
        }
    }

    /**
     * Reads a decimal from a JSON number or a decimal string, refused (400) when it is longer or wider than
     * {@link JsonLimits} allows — before any comparison, scaling, hashing or printing can spend time on it.
     */
    static final class BoundedDecimalDeserializer extends StdScalarDeserializer<BigDecimal> {
        BoundedDecimalDeserializer() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken token = p.currentToken();
            BigDecimal value;
            if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                value = p.getDecimalValue();
            } else if (token == JsonToken.VALUE_STRING) {
                String text = p.getText().strip();
                if (text.isEmpty()) {
                    return null;
                }
                if (text.length() > JsonLimits.MAX_NUMBER_LENGTH) {
                    throw refused(p, text);
                }
                try {
                    value = new BigDecimal(text);
                } catch (NumberFormatException e) {
                    throw refused(p, text);
                }
            } else {
                return (BigDecimal) ctxt.handleUnexpectedToken(BigDecimal.class, p);
            }
            if (!JsonLimits.withinBounds(value)) {
                throw refused(p, p.getText());
            }
            return value;
        }

        private static InvalidFormatException refused(JsonParser p, String text) {
            String shown = text.length() > JsonLimits.MAX_NUMBER_LENGTH
                    ? text.substring(0, JsonLimits.MAX_NUMBER_LENGTH) + "…"
                    : text;
            return InvalidFormatException.from(
                    p,
                    "Decimal out of range: at most " + JsonLimits.MAX_INTEGER_DIGITS + " digits before the point and "
                            + JsonLimits.MAX_FRACTION_DIGITS + " after",
                    shown,
                    BigDecimal.class);
        }
    }

    /** JSON trees (free-form bodies such as a provider's configuration) hold decimals within {@link JsonLimits} too. */
    static final class BoundedNodeFactory extends JsonNodeFactory {
        BoundedNodeFactory() {
            super(true);
        }

        @Override
        public ValueNode numberNode(BigDecimal v) {
            if (v != null && !JsonLimits.withinBounds(v)) {
                throw DomainException.invalid(
                        "body",
                        "holds a decimal out of range: at most " + JsonLimits.MAX_INTEGER_DIGITS
                                + " digits before the point and " + JsonLimits.MAX_FRACTION_DIGITS + " after");
            }
            return super.numberNode(v);
        }
    }
}
