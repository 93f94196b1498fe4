package io.github.surveyreport.core.testing;

import io.github.surveyreport.core.results.Results;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Map;

/** Copies of results with some components replaced, whatever components {@link Results} has. */
public final class ResultsCopies {
    /** A replacement that stands for {@code null} (a map cannot hold one). */
    public static final Object NULL = new Object();

    private ResultsCopies() {
    }

    /** A copy of {@code results} with the components named in {@code replacements} replaced. */
    public static Results with(Results results, Map<String, Object> replacements) {
        try {
            RecordComponent[] components = Results.class.getRecordComponents();
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                Object replacement = replacements.get(components[i].getName());
                values[i] = replacement == NULL ? null
                        : replacement != null ? replacement : components[i].getAccessor().invoke(results);
            }
            Constructor<Results> constructor = Results.class.getDeclaredConstructor(types);
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
