package org.opportune.rest.internal.security;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.ws.rs.HttpMethod;
import javax.ws.rs.Path;

/**
 * One operation of the API as the access policy and the OpenAPI document name it: the HTTP method and the path
 * template relative to the API base, e.g. {@code PUT /salespeople/{code}}. A template's regular expressions are
 * left out ({@code /openapi.{format}}), as OpenAPI writes it.
 *
 * @param method   upper case, e.g. {@code GET}
 * @param template with a leading slash and none at the end
 */
public record Endpoint(String method, String template) {

    public Endpoint {
        method = method.toUpperCase(Locale.ROOT);
        template = normalized(template);
    }

    /** @param line e.g. {@code GET /salespeople/{code}} */
    public static Endpoint parse(String line) {
        String[] parts = line.trim().split("\\s+", 2);
        if (parts.length != 2) {
            throw new IllegalArgumentException("not METHOD /template: " + line);
        }
        return new Endpoint(parts[0], parts[1]);
    }

    /**
     * The template Jersey matched for a resource method of a root resource class: the class's {@code @Path} and
     * the method's (or that of the method it overrides, whose JAX-RS annotations it inherits).
     */
    public static String template(Class<?> resource, Method method) {
        Path root = resource.getAnnotation(Path.class);
        Path sub = annotated(method, Path.class);
        return normalized((root == null ? "" : root.value()) + "/" + (sub == null ? "" : sub.value()));
    }

    /** Every resource method of a root resource class, its inherited ones included, each with its endpoint. */
    public static List<Endpoint> of(Class<?> resource) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Method method : resource.getMethods()) {
            if (!method.isBridge() && !method.isSynthetic() && !Modifier.isStatic(method.getModifiers())) {
                httpMethod(method).ifPresent(http -> endpoints.add(new Endpoint(http, template(resource, method))));
            }
        }
        return endpoints;
    }

    /** @return the HTTP method a Java method answers ({@code @GET}, {@code @PATCH}, …), empty for any other */
    public static Optional<String> httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return Optional.of(http.value());
            }
        }
        Method overridden = overridden(method);
        return overridden == null ? Optional.empty() : httpMethod(overridden);
    }

    @Override
    public String toString() {
        return method + " " + template;
    }

    private static <A extends Annotation> A annotated(Method method, Class<A> type) {
        for (Method m = method; m != null; m = overridden(m)) {
            A found = m.getAnnotation(type);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** The method of the superclass this one overrides, if any. */
    private static Method overridden(Method method) {
        Class<?> superclass = method.getDeclaringClass().getSuperclass();
        if (superclass == null) {
            return null;
        }
        try {
            return superclass.getMethod(method.getName(), method.getParameterTypes());
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    /** Slashes single, one in front, none at the end; {@code {name: regex}} becomes {@code {name}}. */
    static String normalized(String template) {
        StringBuilder out = new StringBuilder("/");
        int depth = 0;
        boolean inRegex = false;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '{') {
                depth++;
                if (depth == 1) {
                    out.append(c);
                    continue;
                }
            } else if (c == '}') {
                depth--;
                if (depth == 0) {
                    inRegex = false;
                    out.append(c);
                    continue;
                }
            } else if (c == ':' && depth == 1) {
                inRegex = true;
                continue;
            }
            if (inRegex || depth > 1 || (depth == 1 && Character.isWhitespace(c))) {
                continue;
            }
            if (c == '/' && out.charAt(out.length() - 1) == '/') {
                continue;
            }
            out.append(c);
        }
        if (out.length() > 1 && out.charAt(out.length() - 1) == '/') {
            out.setLength(out.length() - 1);
        }
        return out.toString();
    }
}
