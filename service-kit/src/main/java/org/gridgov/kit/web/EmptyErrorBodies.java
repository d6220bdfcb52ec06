package org.gridgov.kit.web;

import java.util.LinkedHashMap;
import java.util.Map;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
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
 * Sits right after the server's HTTP codec, so it sees each response before it is encoded.
 */
final class EmptyErrorBodies extends ChannelDuplexHandler {

    static final String NAME = "gridgov.emptyErrorBodies";

    private final JsonMapper json;
    /** The path and method of the request being answered (HTTP/1.1 answers in order). */
    private String path = "";
    private boolean head;
    /** A body to write in place of the empty last content that follows a response head we filled in. */
    private byte[] pendingBody;

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
        }
        super.channelRead(ctx, msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof HttpResponse response && isEmptyError(response)) {
            ErrorFormat format = ErrorFormat.forPath(path);
            byte[] body = format.render(problem(response.status().code()), json);
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, format.mediaType().toString());
            HttpUtil.setContentLength(response, body.length);
            if (msg instanceof FullHttpResponse full) {
                full.content().release();
                super.write(ctx, full.replace(Unpooled.wrappedBuffer(body)), promise);
                return;
            }
            pendingBody = body;
        } else if (msg instanceof LastHttpContent last && pendingBody != null && !last.content().isReadable()) {
            ByteBuf content = Unpooled.wrappedBuffer(pendingBody);
            pendingBody = null;
            last.release();
            super.write(ctx, new DefaultLastHttpContent(content), promise);
            return;
        }
        super.write(ctx, msg, promise);
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
