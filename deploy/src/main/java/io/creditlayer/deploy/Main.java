package io.creditlayer.deploy;

import io.creditlayer.contracts.chain.ChainClient;
import io.creditlayer.contracts.chain.ChainException;
import io.creditlayer.deploy.config.ConfigException;
import io.creditlayer.deploy.config.DeploymentConfig;
import io.creditlayer.deploy.demo.LendingDemo;
import io.creditlayer.deploy.scenario.ArchetypeMix;
import io.creditlayer.deploy.scenario.ScenarioDevnet;
import io.creditlayer.deploy.scenario.ScenarioOptions;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Command line: {@code demo} runs the devnet end to end; {@code deploy --config FILE [--out FILE]} deploys the
 * system to the network the config names; {@code scenario [--wallets N] [--days D] [--seed S] [--mix M] [--out DIR]}
 * simulates a devnet history (see {@link ScenarioDevnet}); {@code reaudit [--out DIR] [--seed S]} retrains and
 * audits a finished demo's files without the chain (see {@link LendingDemo#reaudit}). Failures print one line and exit non-zero.
 */
public final class Main {
    private static final String USAGE = """
            usage: creditlayer-deploy demo [--wallets N] [--days D] [--seed S] [--out DIR] [--keep-running] [--until audit]
                                          [--fairness-policy FILE]   (default: deploy/devnet/fairness-policy.json)
                   creditlayer-deploy reaudit [--out DIR] [--seed S] [--fairness-policy FILE]
                                          (retrain and audit a finished demo's files, no chain)
                   creditlayer-deploy deploy --config FILE [--out FILE]
                   creditlayer-deploy scenario [--wallets N] [--days D] [--seed S] [--mix steady=30,trader=12,...] [--out DIR] [--keep-running]""";

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        List<String> arguments = Arrays.asList(args);
        String command = arguments.isEmpty() ? "demo" : arguments.getFirst();
        try {
            switch (command) {
                case "demo" -> new LendingDemo(System.out,
                        Path.of(option(arguments, "--out", "deploy/target/devnet")), scenarioOptions(arguments),
                        arguments.contains("--keep-running"), untilAudit(arguments))
                        .withPolicy(policyOption(arguments)).run();
                case "reaudit" -> LendingDemo.reaudit(System.out, Path.of(option(arguments, "--out", "deploy/target/devnet")),
                        number(arguments, "--seed", ScenarioOptions.DEFAULT_SEED), policyOption(arguments));
                case "deploy" -> deploy(arguments);
                case "scenario" -> ScenarioDevnet.command(scenarioOptions(arguments),
                        Path.of(option(arguments, "--out", "deploy/target/devnet")), System.out,
                        arguments.contains("--keep-running"));
                case "-h", "--help", "help" -> System.out.println(USAGE);
                default -> {
                    System.err.println("error: unknown command '" + command + "'\n" + USAGE);
                    return 2;
                }
            }
            return 0;
        } catch (ConfigException | ChainException | IllegalArgumentException | IllegalStateException e) {
            System.err.println("error: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            System.err.println("error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return 1;
        }
    }

    private static void deploy(List<String> arguments) {
        String configPath = option(arguments, "--config", null);
        if (configPath == null) {
            throw new ConfigException("deploy needs --config FILE (see deploy/networks/)");
        }
        DeploymentConfig config = DeploymentConfig.read(Path.of(configPath));
        Path out = Path.of(option(arguments, "--out", "deploy/target/" + config.network().name() + "/deployment.json"));
        try (ChainClient chain = ChainClient.connect(config.network().rpcUrl(), config.network().chainId(),
                ChainClient.GasPolicy.devnet())) {
            // The endpoint and its chain id are checked before the key is unlocked.
            var credentials = config.deployerKey().load();
            Deployment deployment = new SystemDeployer(chain, credentials, System.out::println).deploy(config);
            deployment.write(out);
            System.out.println("deployment written to " + out.toAbsolutePath());
        }
    }

    private static Path policyOption(List<String> arguments) {
        String file = option(arguments, "--fairness-policy", null);
        return file == null ? null : Path.of(file);
    }

    /** {@code --until audit}: the demo stops after the fairness audit; no other stopping point exists. */
    private static boolean untilAudit(List<String> arguments) {
        String until = option(arguments, "--until", null);
        if (until != null && !until.equals("audit")) {
            throw new ConfigException("--until takes 'audit' (stop after the fairness audit): " + until);
        }
        return until != null;
    }

    private static ScenarioOptions scenarioOptions(List<String> arguments) {
        ScenarioOptions defaults = ScenarioOptions.defaults();
        String mix = option(arguments, "--mix", null);
        return new ScenarioOptions(
                number(arguments, "--seed", defaults.seed()),
                Math.toIntExact(number(arguments, "--wallets", defaults.wallets())),
                Math.toIntExact(number(arguments, "--days", defaults.days())),
                mix == null ? defaults.mix() : ArchetypeMix.parse(mix));
    }

    private static long number(List<String> arguments, String name, long fallback) {
        String value = option(arguments, name, Long.toString(fallback));
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new ConfigException(name + " must be an integer: " + value);
        }
    }

    private static String option(List<String> arguments, String name, String fallback) {
        int index = arguments.indexOf(name);
        if (index < 0) {
            return fallback;
        }
        if (index + 1 >= arguments.size()) {
            throw new ConfigException(name + " needs a value");
        }
        return arguments.get(index + 1);
    }
}
