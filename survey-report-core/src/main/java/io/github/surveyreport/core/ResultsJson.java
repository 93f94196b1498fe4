package io.github.surveyreport.core;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import io.github.surveyreport.core.internal.AtomicFiles;
import io.github.surveyreport.core.results.Results;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/**
 * Writes {@link Results} as {@code results.json}: UTF-8, keys named and ordered as the record
 * components, numbers at full double precision (shortest representation that reads back to
 * the same double), {@code null} where a value is undefined, {@code \n} line ends. The same
 * results always give the same bytes.
 */
public final class ResultsJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private ResultsJson() {
    }

    /** Writes {@code results} to {@code file}, atomically (never a half-written file). */
    public static void write(Results results, Path file) throws IOException {
        writeValue(results, file);
    }

    /** Writes any results object to {@code file}, atomically. */
    public static void writeValue(Object value, Path file) throws IOException {
        AtomicFiles.write(file, out -> write(value, out));
    }

    /** The bytes {@link #write} writes: UTF-8 JSON of any results object. */
    public static byte[] toBytes(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(value, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The JSON text of any results object (a record, list, map or value). */
    public static String toJson(Object value) {
        return new String(toBytes(value), StandardCharsets.UTF_8);
    }

    private static void write(Object value, OutputStream out) throws IOException {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
        try (JsonGenerator generator = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            generator.setPrettyPrinter(printer);
            writeValue(generator, value);
            generator.writeRaw('\n');
        }
    }

    private static void writeValue(JsonGenerator out, Object value) throws IOException {
        if (value == null) {
            out.writeNull();
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isFinite(d)) {
                out.writeNumber(d);
            } else {
                out.writeNull(); // JSON has no NaN or infinity
            }
        } else if (value instanceof Number) {
            out.writeNumber(((Number) value).longValue());
        } else if (value instanceof Boolean) {
            out.writeBoolean((Boolean) value);
        } else if (value instanceof CharSequence) {
            out.writeString(value.toString());
        } else if (value instanceof Enum) {
            out.writeString(((Enum<?>) value).name().toLowerCase(Locale.ROOT));
        } else if (value instanceof Map) {
            out.writeStartObject();
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                out.writeFieldName(String.valueOf(entry.getKey()));
                writeValue(out, entry.getValue());
            }
            out.writeEndObject();
        } else if (value instanceof Collection) {
            out.writeStartArray();
            for (Object element : (Collection<?>) value) {
                writeValue(out, element);
            }
            out.writeEndArray();
        } else if (value instanceof double[]) {
            out.writeStartArray();
            for (double d : (double[]) value) {
                writeValue(out, d);
            }
            out.writeEndArray();
        } else if (value.getClass().isRecord()) {
            out.writeStartObject();
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                out.writeFieldName(component.getName());
                writeValue(out, read(component, value));
            }
            out.writeEndObject();
        } else {
            throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON");
        }
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }
}
