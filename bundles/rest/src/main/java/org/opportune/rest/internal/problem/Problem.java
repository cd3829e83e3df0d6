package org.opportune.rest.internal.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.opportune.api.FieldError;

/**
 * An RFC 9457 problem document, as every error of the API is answered.
 *
 * @param type   {@code https://opportune.dev/problems/<kind>}
 * @param errors the fields at fault, possibly none
 * @param rule   the first rule that refused a move (409 only), else absent
 * @param rules  every rule that refused (409 only), else absent
 */
public record Problem(String type, String title, int status, String detail, String instance,
        List<FieldError> errors,
        @JsonInclude(JsonInclude.Include.NON_NULL) String rule,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<String> rules) {

    public static final String TYPE_BASE = "https://opportune.dev/problems/";

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
        rules = rules == null ? null : List.copyOf(rules);
    }

    public static Problem of(ProblemKind kind, String detail, String instance, List<FieldError> errors) {
        return new Problem(TYPE_BASE + kind.slug(), kind.title(), kind.status(), detail, instance, errors, null, null);
    }

    public Problem withRules(List<String> refusingRules) {
        if (refusingRules == null || refusingRules.isEmpty()) {
            return this;
        }
        return new Problem(type, title, status, detail, instance, errors, refusingRules.get(0), refusingRules);
    }
}
