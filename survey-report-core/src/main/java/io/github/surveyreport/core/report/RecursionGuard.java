package io.github.surveyreport.core.report;

import freemarker.core.Environment;
import freemarker.core.TemplateProcessingTracer;
import freemarker.template.Template;
import io.github.surveyreport.core.SurveyReportException;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stops a template that recurses without end (a macro that calls itself, a template that
 * includes itself) with a {@link SurveyReportException} that names the template, instead of a
 * {@link StackOverflowError} that names nothing.
 *
 * <p>FreeMarker has no depth limit, and once a {@code StackOverflowError} has unwound, the
 * template's instruction stack is gone. So this tracer (FreeMarker's public hook, called as
 * each instruction starts and ends) keeps its own copy of that stack and ends the render when
 * it is deeper than any report needs ({@link #MAX_DEPTH}; the bundled report is about 20 deep),
 * while the Java stack still has room. Where the Java stack is smaller than that depth needs (a
 * small {@code -Xss}), the renderer still catches the {@code StackOverflowError}: the copy is
 * not cleared as the stack unwinds, so {@link #overflowed} can name the template all the same.
 * Stopping before the overflow is the main path, because a {@code StackOverflowError} can
 * strike anywhere, e.g. in a class's static initialiser, and leave that class unusable.
 * One guard serves one render.
 */
final class RecursionGuard implements TemplateProcessingTracer {
    /** Nested instructions allowed: far beyond real templates, well within a 512 KB Java stack. */
    static final int MAX_DEPTH = 600;
    /** How FreeMarker describes a macro or function definition in its instruction stack. */
    private static final Pattern DEFINITION = Pattern.compile("#(macro|function) ([^\\s(]+).*", Pattern.DOTALL);

    private TracedElement[] stack = new TracedElement[64];
    private int depth;
    private int deepest;

    @Override
    public void enterElement(Environment env, TracedElement element) {
        if (depth == stack.length) {
            stack = Arrays.copyOf(stack, depth * 2);
        }
        stack[depth++] = element;
        deepest = Math.max(deepest, depth);
        if (depth > MAX_DEPTH) {
            throw new TooDeep(report(depth, "more than " + MAX_DEPTH + " levels deep"));
        }
    }

    @Override
    public void exitElement(Environment env, TracedElement element) {
        if (depth > 0) {
            depth--;
        }
    }

    /** The report for a {@link StackOverflowError} in a render this guard traced. */
    SurveyReportException overflowed(StackOverflowError error) {
        SurveyReportException report = deepest == 0
                ? new SurveyReportException("Cannot render the report: the templates recurse without end (the Java "
                        + "stack overflowed).")
                : report(deepest, "until the Java stack overflowed");
        report.initCause(error);
        return report;
    }

    /**
     * The instruction that occurs most often in the stack, definitions aside, is the recursion's
     * call: the {@code <@macro>}, {@code <#include>} or function call that repeats; the definition
     * that occurs most often is the macro or function it calls. Of equals, the innermost wins.
     */
    private SurveyReportException report(int size, String howDeep) {
        Map<TracedElement, Integer> counts = new IdentityHashMap<>();
        TracedElement call = null;
        TracedElement definition = null;
        int mostCalls = 0;
        int mostDefinitions = 0;
        for (int i = size - 1; i >= 0; i--) {
            int count = counts.merge(stack[i], 1, Integer::sum);
            Matcher matcher = DEFINITION.matcher(String.valueOf(stack[i].getDescription()));
            if (matcher.matches()) {
                if (count > mostDefinitions) {
                    mostDefinitions = count;
                    definition = stack[i];
                }
            } else if (count > mostCalls && !"root".equals(stack[i].getDescription())) {
                mostCalls = count;
                call = stack[i];
            }
        }
        if (call == null) {
            call = definition != null ? definition : stack[size - 1];
        }
        Template template = call.getTemplate();
        StringBuilder message = new StringBuilder("Cannot render the report: the template ")
                .append(template == null ? "(unnamed)" : template.getSourceName()).append(" recurses without end: ")
                .append(call.getDescription()).append(" at line ").append(call.getBeginLine()).append(", column ")
                .append(call.getBeginColumn());
        if (definition != null) {
            Matcher matcher = DEFINITION.matcher(definition.getDescription());
            matcher.matches();
            message.append(" (").append(matcher.group(1)).append(' ').append(matcher.group(2)).append(')');
        }
        return new SurveyReportException(message.append(" repeats ").append(howDeep).append(". A macro that calls "
                + "itself, or a template that includes itself, needs a condition that ends the recursion.").toString());
    }

    /** Ends a render that is too deep; unchecked, as the tracer may not throw checked exceptions. */
    static final class TooDeep extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient SurveyReportException report;

        TooDeep(SurveyReportException report) {
            super(report.getMessage(), null, false, false);
            this.report = report;
        }
    }
}
