package io.nicsync.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.nicsync.cli.Main;
import io.nicsync.platforms.OperatorAllows;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * The containers' arguments, with {@code $(VAR)} expanded as the kubelet does, parsed by nicsync's own command
 * line: a renamed or removed option breaks this test, not a cluster.
 */
class CommandLineTest {
    @Test
    void theCronJobsArgumentsParse() {
        Container c = ManifestsTest.container(Manifests.one(CronJob.class).getSpec().getJobTemplate().getSpec()
                .getTemplate().getSpec());
        assertThat(c.getArgs()).startsWith("reconcile", "--once");
        assertParses(expanded(c));
    }

    @Test
    void theDeploymentsArgumentsParse() {
        Container c = ManifestsTest.container(Manifests.one(Deployment.class).getSpec().getTemplate().getSpec());
        assertThat(c.getArgs()).containsSubsequence("serve", "--interval", "2m", "--listen", "0.0.0.0:8080");
        assertParses(expanded(c));
    }

    @Test
    void theAllowListsOfTheConfigMapAreWhatNicsyncReads() {
        Map<String, String> env = configMap();
        assertThat(env).containsKeys("NICSYNC_ALLOW_ENDPOINTS", "NICSYNC_ALLOW_FILES");
        // an entry nicsync cannot read fails here, not when the first target opens
        assertThat(OperatorAllows.fromEnvironment(env)).isNotNull();
    }

    @Test
    void aRenamedOptionDoesNotParse() {
        List<String> renamed = List.of("plan", "--repository", "ssh://git@git.example.com/x.git");
        assertThat(parse(renamed)).isNotNull().startsWith("Unknown option");
    }

    private static void assertParses(List<String> args) {
        assertThat(parse(args)).as(String.join(" ", args)).isNull();
        String[] argv = args.toArray(String[]::new);
        ParseResult result = Main.commandLine(argv).parseArgs(argv);
        ParseResult sub = result.subcommand();
        assertThat(sub.matchedOptionValue("--repo", (String) null)).isEqualTo(configMap().get("NICSYNC_REPO"));
        assertThat(sub.matchedOptionValue("--ref", (String) null)).isEqualTo(configMap().get("NICSYNC_REF"));
    }

    /** picocli's error message, or null when the arguments parse. */
    private static String parse(List<String> args) {
        try {
            String[] argv = args.toArray(String[]::new);
            Main.commandLine(argv).parseArgs(argv);
            return null;
        } catch (CommandLine.ParameterException e) {
            return e.getMessage();
        }
    }

    /** The arguments as the container gets them: {@code $(VAR)} replaced by the container's environment. */
    private static List<String> expanded(Container c) {
        Map<String, String> env = new HashMap<>(configMap());
        for (EnvVar e : c.getEnv()) {
            if (e.getValue() != null) {
                env.put(e.getName(), e.getValue());
            }
        }
        Pattern variable = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");
        return c.getArgs().stream().map(arg -> {
            Matcher m = variable.matcher(arg);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String value = env.get(m.group(1));
                assertThat(value).as("$(" + m.group(1) + ") in " + arg).isNotNull();
                m.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            m.appendTail(out);
            return out.toString();
        }).toList();
    }

    private static Map<String, String> configMap() {
        return Manifests.one(ConfigMap.class).getData();
    }
}
