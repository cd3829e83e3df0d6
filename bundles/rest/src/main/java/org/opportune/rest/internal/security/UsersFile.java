package org.opportune.rest.internal.security;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The realm's users file, whose changes drop the remembered logins: the setting {@code usersFile}, with
 * {@code ${name}} standing for a system property (Karaf's default realm keeps its users in
 * {@value #DEFAULT}).
 */
public final class UsersFile {
    public static final String DEFAULT = "${karaf.etc}/users.properties";
    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");
    private static final Logger LOG = LoggerFactory.getLogger(UsersFile.class);

    private UsersFile() {
    }

    /**
     * @param setting    the configured file; null or blank for none
     * @param properties the system properties, by name (null when not set)
     * @return the file to watch, empty when there is none: not configured, or naming a property that is not set
     *         (outside Karaf) or a path that is not one
     */
    public static Optional<Path> path(String setting, UnaryOperator<String> properties) {
        if (setting == null || setting.isBlank()) {
            return Optional.empty();
        }
        Matcher placeholder = PROPERTY.matcher(setting.trim());
        StringBuilder resolved = new StringBuilder();
        while (placeholder.find()) {
            String value = properties.apply(placeholder.group(1));
            if (value == null) {
                LOG.debug("usersFile {}: the system property {} is not set; no file is watched, remembered logins"
                        + " last authCacheSeconds", setting, placeholder.group(1));
                return Optional.empty();
            }
            placeholder.appendReplacement(resolved, Matcher.quoteReplacement(value));
        }
        placeholder.appendTail(resolved);
        try {
            return Optional.of(Path.of(resolved.toString()));
        } catch (InvalidPathException e) {
            LOG.warn("usersFile '{}' is not a path ({}); no file is watched, remembered logins last authCacheSeconds",
                    setting, e.getMessage());
            return Optional.empty();
        }
    }
}
