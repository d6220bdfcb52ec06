package org.gridgov.system.fuzz;

import java.io.IOException;
import java.net.SocketTimeoutException;

import org.gridgov.kit.test.RawHttpConnection;

/**
 * A kept-alive raw connection to one port that sends a request's bytes exactly as given (an HTTP
 * client would refuse a control character in a header, re-encode a malformed {@code %} escape or
 * join a header's two values), opened again whenever the server closed it.
 */
final class RawHttp implements AutoCloseable {

    /** What came back: status 0 when nothing did. */
    record Answer(int status, String contentType, String body) {
    }

    private final int port;
    private final int timeoutMillis;
    private RawHttpConnection connection;

    RawHttp(int port, int timeoutMillis) {
        this.port = port;
        this.timeoutMillis = timeoutMillis;
    }

    Answer send(byte[] request) {
        try {
            return exchange(request);
        } catch (SocketTimeoutException e) {
            close();
            return new Answer(0, "", "no answer within " + timeoutMillis + " ms");
        } catch (IOException stale) {
            // the server closed the kept-alive connection (idle, or after an error): once more on a new one
            close();
            try {
                return exchange(request);
            } catch (IOException e) {
                close();
                return new Answer(0, "", "connection failed: " + e);
            }
        }
    }

    private Answer exchange(byte[] request) throws IOException {
        if (connection == null) {
            connection = new RawHttpConnection(port, timeoutMillis);
        }
        connection.send(request);
        RawHttpConnection.Response response = connection.readResponse();
        if (response.closes()) {
            close();
        }
        return new Answer(response.status(), response.contentType(), response.body());
    }

    @Override
    public void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (IOException ignored) {
                // closing a broken connection
            }
            connection = null;
        }
    }
}
