package org.commitmenttracker.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * HTTP/1.1 on a socket bound to a chosen loopback address (127.0.0.2, 127.0.0.3, ...), so that
 * a test can be several clients at once: the services tell clients apart by address.
 */
final class RawHttp {

    private RawHttp() {
    }

    /** The status line's code, the head (header names as sent) and the body as it came. */
    record Answer(int status, String head, String body) {

        /** The first value of a header, its name in any case; null when absent. */
        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }
    }

    static Answer get(String fromAddress, int port, String path, String user, String password) {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        String request = "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n"
                + "Authorization: Basic " + credentials + "\r\nConnection: close\r\n\r\n";
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(fromAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int end = answer.indexOf("\r\n\r\n");
            return new Answer(Integer.parseInt(answer.substring(9, 12)), answer.substring(0, end), answer.substring(end + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
