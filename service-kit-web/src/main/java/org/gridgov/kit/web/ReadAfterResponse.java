package org.gridgov.kit.web;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * Asks the connection for its next request once a response is on the wire, so a kept-alive
 * connection never stops reading.
 * <p>Reactor Netty's HTTP server (1.3.6, and 1.3.8, the newest served here) reads on demand and can
 * forget to: when a request arrives before the previous one's operations have ended, it queues the
 * request and its empty end; if the request is then answered at once (a 400 for a missing
 * parameter), the queue drains on the empty end without asking for more, and the client's next
 * request on that connection is never read (reactor/reactor-netty#4361, fixed after 1.3.8). Found as
 * a candidates request hanging for 60 s after a 400 in CI, and by the whole-request fuzz pass at the
 * gateway. A read asked for when one is already pending changes nothing, so the extra one is harmless.
 */
final class ReadAfterResponse extends ChannelOutboundHandlerAdapter {

    static final String NAME = "gridgov.readAfterResponse";

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (!(msg instanceof LastHttpContent)) {
            super.write(ctx, msg, promise);
            return;
        }
        ChannelPromise written = promise.unvoid();
        super.write(ctx, msg, written);
        written.addListener((ChannelFutureListener) future -> {
            if (future.isSuccess() && future.channel().isActive()) {
                ctx.read();
            }
        });
    }
}
