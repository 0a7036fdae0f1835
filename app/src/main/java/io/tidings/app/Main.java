package io.tidings.app;

import io.helidon.microprofile.server.Server;
import io.tidings.app.demo.Demo;

import java.io.PrintStream;

/** The {@code tidings} command: {@code serve} (the default) runs the server, {@code demo} runs it with sandboxes. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        String command = args.length == 0 ? "serve" : args[0];
        switch (command) {
            case "serve" -> Server.create().start();
            case "demo" -> Demo.start();
            case "help", "--help", "-h" -> usage(System.out);
            default -> {
                System.err.println("Unknown command: " + command);
                usage(System.err);
                System.exit(2);
            }
        }
    }

    private static void usage(PrintStream out) {
        out.println("""
                Usage: tidings [command]
                  serve   run the server (default); configure with TIDINGS_* environment variables
                  demo    run the server on the embedded database with sandbox Zendesk, Salesforce and Twilio
                  help    show this text""");
    }
}
