package dev.tributary.gateway.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The deadline by which a connection's current request must have been read (its head, then its
 * body), closing the connection when it passes. At most one check is scheduled per connection:
 * moving the deadline later, as every request on a kept-alive connection does, schedules nothing,
 * and a check that fires before the deadline re-arms for what is left (the way Netty's
 * {@code IdleStateHandler} avoids a timer per read). Only a deadline earlier than the pending
 * check reschedules it. Not thread-safe: used on the connection's event loop only.
 */
final class ReadDeadline {

    private boolean set;
    private long deadline;
    private ScheduledFuture<?> check;
    private long checkAt;

    /** Whether a deadline is running. */
    boolean isSet() {
        return set;
    }

    /** The request must have been read within {@code timeout} from now. */
    void set(ChannelHandlerContext context, Duration timeout) {
        deadline = System.nanoTime() + timeout.toNanos();
        set = true;
        if (check == null || deadline - checkAt < 0) {
            cancelCheck();
            arm(context, deadline);
        }
    }

    /** The request was read: no deadline until the next one starts. */
    void clear() {
        set = false;
    }

    /** The connection is done with: nothing stays scheduled. */
    void cancel() {
        set = false;
        cancelCheck();
    }

    private void arm(ChannelHandlerContext context, long at) {
        checkAt = at;
        check = context.executor().schedule(() -> fire(context), at - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    private void fire(ChannelHandlerContext context) {
        check = null;
        if (!set) {
            return;
        }
        if (deadline - System.nanoTime() <= 0) {
            context.close();
        } else {
            arm(context, deadline);
        }
    }

    private void cancelCheck() {
        if (check != null) {
            check.cancel(false);
            check = null;
        }
    }
}
