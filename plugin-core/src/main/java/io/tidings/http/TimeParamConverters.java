package io.tidings.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.OffsetDateTime;

/**
 * Reads date-time query parameters as RFC 3339 text ({@code 2026-06-10T03:30:00Z}); JAX-RS has no
 * converter of its own for {@link OffsetDateTime}. A value it cannot read is a 400 naming the parameter.
 */
@Provider
@ApplicationScoped
public class TimeParamConverters implements ParamConverterProvider {

    private static final ParamConverter<OffsetDateTime> OFFSET_DATE_TIME = new ParamConverter<>() {
        @Override
        public OffsetDateTime fromString(String value) {
            return value == null || value.isBlank() ? null : OffsetDateTime.parse(value.strip());
        }

        @Override
        public String toString(OffsetDateTime value) {
            return value.toString();
        }
    };

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        return rawType == OffsetDateTime.class ? (ParamConverter<T>) OFFSET_DATE_TIME : null;
    }
}
