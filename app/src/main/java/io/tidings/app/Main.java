package io.tidings.app;

import io.helidon.microprofile.server.Server;
import io.tidings.app.cli.InstallZendesk;
import io.tidings.app.cli.SyncZendesk;
import io.tidings.app.demo.Demo;

import org.eclipse.microprofile.config.ConfigProvider;

import java.io.PrintStream;
import java.util.List;
import java.util.function.Supplier;

/**
 * The {@code tidings} command: {@code serve} (the default) runs the server, {@code demo} runs it with sandboxes,
 * {@code install zendesk} sets up a Zendesk account, {@code sync zendesk --backfill} fills its user fields.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        String command = args.length == 0 ? "serve" : args[0];
        switch (command) {
            case "serve" -> startOrExit(() -> Server.create().start());
            case "demo" -> startOrExit(Demo::start);
            case "install" -> System.exit(InstallZendesk.run(List.of(args).subList(1, args.length),
                    ConfigProvider.getConfig(), System.out, System.err));
            case "sync" -> System.exit(SyncZendesk.run(List.of(args).subList(1, args.length),
                    ConfigProvider.getConfig(), System.out, System.err));
            case "help", "--help", "-h" -> usage(System.out);
            default -> {
                System.err.println("Unknown command: " + command);
                usage(System.err);
                System.exit(2);
            }
        }
    }

    /** A server that cannot start says why in one line and exits non-zero, instead of hanging on. */
    private static void startOrExit(Supplier<Server> start) {
        try {
            Server server = start.get();
            if (server.port() < 0) {
                System.err.println("Tidings could not start: port " + ConfigProvider.getConfig()
                        .getOptionalValue("server.port", Integer.class).orElse(8080)
                        + " is not free (set SERVER_PORT to use another)");
                System.exit(1);
            }
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            System.err.println("Tidings could not start: " + cause.getMessage());
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void usage(PrintStream out) {
        out.println("""
                Usage: tidings [command]
                  serve   run the server (default); configure with TIDINGS_* environment variables
                  demo    run the server on the embedded database with sandbox Zendesk, Salesforce and Twilio
                  install zendesk [--dry-run]
                          create the user fields, webhook and triggers Tidings needs in the Zendesk account
                  sync zendesk --backfill
                          write every customer's preferences and consent to their Zendesk user fields
                  help    show this text""");
    }
}
