package org.opportune.shell.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.junit.Test;

/**
 * Checks what Karaf's shell extender needs to register the bundle's classes (it scans all of them,
 * {@code Karaf-Commands: *}): commands and completers are public {@code @Service} classes, and every
 * service reference is optional so that one stopped module does not take every command away.
 */
public class CommandRegistrationTest {

    private static List<Class<?>> bundleClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(OpportuneCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
                classes.add(Class.forName(name.substring(0, name.length() - ".class".length())));
            }
        }
        return classes;
    }

    private static boolean concrete(Class<?> type) {
        return !type.isInterface() && !Modifier.isAbstract(type.getModifiers());
    }

    private static List<Field> fields(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = type; c != Object.class; c = c.getSuperclass()) {
            fields.addAll(List.of(c.getDeclaredFields()));
        }
        return fields;
    }

    @Test
    public void everyCommandIsAPublicServiceWithItsScopeAndName() throws Exception {
        Set<String> commands = new TreeSet<>();
        for (Class<?> type : bundleClasses()) {
            if (Action.class.isAssignableFrom(type) && concrete(type)) {
                assertNotNull(type + " is not a @Service", type.getAnnotation(Service.class));
                assertTrue(type + " is not public", Modifier.isPublic(type.getModifiers()));
                Command command = type.getAnnotation(Command.class);
                assertNotNull(type + " has no @Command", command);
                assertTrue(type + " names no description", !command.description().isBlank());
                assertTrue(type + " is named twice", commands.add(command.scope() + ":" + command.name()));
            }
        }
        assertEquals(new TreeSet<>(List.of("activity:add", "activity:delete", "activity:list", "activity:show",
                "activity:step-add", "activity:step-delete", "closecode:add", "closecode:delete", "closecode:list",
                "contact:add", "contact:delete", "contact:list", "contact:show",
                "cycle:add", "cycle:block", "cycle:delete", "cycle:list", "cycle:models", "cycle:show",
                "cycle:stage-add", "cycle:stage-delete", "cycle:unblock",
                "opportunity:activate", "opportunity:close", "opportunity:create", "opportunity:delete",
                "opportunity:entries", "opportunity:list", "opportunity:recount-figures", "opportunity:show",
                "opportunity:update",
                "report:list", "report:run",
                "salesperson:add", "salesperson:block", "salesperson:delete", "salesperson:list", "salesperson:show",
                "salesperson:unblock", "salesperson:update",
                "task:cancel", "task:complete", "task:list", "task:show")), commands);
    }

    @Test
    public void everyCompleterNamedByACommandIsARegisteredService() throws Exception {
        int completions = 0;
        for (Class<?> type : bundleClasses()) {
            for (Field field : fields(type)) {
                Completion completion = field.getAnnotation(Completion.class);
                if (completion == null) {
                    continue;
                }
                completions++;
                Class<?> completer = completion.value();
                if (completer == StringsCompleter.class) {
                    assertTrue(field + " completes from no values", completion.values().length > 0);
                } else {
                    assertTrue(completer + " is no Completer", Completer.class.isAssignableFrom(completer));
                    assertNotNull(completer + " is not a @Service", completer.getAnnotation(Service.class));
                    assertTrue(completer + " is not public", Modifier.isPublic(completer.getModifiers()));
                }
            }
        }
        assertTrue("no field has a completer", completions > 0);
    }

    @Test
    public void everyServiceReferenceIsOptional() throws Exception {
        int references = 0;
        for (Class<?> type : bundleClasses()) {
            for (Field field : type.getDeclaredFields()) {
                Reference reference = field.getAnnotation(Reference.class);
                if (reference != null) {
                    references++;
                    assertTrue(field + " is mandatory", reference.optional());
                }
            }
        }
        assertTrue("no service is referenced", references > 0);
    }
}
