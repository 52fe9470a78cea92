package org.homelink.engagement.messages.channels;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * An SMTP server that speaks the protocol but answers as a test tells it to: a greeting, a reply to each recipient
 * (RCPT) and a reply to the message once its data is sent, as a real server refusing a user or greylisting does.
 * Given no greeting, it takes connections and never says a word, as a server that has hung.
 */
final class ScriptedSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final Thread thread;
    private final String greeting;
    private final String recipientReply;
    private final String dataReply;

    private ScriptedSmtpServer(String greeting, String recipientReply, String dataReply) throws IOException {
        this.greeting = greeting;
        this.recipientReply = recipientReply;
        this.dataReply = dataReply;
        this.socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        this.thread = new Thread(this::serve, "scripted-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    static ScriptedSmtpServer answering(String greeting, String recipientReply, String dataReply) throws IOException {
        return new ScriptedSmtpServer(greeting, recipientReply, dataReply);
    }

    static ScriptedSmtpServer silent() throws IOException {
        return new ScriptedSmtpServer(null, null, null);
    }

    int port() {
        return socket.getLocalPort();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                if (greeting == null) {
                    // Holds the connection open without a word until the client gives up.
                    client.getInputStream().read();
                    continue;
                }
                converse(client);
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    private void converse(Socket client) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                                                                     StandardCharsets.US_ASCII));
        OutputStream out = client.getOutputStream();
        say(out, greeting);
        if (!greeting.startsWith("2")) {
            return;
        }
        String line;
        while ((line = in.readLine()) != null) {
            String command = line.toUpperCase(Locale.ROOT);
            if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                say(out, "250 scripted.example");
            } else if (command.startsWith("MAIL FROM")) {
                say(out, "250 2.1.0 Sender OK");
            } else if (command.startsWith("RCPT TO")) {
                say(out, recipientReply);
            } else if (command.startsWith("DATA")) {
                say(out, "354 End data with <CR><LF>.<CR><LF>");
                while ((line = in.readLine()) != null && !line.equals(".")) {
                    // The message itself: not what this server is for.
                }
                say(out, dataReply);
            } else if (command.startsWith("QUIT")) {
                say(out, "221 2.0.0 Bye");
                return;
            } else {
                say(out, "250 2.0.0 OK");
            }
        }
    }

    private static void say(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
