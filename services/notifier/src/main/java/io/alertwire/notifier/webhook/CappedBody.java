package io.alertwire.notifier.webhook;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads at most {@code cap} bytes of a response body, then hangs up: a receiver's answer may be
 * endless, and only its beginning is of use (an excerpt in the attempt's error). The body of a 2xx
 * answer is not read at all.
 */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {

    /** The most of an error answer that is read. */
    static final int CAP = 64 * 1024;
    /** The most of it that is kept, in the attempt's error. */
    static final int EXCERPT = 200;

    private final int cap;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    private CappedBody(int cap) {
        this.cap = cap;
    }

    /** Reads up to {@link #CAP} bytes of a non-2xx answer, nothing of a 2xx one. */
    static HttpResponse.BodyHandler<byte[]> handler() {
        return info -> new CappedBody(info.statusCode() / 100 == 2 ? 0 : CAP);
    }

    /** The beginning of a body as one line of readable text, at most {@link #EXCERPT} characters. */
    static String excerpt(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        return text.length() <= EXCERPT ? text : text.substring(0, EXCERPT) + "…";
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (cap == 0) {
            s.cancel();
            result.complete(new byte[0]);
        } else {
            s.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        for (ByteBuffer item : items) {
            int take = Math.min(item.remaining(), cap - buffer.size());
            byte[] bytes = new byte[take];
            item.get(bytes);
            buffer.write(bytes, 0, take);
            if (buffer.size() >= cap) {
                subscription.cancel();
                result.complete(buffer.toByteArray());
                return;
            }
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        result.complete(buffer.toByteArray());
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }
}
