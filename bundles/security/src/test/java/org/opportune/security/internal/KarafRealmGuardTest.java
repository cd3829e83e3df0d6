package org.opportune.security.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;

import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Map;

import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.AppConfigurationEntry.LoginModuleControlFlag;

import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.config.JaasRealm;
import org.junit.Test;

public class KarafRealmGuardTest {
    private final KarafRealmGuard guard = new KarafRealmGuard(42, defaults());

    @Test
    public void theGuardRanksAboveTheBestRealmKarafAndPutsItsModuleFirst() {
        JaasRealm shipped = realm("karaf", 0, "PropertiesLoginModule", "PublickeyLoginModule");
        JaasRealm ldap = realm("karaf", 5, "LDAPLoginModule");
        guard.realms = List.of(shipped, ldap, realm("other", 100, "OtherLoginModule"));

        assertEquals("karaf", guard.getName());
        assertEquals(6, guard.getRank());
        AppConfigurationEntry[] entries = guard.getEntries();
        assertEquals(2, entries.length);
        assertEquals(ProxyLoginModule.class.getName(), entries[0].getLoginModuleName());
        assertEquals(LoginModuleControlFlag.REQUISITE, entries[0].getControlFlag());
        Map<String, ?> options = entries[0].getOptions();
        assertEquals(LocalOnlyPasswordLoginModule.class.getName(), options.get(ProxyLoginModule.PROPERTY_MODULE));
        assertEquals("42", options.get(ProxyLoginModule.PROPERTY_BUNDLE));
        assertEquals(LocalOnlyPasswords.class, options.get(LocalOnlyPasswordLoginModule.RULE_OPTION).getClass());
        assertSame(ldap.getEntries()[0], entries[1]);
    }

    @Test
    public void withoutARealmKarafThereIsNothingToGuard() {
        guard.realms = List.of(realm("other", 0, "OtherLoginModule"));

        assertNull(guard.getEntries());
        assertEquals(0, guard.getRank());
    }

    @Test
    public void theRankNeverOverflows() {
        guard.realms = List.of(realm("karaf", Integer.MAX_VALUE, "PropertiesLoginModule"));

        assertEquals(Integer.MAX_VALUE, guard.getRank());
    }

    private static JaasRealm realm(String name, int rank, String... modules) {
        AppConfigurationEntry[] entries = new AppConfigurationEntry[modules.length];
        for (int i = 0; i < modules.length; i++) {
            entries[i] = new AppConfigurationEntry(modules[i], LoginModuleControlFlag.OPTIONAL, Map.of());
        }
        return new JaasRealm() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public int getRank() {
                return rank;
            }

            @Override
            public AppConfigurationEntry[] getEntries() {
                return entries;
            }
        };
    }

    private static SecurityConfig defaults() {
        return new SecurityConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return SecurityConfig.class;
            }

            @Override
            public String[] localAddresses() {
                return new String[] { "127.0.0.0/8", "::1" };
            }

            @Override
            public String[] localOnlyPasswords() {
                return new String[] { "admin" };
            }
        };
    }
}
