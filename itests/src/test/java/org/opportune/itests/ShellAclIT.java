package org.opportune.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.inject.Inject;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.junit.Test;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The shell's command ACLs over real SSH: a salesperson with Karaf's {@code ssh} role runs the opportunity commands
 * and sees only its own deals, but neither setup commands ({@code salesperson:add}) nor Karaf's own unlisted ones
 * ({@code config:list}, {@code shell:exec}), which need Karaf's {@code admin}; it lists activities and its own tasks
 * and completes those, but adds no activity; the shipped admin runs them all.
 */
public class ShellAclIT extends UsersTestSupport {
    private static final String ANNA = "anna";
    private static final String BEN = "ben";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Inject
    protected ConfigurationAdmin configurations;

    @Override
    protected Map<String, String> users() {
        Map<String, String> users = new LinkedHashMap<>();
        users.put(ANNA, SALESPERSON + ",ssh");
        users.put(BEN, SALESPERSON + ",ssh");
        return users;
    }

    @Test
    public void aSalespersonRunsItsOwnCommandsOnlyAndAdminRunsAll() throws IOException {
        ensureSalesperson("SHA", "Anna Shell", ANNA);
        ensureSalesperson("SHB", "Ben Shell", BEN);
        ensureContact("KSHA", "Anna's shell customer", "SHA");
        ensureContact("KSHB", "Ben's shell customer", "SHB");
        ensureCycle("SH");
        String annas = createOpportunity("Anna shell deal", "KSHA", "SH", "1000", true);
        String bens = createOpportunity("Ben shell deal", "KSHB", "SH", "2000", true);

        Result list = ssh(ANNA, "opportunity:list --limit 500");
        assertEquals(list.toString(), 0, list.exitStatus());
        assertTrue(list.toString(), list.out().contains(annas));
        assertFalse("ben's deal is not shown to anna: " + list, list.out().contains(bens));
        Result show = ssh(ANNA, "opportunity:show " + bens);
        assertNotEquals("ben's deal does not exist for anna: " + show, 0, show.exitStatus());
        assertFalse(show.toString(), show.out().contains("Ben shell deal"));

        Result configList = ssh(ANNA, "config:list");
        assertNotEquals("config:list needs Karaf's admin: " + configList, 0, configList.exitStatus());
        assertFalse(configList.toString(), configList.out().contains("Pid:"));
        Result exec = ssh(ANNA, "shell:exec echo anna-was-here");
        assertNotEquals("shell:exec needs Karaf's admin: " + exec, 0, exec.exitStatus());
        assertFalse(exec.toString(), exec.out().contains("anna-was-here"));
        Result add = ssh(ANNA, "salesperson:add SHANNA \"By Anna\"");
        assertNotEquals("setup needs opportune-admin: " + add, 0, add.exitStatus());
        assertProblem(http("GET", SALESPEOPLE + "/SHANNA", null), 404);

        // activities are setup: anna lists them but adds none; tasks: hers only
        Result activityAdd = ssh(ANNA, "activity:add SHACT \"By Anna\"");
        assertNotEquals("activity:add needs opportune-admin: " + activityAdd, 0, activityAdd.exitStatus());
        assertProblem(http("GET", ACTIVITIES + "/SHACT", null), 404);
        Result activityList = ssh(ANNA, "activity:list");
        assertEquals(activityList.toString(), 0, activityList.exitStatus());
        String annasTask = createTask(ADMIN, "{\"type\": \"TODO\", \"description\": \"Anna shell task\","
                + " \"date\": \"2030-01-01\", \"opportunityNo\": \"" + annas + "\"}").path("no").asText();
        String bensTask = createTask(ADMIN, "{\"type\": \"TODO\", \"description\": \"Ben shell task\","
                + " \"date\": \"2030-01-01\", \"opportunityNo\": \"" + bens + "\"}").path("no").asText();
        Result tasks = ssh(ANNA, "task:list");
        assertEquals(tasks.toString(), 0, tasks.exitStatus());
        assertTrue(tasks.toString(), tasks.out().contains(annasTask));
        assertFalse("ben's task is not shown to anna: " + tasks, tasks.out().contains(bensTask));
        Result complete = ssh(ANNA, "task:complete " + bensTask);
        assertNotEquals("ben's task does not exist for anna: " + complete, 0, complete.exitStatus());
        assertEquals("OPEN", http("GET", TASKS + "/" + bensTask, null).json().path("status").asText());
        Result completeOwn = ssh(ANNA, "task:complete " + annasTask);
        assertEquals(completeOwn.toString(), 0, completeOwn.exitStatus());
        assertEquals("COMPLETED", http("GET", TASKS + "/" + annasTask, null).json().path("status").asText());

        Result adminList = ssh(ADMIN, "opportunity:list --limit 500");
        assertEquals(adminList.toString(), 0, adminList.exitStatus());
        assertTrue(adminList.toString(), adminList.out().contains(annas) && adminList.out().contains(bens));
        Result adminConfig = ssh(ADMIN, "config:list");
        assertEquals(adminConfig.toString(), 0, adminConfig.exitStatus());
        assertTrue(adminConfig.toString(), adminConfig.out().contains("Pid:"));
        Result adminExec = ssh(ADMIN, "shell:exec echo admin-was-here");
        assertEquals(adminExec.toString(), 0, adminExec.exitStatus());
        assertTrue(adminExec.toString(), adminExec.out().contains("admin-was-here"));
        Result adminAdd = ssh(ADMIN, "salesperson:add SHADMIN \"By Admin\"");
        assertEquals(adminAdd.toString(), 0, adminAdd.exitStatus());
        assertEquals(200, http("GET", SALESPEOPLE + "/SHADMIN", null).status());
        Result adminActivity = ssh(ADMIN, "activity:add SHADM \"By Admin\"");
        assertEquals(adminActivity.toString(), 0, adminActivity.exitStatus());
        assertEquals(200, http("GET", ACTIVITIES + "/SHADM", null).status());
    }

    /** What one command printed over SSH and the exit status Karaf gave it (1 for a failed command). */
    record Result(String command, int exitStatus, String out, String err) {
        @Override
        public String toString() {
            return "'" + command + "' exited " + exitStatus + "; out: " + out + "; err: " + err;
        }
    }

    /** Logs in over SSH as {@code user} and runs one command. */
    private Result ssh(String user, String command) throws IOException {
        int port = Integer.parseInt(String.valueOf(
                configurations.getConfiguration("org.apache.karaf.shell", null).getProperties().get("sshPort")));
        SshClient client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        client.start();
        try (ClientSession session = client.connect(user, new InetSocketAddress("127.0.0.1", port))
                .verify(TIMEOUT).getSession()) {
            session.addPasswordIdentity(password(user));
            session.auth().verify(TIMEOUT);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            try (ChannelExec channel = session.createExecChannel(command)) {
                channel.setOut(out);
                channel.setErr(err);
                channel.open().verify(TIMEOUT);
                channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), TIMEOUT);
                Integer status = channel.getExitStatus();
                return new Result(command, status == null ? -1 : status, out.toString(StandardCharsets.UTF_8),
                        err.toString(StandardCharsets.UTF_8));
            }
        } finally {
            client.stop();
        }
    }
}
