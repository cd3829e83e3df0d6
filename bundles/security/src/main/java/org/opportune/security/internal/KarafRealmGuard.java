package org.opportune.security.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.AppConfigurationEntry.LoginModuleControlFlag;

import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.config.JaasRealm;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts {@link LocalOnlyPasswordLoginModule} in front of the realm {@code karaf}, the one the REST API, SSH and
 * JMX log in with. Karaf asks the realm of a name with the highest rank; this one ranks just above every other
 * realm {@code karaf} and answers with its module followed by the modules of the best of them, whatever they
 * are (users.properties as shipped, or LDAP an administrator configured): one place decides for every entrance.
 */
@Component(immediate = true, service = JaasRealm.class, configurationPid = KarafRealmGuard.PID,
        property = { KarafRealmGuard.GUARD_PROPERTY + "=true", "opportune.module=security" })
@Designate(ocd = SecurityConfig.class)
public final class KarafRealmGuard implements JaasRealm {
    public static final String PID = "org.opportune.security";
    static final String REALM = "karaf";
    static final String GUARD_PROPERTY = "opportune.realm.guard";

    private static final Logger LOG = LoggerFactory.getLogger(KarafRealmGuard.class);

    private final String bundleId;
    private volatile LocalOnlyPasswords rule;

    /** Every other realm; the guard does not guard itself. Package-private: tests bind it as DS does. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, target = "(!(" + GUARD_PROPERTY + "=true))")
    volatile List<JaasRealm> realms = List.of();

    @Activate
    public KarafRealmGuard(BundleContext context, SecurityConfig config) {
        this(context.getBundle().getBundleId(), config);
    }

    KarafRealmGuard(long bundleId, SecurityConfig config) {
        this.bundleId = Long.toString(bundleId);
        this.rule = rule(config);
    }

    @Modified
    void modified(SecurityConfig config) {
        rule = rule(config);
    }

    @Override
    public String getName() {
        return REALM;
    }

    @Override
    public int getRank() {
        return guarded().map(realm -> realm.getRank() == Integer.MAX_VALUE ? Integer.MAX_VALUE : realm.getRank() + 1)
                .orElse(0);
    }

    /** @return the guard's module, then the guarded realm's; null (no such realm) when there is none to guard */
    @Override
    public AppConfigurationEntry[] getEntries() {
        Optional<JaasRealm> guarded = guarded();
        AppConfigurationEntry[] theirs = guarded.map(JaasRealm::getEntries).orElse(null);
        if (theirs == null) {
            return null;
        }
        Map<String, Object> options = new HashMap<>();
        options.put(ProxyLoginModule.PROPERTY_MODULE, LocalOnlyPasswordLoginModule.class.getName());
        options.put(ProxyLoginModule.PROPERTY_BUNDLE, bundleId);
        options.put(LocalOnlyPasswordLoginModule.RULE_OPTION, rule);
        List<AppConfigurationEntry> entries = new ArrayList<>(theirs.length + 1);
        // requisite: its refusal ends the login at once, before users.properties is read
        entries.add(new AppConfigurationEntry(ProxyLoginModule.class.getName(), LoginModuleControlFlag.REQUISITE,
                options));
        entries.addAll(List.of(theirs));
        return entries.toArray(new AppConfigurationEntry[0]);
    }

    private Optional<JaasRealm> guarded() {
        JaasRealm best = null;
        for (JaasRealm realm : realms) {
            if (REALM.equals(realm.getName()) && (best == null || realm.getRank() > best.getRank())) {
                best = realm;
            }
        }
        return Optional.ofNullable(best);
    }

    private static LocalOnlyPasswords rule(SecurityConfig config) {
        AddressRanges local = AddressRanges.parse(List.of(orEmpty(config.localAddresses())),
                invalid -> LOG.warn("{}: localAddresses: '{}' is not an IP address or CIDR block; left out",
                        PID, invalid));
        List<String> passwords = Settings.split(List.of(orEmpty(config.localOnlyPasswords())));
        return new LocalOnlyPasswords(passwords, local, LOG::warn);
    }

    private static String[] orEmpty(String[] values) {
        return values == null ? new String[0] : values;
    }
}
