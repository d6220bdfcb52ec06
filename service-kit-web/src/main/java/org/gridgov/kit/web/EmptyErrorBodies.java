package org.gridgov.kit.web;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gives a body to the error responses the HTTP server writes before any of our code runs, which
 * leave empty: a request line or headers too long for the codec (414, 431), a request the codec
 * cannot parse (400), a path with a malformed {@code %} escape (400, Spring's adapter gives up
 * before a handler), and a 406 for an {@code Accept} header Spring cannot parse, whose problem body
 * is lost while Spring negotiates its type. An error response of ours always has a body, so an
 * empty one is one of these: it gets the problem (the Open311 list on Open311 paths) with the
 * status's standard detail.
 * <p>The answer also closes the connection ({@code Connection: close}): the server did not read such
 * a request the ordinary way, and a kept-alive connection after it answered nothing more (the
 * whole-request fuzz pass found a malformed {@code %} escape stalling the next request on its
 * connection until the client gave up). A client simply opens a new connection, as after Netty's own
 * 414 and 431.
 * <p>A request whose {@code %} escapes do not decode (a missing hex digit, a truncated or invalid UTF-8
 * sequence) is refused here with the same 400 before any framework code reads it: some of them
 * left the request unanswered and its connection open. So is a request the codec could not read at
 * all (a request line or headers too long, an unprintable header) when nothing is being answered on
 * its connection: Reactor Netty, which answers those, sometimes never did after a kept-alive answer.
 * Sits right after the server's HTTP codec, so it sees each request and response as the codec has them.
 */
final class EmptyErrorBodies extends ChannelDuplexHandler {

    static final String NAME = "gridgov.emptyErrorBodies";
    /** How long a refused request's connection stays open for the rest of what the client sends. */
    static final Duration LINGER = Duration.ofSeconds(2);

    private final JsonMapper json;
    /** The path and method of the request being answered (HTTP/1.1 answers in order). */
    private String path = "";
    private boolean head;
    /** A body to write in place of the empty last content that follows a response head we filled in. */
    private byte[] pendingBody;
    /** The rest of a refused request's body, dropped unread. */
    private boolean discarding;
    /** Requests read whose response has not been written to its end yet. */
    private int unanswered;

    EmptyErrorBodies(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof HttpRequest request) {
            String uri = request.uri();
            int query = uri.indexOf('?');
            path = query < 0 ? uri : uri.substring(0, query);
            head = HttpMethod.HEAD.equals(request.method());
            if (!PercentEncoding.isDecodable(uri)) {
                // a truncated UTF-8 escape (%F0%9F%98) left the request unanswered, its connection open
                discarding = !(msg instanceof LastHttpContent);
                ReferenceCountUtil.release(msg);
                refuse(ctx, HttpResponseStatus.BAD_REQUEST);
                return;
            }
            if (request.decoderResult().isFailure() && unanswered == 0) {
                // a request line or header the codec could not read (too long, an unprintable header), right
                // after an answer: Reactor Netty answered it only once the previous request's operations had
                // ended, and sometimes never (the whole-request pass, straight to the services)
                discarding = true;
                ReferenceCountUtil.release(msg);
                refuse(ctx, statusOf(request.decoderResult().cause()));
                return;
            }
            unanswered++;
        } else if (discarding && msg instanceof HttpContent content) {
            discarding = !(content instanceof LastHttpContent);
            content.release();
            return;
        }
        super.channelRead(ctx, msg);
    }

    /** The codec's own answer to a request it could not read: 414 and 431 for what is too long, else 400. */
    private static HttpResponseStatus statusOf(Throwable failure) {
        if (failure instanceof TooLongHttpLineException) {
            return HttpResponseStatus.REQUEST_URI_TOO_LONG;
        }
        if (failure instanceof TooLongHttpHeaderException) {
            return HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
        }
        return HttpResponseStatus.BAD_REQUEST;
    }

    /** Refuses a request before any framework code reads it, with the problem for {@code status}; the connection closes. */
    private void refuse(ChannelHandlerContext ctx, HttpResponseStatus status) {
        ErrorFormat format = ErrorFormat.forPath(path);
        byte[] body = format.render(problem(status.code()), json);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.wrappedBuffer(body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, format.mediaType().toString());
        HttpUtil.setContentLength(response, body.length);
        HttpUtil.setKeepAlive(response, false);
        ctx.writeAndFlush(response).addListener(written -> lingeringClose(ctx));
    }

    /**
     * Closes our side only, then the connection once the client closes its own or after {@link #LINGER}: the rest of
     * a refused request (the body of a POST whose request line was too long) is still arriving, and closing at once
     * with it unread resets the connection, and the client's stack drops the answer it had not read yet (the fuzz
     * pass saw "no bytes" for a 414). What arrives meanwhile is dropped: the codec discards after a failed request.
     */
    private static void lingeringClose(ChannelHandlerContext ctx) {
        Channel channel = ctx.channel();
        if (channel instanceof DuplexChannel duplex && channel.isActive()) {
            duplex.shutdownOutput().addListener(done -> ctx.executor().schedule(() -> channel.close(), LINGER.toMillis(),
                    TimeUnit.MILLISECONDS));
        } else {
            channel.close();
        }
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof LastHttpContent && unanswered > 0) {
            unanswered--;
        }
        if (msg instanceof HttpResponse response && isEmptyError(response)) {
            ErrorFormat format = ErrorFormat.forPath(path);
            byte[] body = format.render(problem(response.status().code()), json);
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, format.mediaType().toString());
            HttpUtil.setContentLength(response, body.length);
            HttpUtil.setKeepAlive(response, false);
            if (msg instanceof FullHttpResponse full) {
                full.content().release();
                writeAndClose(ctx, full.replace(Unpooled.wrappedBuffer(body)), promise);
                return;
            }
            pendingBody = body;
        } else if (msg instanceof LastHttpContent last && pendingBody != null && !last.content().isReadable()) {
            ByteBuf content = Unpooled.wrappedBuffer(pendingBody);
            pendingBody = null;
            last.release();
            writeAndClose(ctx, new DefaultLastHttpContent(content), promise);
            return;
        }
        super.write(ctx, msg, promise);
    }

    private void writeAndClose(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        ChannelPromise written = promise.unvoid();
        super.write(ctx, msg, written);
        written.addListener(ChannelFutureListener.CLOSE);
    }

    private boolean isEmptyError(HttpResponse response) {
        if (head || response.status().code() < 400) {
            return false;
        }
        if (response instanceof FullHttpResponse full) {
            return !full.content().isReadable();
        }
        return HttpUtil.getContentLength(response, -1L) == 0L;
    }

    private static Map<String, Object> problem(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", Problems.typeFor(HttpStatusCode.valueOf(status)).toString());
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", switch (status) {
            case 414 -> "The request line (method, path and query) is longer than the server accepts.";
            case 431 -> "The request's headers are larger than the server accepts.";
            case 400 -> "The request is not well-formed HTTP (for example a malformed %-escape in its path or query).";
            case 406 -> "The Accept header names no media type this resource can answer in (it answers JSON).";
            default -> title + ".";
        });
        return problem;
    }
}
