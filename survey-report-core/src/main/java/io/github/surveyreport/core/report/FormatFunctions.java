package io.github.surveyreport.core.report;

import freemarker.template.SimpleNumber;
import freemarker.template.TemplateHashModel;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateNumberModel;
import freemarker.template.TemplateScalarModel;
import java.util.List;
import java.util.Map;

/**
 * {@code fmt} in the templates: every public method of {@link NumberFormats} as a FreeMarker
 * function that calls it directly. FreeMarker's bean wrapper would find the same methods by
 * introspection and call them reflectively, about a thousand calls per report, which a cold
 * JVM pays for in generated accessor classes. A value that is missing in the template
 * ({@code x!}) arrives as an empty string and prints as {@link NumberFormats#MISSING}.
 */
final class FormatFunctions implements TemplateHashModel {
    private final Map<String, TemplateMethodModelEx> functions;

    FormatFunctions(NumberFormats fmt) {
        this.functions = Map.of(
                "num", args -> places(args, "num") < 0 ? fmt.num(value(args)) : fmt.num(value(args), places(args, "num")),
                "bounded", args -> places(args, "bounded") < 0 ? fmt.bounded(value(args))
                        : fmt.bounded(value(args), places(args, "bounded")),
                "percent", args -> places(args, "percent") < 0 ? fmt.percent(value(args))
                        : fmt.percent(value(args), places(args, "percent")),
                "p", args -> fmt.p(value(args)),
                "pText", args -> fmt.pText(value(args)),
                "stars", args -> fmt.stars(value(args)),
                "integer", args -> fmt.integer(value(args)),
                "decimals", args -> new SimpleNumber(fmt.decimals()));
    }

    @Override
    public TemplateModel get(String key) {
        return functions.get(key);
    }

    @Override
    public boolean isEmpty() {
        return false;
    }

    /** The first argument as NumberFormats takes it: a number, or anything else for missing. */
    private static Object value(List<?> args) throws TemplateModelException {
        if (args.isEmpty()) {
            return null;
        }
        Object value = args.get(0);
        if (value instanceof TemplateNumberModel number) {
            return number.getAsNumber();
        }
        if (value instanceof TemplateScalarModel text) {
            return text.getAsString();
        }
        return null;
    }

    /** The optional second argument, the number of decimal places; -1 when absent. */
    private static int places(List<?> args, String function) throws TemplateModelException {
        if (args.size() < 2) {
            return -1;
        }
        if (args.get(1) instanceof TemplateNumberModel number) {
            return number.getAsNumber().intValue();
        }
        throw new TemplateModelException("fmt." + function + "(value, places): places must be a number");
    }
}
