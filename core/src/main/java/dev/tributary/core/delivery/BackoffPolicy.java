package dev.tributary.core.delivery;

/** How the wait before a retry grows, in the Knative DeliverySpec vocabulary. */
public enum BackoffPolicy {
    /** The k-th retry waits {@code backoffDelay × k}. */
    LINEAR,
    /** The k-th retry waits {@code backoffDelay × 2^(k−1)}. */
    EXPONENTIAL
}
