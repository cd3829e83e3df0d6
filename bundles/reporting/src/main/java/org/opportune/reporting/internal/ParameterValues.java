package org.opportune.reporting.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.opportune.api.Violations;
import org.opportune.api.report.ReportParameter;

/**
 * Checks and types the parameters of a report run: every given name is declared, every required one
 * is given, each value parses as its type and is one of the allowed values; defaults fill the rest.
 * All problems are reported at once, each naming its parameter.
 */
final class ParameterValues {

    private ParameterValues() {
    }

    static Map<String, Object> typed(String reportId, List<ReportParameter> declared, Map<String, String> given) {
        Map<String, ReportParameter> byName = declared.stream()
                .collect(Collectors.toMap(ReportParameter::name, parameter -> parameter, (a, b) -> a,
                        LinkedHashMap::new));
        Violations violations = new Violations();
        for (String name : given.keySet()) {
            if (!byName.containsKey(name)) {
                violations.add(name, "is not a parameter of report " + reportId + " (it takes "
                        + (byName.isEmpty() ? "none" : String.join(", ", byName.keySet())) + ")");
            }
        }
        Map<String, Object> typed = new LinkedHashMap<>();
        for (ReportParameter parameter : declared) {
            String text = given.get(parameter.name());
            if (text == null || text.isBlank()) {
                text = parameter.defaultValue();
            }
            if (text == null) {
                if (parameter.required()) {
                    violations.add(parameter.name(), "is required");
                }
                continue;
            }
            Object value = parse(violations, parameter, text.trim());
            if (value != null) {
                typed.put(parameter.name(), value);
            }
        }
        violations.throwIfAny();
        return typed;
    }

    private static Object parse(Violations violations, ReportParameter parameter, String text) {
        String name = parameter.name();
        if (!parameter.allowedValues().isEmpty()) {
            for (String allowed : parameter.allowedValues()) {
                if (allowed.equalsIgnoreCase(text)) {
                    return allowed;
                }
            }
            violations.add(name, "must be one of " + String.join(", ", parameter.allowedValues()) + ", is " + text);
            return null;
        }
        try {
            return switch (parameter.type()) {
                case STRING -> text;
                case INTEGER -> inRange(violations, parameter, Long.parseLong(text));
                case DECIMAL -> new BigDecimal(text);
                case DATE -> LocalDate.parse(text);
                case BOOLEAN -> switch (text.toLowerCase(Locale.ROOT)) {
                    case "true" -> Boolean.TRUE;
                    case "false" -> Boolean.FALSE;
                    default -> throw new IllegalArgumentException();
                };
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            violations.add(name, "must be " + article(parameter) + ", is " + text);
        } catch (IllegalArgumentException e) {
            violations.add(name, "must be true or false, is " + text);
        }
        return null;
    }

    private static Long inRange(Violations violations, ReportParameter parameter, long value) {
        if ((parameter.min() != null && value < parameter.min()) || (parameter.max() != null && value > parameter.max())) {
            violations.add(parameter.name(), "must be from " + (parameter.min() == null ? "any" : parameter.min())
                    + " to " + (parameter.max() == null ? "any" : parameter.max()) + ", is " + value);
            return null;
        }
        return value;
    }

    private static String article(ReportParameter parameter) {
        return switch (parameter.type()) {
            case INTEGER -> "a whole number";
            case DECIMAL -> "a number";
            case DATE -> "a date (YYYY-MM-DD)";
            case BOOLEAN -> "true or false";
            case STRING -> "text";
        };
    }
}
