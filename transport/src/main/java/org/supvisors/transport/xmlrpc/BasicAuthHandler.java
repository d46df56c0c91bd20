package org.supvisors.transport.xmlrpc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

/**
 * HTTP basic authentication on the request head, before any body is aggregated, as supervisord's
 * {@code [inet_http_server]} does: a missing or wrong {@code Authorization} is answered 401 with
 * {@code WWW-Authenticate: Basic realm="default"}. A password written {@code {SHA}<hex>} is compared with the
 * SHA-1 of the given one, as Supervisor does.
 *
 * <p>The body of a refused request is discarded as it arrives when its length is known and acceptable and the
 * connection is kept alive; otherwise (chunked, too large, {@code Expect: 100-continue}, {@code Connection: close})
 * reading stops and the connection is closed after the 401.
 */
final class BasicAuthHandler extends ChannelInboundHandlerAdapter {

    private static final System.Logger LOGGER = System.getLogger(BasicAuthHandler.class.getName());

    private final byte[] username;
    private final String password;
    private final int maxBodyBytes;
    private boolean discarding;

    BasicAuthHandler(String username, String password, int maxBodyBytes) {
        this.username = username.getBytes(StandardCharsets.UTF_8);
        this.password = password;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request) {
            if (!request.decoderResult().isSuccess() || isAuthorized(request)) {
                discarding = false;
                ctx.fireChannelRead(msg);
                return;
            }
            ReferenceCountUtil.release(msg);
            discarding = !(msg instanceof LastHttpContent);
            boolean close = !HttpUtil.isKeepAlive(request) || HttpUtil.isTransferEncodingChunked(request)
                    || HttpUtil.is100ContinueExpected(request)
                    || HttpUtil.getContentLength(request, 0L) > maxBodyBytes;
            if (close) {
                ctx.channel().config().setAutoRead(false);
            }
            LOGGER.log(System.Logger.Level.DEBUG, "{0} {1} from {2}: missing or wrong credentials, answered 401",
                    request.method(), request.uri(), ctx.channel().remoteAddress());
            ctx.fireChannelRead(new HttpRefusal(unauthorized(), close));
            return;
        }
        if (discarding && msg instanceof HttpContent) {
            discarding = !(msg instanceof LastHttpContent);
            ReferenceCountUtil.release(msg);
            return;
        }
        ctx.fireChannelRead(msg);
    }

    private boolean isAuthorized(HttpRequest request) {
        String header = request.headers().get(HttpHeaderNames.AUTHORIZATION);
        if (header == null || header.length() < 6 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return false;
        }
        boolean userOk = MessageDigest.isEqual(username,
                decoded.substring(0, colon).getBytes(StandardCharsets.UTF_8));
        return passwordMatches(decoded.substring(colon + 1)) & userOk;
    }

    private boolean passwordMatches(String given) {
        byte[] expected;
        byte[] actual;
        if (password.startsWith("{SHA}")) {
            expected = password.substring(5).toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
            actual = HexFormat.of().formatHex(sha1(given)).getBytes(StandardCharsets.US_ASCII);
        } else {
            expected = password.getBytes(StandardCharsets.UTF_8);
            actual = given.getBytes(StandardCharsets.UTF_8);
        }
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] sha1(String text) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1: unavailable (expected: in every JDK)", e);
        }
    }

    private static FullHttpResponse unauthorized() {
        FullHttpResponse response = HttpResponses.text(HttpResponseStatus.UNAUTHORIZED,
                "401 Unauthorized: missing or wrong credentials");
        response.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Basic realm=\"default\"");
        return response;
    }
}
