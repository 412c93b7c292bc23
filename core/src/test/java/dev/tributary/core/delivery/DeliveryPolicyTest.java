package dev.tributary.core.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeliveryPolicyTest {

    @Test
    void linearBackoffGrowsByTheDelay() {
        DeliveryPolicy policy = policy(BackoffPolicy.LINEAR, 200);
        assertEquals(Duration.ofMillis(200), policy.backoff(1));
        assertEquals(Duration.ofMillis(400), policy.backoff(2));
        assertEquals(Duration.ofMillis(1000), policy.backoff(5));
    }

    @Test
    void exponentialBackoffDoubles() {
        DeliveryPolicy policy = policy(BackoffPolicy.EXPONENTIAL, 200);
        assertEquals(Duration.ofMillis(200), policy.backoff(1));
        assertEquals(Duration.ofMillis(400), policy.backoff(2));
        assertEquals(Duration.ofMillis(3200), policy.backoff(5));
    }

    @Test
    void exponentialBackoffStopsGrowingInsteadOfOverflowing() {
        DeliveryPolicy policy = policy(BackoffPolicy.EXPONENTIAL, 200);
        assertEquals(Duration.ofMillis(200L << 32), policy.backoff(33));
        assertEquals(policy.backoff(33), policy.backoff(80));
        assertEquals(
                Duration.ofMillis(Long.MAX_VALUE),
                policy(BackoffPolicy.LINEAR, Long.MAX_VALUE / 2).backoff(3));
    }

    @Test
    void aRetryWaitsTheBackoffOrTheSinksRetryAfterWhicheverIsLonger() {
        DeliveryPolicy policy = policy(BackoffPolicy.EXPONENTIAL, 200);
        assertEquals(Duration.ofMillis(400), policy.delayBeforeRetry(2, Optional.empty()));
        assertEquals(Duration.ofMillis(400), policy.delayBeforeRetry(2, Optional.of(Duration.ofMillis(100))));
        assertEquals(Duration.ofSeconds(3), policy.delayBeforeRetry(2, Optional.of(Duration.ofSeconds(3))));
    }

    @Test
    void retriesAreNumberedFromOne() {
        assertThrows(
                IllegalArgumentException.class,
                () -> policy(BackoffPolicy.LINEAR, 1).backoff(0));
    }

    @Test
    void defaultsAreThoseOfTheContract() {
        assertEquals(
                new DeliveryPolicy(
                        3, BackoffPolicy.EXPONENTIAL, Duration.ofMillis(200), Duration.ofSeconds(30), Optional.empty()),
                DeliveryPolicy.DEFAULT);
    }

    @ParameterizedTest
    @CsvSource({
        "200,ACCEPTED",
        "202,ACCEPTED",
        "204,ACCEPTED",
        "400,REJECTED",
        "401,REJECTED",
        "403,REJECTED",
        "404,RETRIABLE",
        "408,RETRIABLE",
        "409,RETRIABLE",
        "410,REJECTED",
        "413,REJECTED",
        "429,RETRIABLE",
        "500,RETRIABLE",
        "502,RETRIABLE",
        "503,RETRIABLE",
        "301,REJECTED",
        "307,REJECTED",
        "100,REJECTED"
    })
    void sinkStatusesFollowTheKnativeTable(int status, SinkResponse expected) {
        assertEquals(expected, SinkResponse.classify(status));
    }

    @Test
    void retryAfterTakesSecondsOrAnHttpDate() {
        Instant now = Instant.parse("2026-11-26T10:00:00Z");
        assertEquals(Optional.of(Duration.ofSeconds(7)), RetryAfter.parse("7", now));
        assertEquals(Optional.of(Duration.ofSeconds(90)), RetryAfter.parse("Thu, 26 Nov 2026 10:01:30 GMT", now));
        assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse("Thu, 26 Nov 2026 09:00:00 GMT", now));
        assertEquals(Optional.empty(), RetryAfter.parse("soon", now));
        assertEquals(Optional.empty(), RetryAfter.parse("-3", now));
        assertEquals(Optional.empty(), RetryAfter.parse(null, now));
    }

    private static DeliveryPolicy policy(BackoffPolicy backoff, long delayMillis) {
        return new DeliveryPolicy(3, backoff, Duration.ofMillis(delayMillis), Duration.ofSeconds(1), Optional.empty());
    }
}
