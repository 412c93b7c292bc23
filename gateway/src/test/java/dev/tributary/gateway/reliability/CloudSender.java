package dev.tributary.gateway.reliability;

import java.util.concurrent.Callable;

/** Sends like a cloud's push delivery does: again and again, with a short backoff, until a 2xx (or a minute passed). */
final class CloudSender {

    private static final long GIVE_UP_MILLIS = 60_000;
    private static final long BACKOFF_MILLIS = 100;

    private CloudSender() {}

    /** @param attempt one delivery attempt, returning the HTTP status; an exception is a failed attempt */
    static void untilAccepted(Callable<Integer> attempt) {
        long giveUp = System.currentTimeMillis() + GIVE_UP_MILLIS;
        while (System.currentTimeMillis() < giveUp && !Thread.currentThread().isInterrupted()) {
            try {
                if (attempt.call() / 100 == 2) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                // a failed attempt: try again
            }
            pause(BACKOFF_MILLIS);
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
