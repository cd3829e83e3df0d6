package org.opportune.shell.internal;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;

import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** Configuration Admin as the shell sees it: the configurations it lists, found by their {@code service.pid}. */
public final class Configurations {

    private Configurations() {
    }

    /** @return Configuration Admin holding one configuration {@code pid} with these properties */
    public static ConfigurationAdmin holding(String pid, Map<String, Object> properties) {
        Dictionary<String, Object> dictionary = new Hashtable<>(properties);
        dictionary.put("service.pid", pid);
        Configuration configuration = proxy(Configuration.class, (method, args) -> switch (method) {
            case "getPid" -> pid;
            case "getProperties" -> dictionary;
            default -> throw new UnsupportedOperationException(method);
        });
        return listing(filter -> filter.equals("(service.pid=" + pid + ")") ? new Configuration[] {configuration}
                : null);
    }

    /** @return Configuration Admin holding no configuration at all */
    public static ConfigurationAdmin empty() {
        return listing(filter -> null);
    }

    /** @return Configuration Admin whose store cannot be read */
    public static ConfigurationAdmin unreadable() {
        return listing(filter -> {
            throw new IOException("disk gone");
        });
    }

    private interface Lister {
        Configuration[] list(String filter) throws IOException;
    }

    private interface Answer {
        Object answer(String method, Object[] args) throws IOException;
    }

    private static ConfigurationAdmin listing(Lister lister) {
        return proxy(ConfigurationAdmin.class, (method, args) -> {
            if (method.equals("listConfigurations")) {
                return lister.list((String) args[0]);
            }
            // anything else would create or change a configuration: the shell only looks
            throw new UnsupportedOperationException(method);
        });
    }

    private static <T> T proxy(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(Configurations.class.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> answer.answer(method.getName(), args)));
    }
}
