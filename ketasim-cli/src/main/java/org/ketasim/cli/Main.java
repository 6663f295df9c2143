package org.ketasim.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ketasim} command.
 *
 * <p>Every user error (bad option, bad quantity, bad model file) ends as one line on standard error
 * and exit code 2; only a defect of KetaSim itself exits with 1.
 */
@Command(name = "ketasim", mixinStandardHelpOptions = true, version = "KetaSim 0.1.0",
        description = "Mechanistic simulator for ketamine therapy: dose -> plasma and brain levels -> "
                + "receptors -> circuit -> plasticity -> symptoms and side effects.",
        subcommands = {SimulateCommand.class, DemoCommand.class, ServeCommand.class, TrialCommand.class, ExportCommand.class, ValidateCommand.class, CalibrateCommand.class, ParamsCommand.class, CheckCommand.class, ForecastCommand.class, SensitivityCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    /** Exit code for input the user can fix. */
    public static final int USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (for tests). */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setParameterExceptionHandler(Main::onBadParameter);
        cli.setExecutionExceptionHandler(Main::onFailure);
        return cli.execute(args);
    }

    private static int onBadParameter(CommandLine.ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        err.println("ketasim: " + oneLine(e.getMessage())
                + " (see 'ketasim " + e.getCommandLine().getCommandName() + " --help')");
        return USAGE;
    }

    private static int onFailure(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (e instanceof UserInputException || e instanceof IllegalArgumentException) {
            err.println("ketasim: " + oneLine(e.getMessage()));
            return USAGE;
        }
        err.println("ketasim: internal error: " + oneLine(String.valueOf(e)) + " (please report it)");
        return 1;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").trim();
    }
}
