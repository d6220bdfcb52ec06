package org.gridgov.kit.test;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One kept-alive HTTP/1.1 connection on a plain socket, for tests that need to control what an
 * HTTP client library hides: when each byte of a request is sent, which connection it uses, and
 * requests a client would refuse or repair (a control character in a header, a malformed
 * {@code %} escape, an over-long request line). A read that waits longer than the timeout fails
 * with {@link java.net.SocketTimeoutException}.
 */
public final class RawHttpConnection implements AutoCloseable {

    /** One answer: its head (status line and headers, as sent), and its body (de-chunked). */
    public record Response(int status, String head, String body, boolean closes) {

        /** The value of the Content-Type header, or "" without one. */
        public String contentType() {
            return header("content-type");
        }

        @Override
        public String toString() {
            return head + "\r\n" + body;
        }

        private String header(String name) {
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith(name + ":")) {
                    return line.substring(name.length() + 1).trim();
                }
            }
            return "";
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    public RawHttpConnection(int port, int readTimeoutMillis) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(readTimeoutMillis);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** One request, written byte for byte as given (ISO-8859-1), on a connection of its own, and its answer. */
    public static Response once(int port, String request) throws IOException {
        try (RawHttpConnection connection = new RawHttpConnection(port, 10_000)) {
            connection.send(request.getBytes(StandardCharsets.ISO_8859_1));
            return connection.readResponse();
        }
    }

    /** {@code GET target} as given (a path and query an HTTP client would refuse or repair), with a bearer token if not null. */
    public static Response get(int port, String target, String token) throws IOException {
        return once(port, "GET " + target + " HTTP/1.1\r\nHost: test\r\n"
                + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "\r\n");
    }

    public void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /**
     * Reads one whole response (Content-Length, chunked, or up to the end of the connection). A 1xx, 204 or 304 has no
     * body whatever its headers say (RFC 9112 §6.3), so nothing is read after its head.
     */
    public Response readResponse() throws IOException {
        String head = readHead();
        int status = Integer.parseInt(head.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean closes = false;
        for (String line : head.split("\r\n")) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                closes = true;
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (status < 200 || status == 204 || status == 304) {
            return new Response(status, head, "", closes);
        }
        if (chunked) {
            long size;
            while ((size = Long.parseLong(readLine().split(";")[0].trim(), 16)) > 0) {
                read(size, body);
                readLine();
            }
            readLine();
        } else if (length >= 0) {
            read(length, body);
        } else {
            in.transferTo(body);
            closes = true;
        }
        return new Response(status, head, body.toString(StandardCharsets.UTF_8), closes);
    }

    private String readHead() throws IOException {
        StringBuilder head = new StringBuilder();
        String line;
        while (!(line = readLine()).isEmpty()) {
            head.append(line).append("\r\n");
        }
        if (head.length() < 12) {
            throw new IOException("no status line");
        }
        return head.toString();
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new IOException("the server closed the connection");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    private void read(long bytes, ByteArrayOutputStream body) throws IOException {
        byte[] buffer = new byte[8192];
        long left = bytes;
        while (left > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                throw new IOException("the server closed the connection in a body");
            }
            body.write(buffer, 0, read);
            left -= read;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
