package org.reprise.report;

import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.SimpleObjectWrapper;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * FreeMarker, locked down: {@code .ftlh} templates auto-escape HTML; {@code ?new} can instantiate
 * nothing; {@code ?api} is off; and the data model is converted to plain maps, lists and strings
 * wrapped by {@link SimpleObjectWrapper}, which exposes no Java methods at all.
 */
public final class TemplateRenderer {
    private final Configuration config;

    public TemplateRenderer() {
        config = new Configuration(Configuration.VERSION_2_3_33);
        config.setClassForTemplateLoading(TemplateRenderer.class, "/templates");
        config.setDefaultEncoding("UTF-8");
        config.setRecognizeStandardFileExtensions(true);
        config.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        config.setAPIBuiltinEnabled(false);
        config.setObjectWrapper(new SimpleObjectWrapper(Configuration.VERSION_2_3_33));
        config.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        config.setLogTemplateExceptions(false);
        config.setWrapUncheckedExceptions(true);
        config.setFallbackOnNullLoopVariable(false);
        config.setLocale(Locale.ROOT);
        config.setNumberFormat("computer");
    }

    /** Renders {@code templates/<name>} with {@code model} (records, lists, maps and strings) as the root. */
    public String render(String name, Object model) throws IOException {
        Template template = config.getTemplate(name);
        StringWriter out = new StringWriter();
        try {
            template.process(plain(model), out);
        } catch (TemplateException e) {
            throw new IOException("template " + name + " failed: " + e.getMessage(), e);
        }
        return out.toString();
    }

    /** Records become maps of their components; lists and maps are converted element by element. */
    static Object plain(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Number) {
            return value;
        }
        if (value instanceof Record record) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (RecordComponent c : record.getClass().getRecordComponents()) {
                try {
                    map.put(c.getName(), plain(c.getAccessor().invoke(record)));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + c.getName() + " of " + record.getClass(), e);
                }
            }
            return map;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(plain(v)));
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
            return out;
        }
        throw new IllegalArgumentException("a report model holds only records, lists, maps, strings, numbers and"
                + " booleans; found " + value.getClass().getName());
    }
}
