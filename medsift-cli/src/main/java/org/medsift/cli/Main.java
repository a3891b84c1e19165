package org.medsift.cli;

import java.io.PrintWriter;
import org.medsift.app.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code medsift} command. */
@Command(name = "medsift", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Turns clinical notes into coded, assertion-aware, standards-ready data.",
        subcommands = {ExtractCommand.class, IngestCommand.class, ContextCommand.class, EvalCommand.class, LexiconCommand.class, DeidCommand.class, BenchCommand.class, TrainCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams and returns the exit code (for tests and embedding). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("medsift: error: " + describe(ex));
            if (Boolean.getBoolean("medsift.debug")) {
                ex.printStackTrace(commandLine.getErr());
            }
            return ExitCodes.FAILURE;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("medsift: " + ex.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for usage.");
            return ExitCodes.USAGE;
        });
        return cl;
    }

    private static String describe(Exception ex) {
        String msg = ex.getMessage();
        return ex.getClass().getSimpleName() + (msg == null ? "" : ": " + msg);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Reports the build's version. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"medsift " + Version.get() + " (Java " + System.getProperty("java.version") + ")"};
        }
    }
}
